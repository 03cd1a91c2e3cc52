package io.vigil.events.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.vigil.events.EventWorkspace;

/** File &gt; Import Events: asks what to import, then imports it as a background job. */
public final class ImportEventsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		EventWorkspace events = window.getWorkbench().getService(EventWorkspace.class);
		if (events == null) {
			MessageDialog.openError(window.getShell(), Messages.Import_title, Messages.Search_noStore);
			return null;
		}
		ImportDialog dialog = new ImportDialog(window.getShell());
		if (dialog.open() == Window.OK) {
			new ImportJob(events, dialog.paths(), dialog.format(), dialog.zone()).schedule();
		}
		return null;
	}
}
