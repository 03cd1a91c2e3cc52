package io.vigil.rules.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.handlers.HandlerUtil;

/** View &gt; Alert Queue: shows the alert queue in the current perspective. */
public final class ShowAlertQueueHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		EPartService parts = HandlerUtil.getActiveWorkbenchWindowChecked(event).getService(EPartService.class);
		parts.showPart(AlertQueuePart.ID, EPartService.PartState.ACTIVATE);
		return null;
	}
}
