package io.vigil.events.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.handlers.HandlerUtil;

/** View &gt; Event Search: switches to the Event Search perspective. */
public final class OpenEventSearchHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		try {
			window.getWorkbench().showPerspective(EventSearchPerspective.ID, window);
		} catch (WorkbenchException e) {
			throw new ExecutionException("Cannot open the Event Search perspective", e);
		}
		return null;
	}
}
