package io.vigil.app.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help-free way back to the welcome: View &gt; Show Welcome (Ctrl+Alt+H). */
public final class ShowWelcomeHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		try {
			window.getActivePage().showView(HomePerspective.WELCOME_PART);
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot show the welcome", e);
		}
		return null;
	}
}
