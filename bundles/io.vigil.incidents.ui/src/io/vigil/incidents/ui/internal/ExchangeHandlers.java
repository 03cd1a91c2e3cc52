package io.vigil.incidents.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.vigil.incidents.ui.IncidentExchangeUi;

/** What the export and import handlers share: finding the exchange service, or saying it is missing. */
final class ExchangeHandlers {

	private ExchangeHandlers() {
	}

	/** Returns the exchange service, or {@code null} after telling the user it is not installed. */
	static IncidentExchangeUi exchange(IWorkbenchWindow window, String title) {
		return orSayMissing(window.getWorkbench().getService(IncidentExchangeUi.class), window.getShell(), title);
	}

	/** Returns the exchange service found, or {@code null} after telling the user it is not installed. */
	static IncidentExchangeUi orSayMissing(IncidentExchangeUi exchange, Shell shell, String title) {
		if (exchange == null) {
			MessageDialog.openInformation(shell, title, Messages.Exchange_missing);
		}
		return exchange;
	}

	/** The base of both handlers: the window that asked. */
	abstract static class Base extends AbstractHandler {

		@Override
		public final Object execute(ExecutionEvent event) throws ExecutionException {
			IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
			run(window, window.getShell());
			return null;
		}

		abstract void run(IWorkbenchWindow window, Shell shell);
	}
}
