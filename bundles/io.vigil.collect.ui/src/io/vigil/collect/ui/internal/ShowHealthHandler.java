package io.vigil.collect.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.handlers.HandlerUtil;

/** View &gt; Collector Health: shows the health view in the current perspective. */
public final class ShowHealthHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		EPartService parts = HandlerUtil.getActiveWorkbenchWindowChecked(event).getService(EPartService.class);
		parts.showPart(CollectorHealthPart.ID, EPartService.PartState.ACTIVATE);
		return null;
	}
}
