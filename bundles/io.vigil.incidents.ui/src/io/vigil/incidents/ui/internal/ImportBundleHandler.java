package io.vigil.incidents.ui.internal;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;

import io.vigil.incidents.ui.IncidentExchangeUi;

/** File &gt; Import Bundle: lets the exchange service import a bundle file. */
public final class ImportBundleHandler extends ExchangeHandlers.Base {

	@Override
	void run(IWorkbenchWindow window, Shell shell) {
		IncidentExchangeUi exchange = ExchangeHandlers.exchange(window, Messages.Exchange_import);
		if (exchange != null) {
			exchange.importBundle(shell);
		}
	}
}
