package io.vigil.incidents.ui.internal;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;

import io.vigil.incidents.Incident;
import io.vigil.incidents.ui.IncidentExchangeUi;

/** File &gt; Export Incident: hands the incident opened in the editor to the exchange service. */
public final class ExportIncidentHandler extends ExchangeHandlers.Base {

	@Override
	void run(IWorkbenchWindow window, Shell shell) {
		MPart part = window.getService(EPartService.class).findPart(IncidentEditorPart.ID);
		Incident incident = part != null && part.getObject() instanceof IncidentEditorPart editor ? editor.incident()
				: null;
		if (incident == null) {
			MessageDialog.openInformation(shell, Messages.Exchange_export, Messages.Exchange_noIncident);
			return;
		}
		IncidentExchangeUi exchange = ExchangeHandlers.exchange(window, Messages.Exchange_export);
		if (exchange != null) {
			exchange.exportIncident(shell, incident.id());
		}
	}
}
