package io.vigil.exchange.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.incidents.ui.IncidentExchangeUi;

/**
 * Offers the Incidents perspective's export and import while the workbench has a workspace and
 * its incidents: the dialogs of this bundle over the workspace's {@link ExchangeBundles}.
 */
@Component(service = IncidentExchangeUi.class)
public final class ExchangeUiComponent implements IncidentExchangeUi {

	@Reference
	private EventWorkspace events;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<ExchangeParticipant> participants;

	private ExchangeBundles bundles;

	/** Brings the exchange records of the workspace up to date. */
	@Activate
	void activate() throws WorkspaceException {
		bundles = ExchangeBundles.of(events.workspace());
	}

	@Override
	public void exportIncident(Shell shell, String incidentId) {
		new ExportFlow(shell, events.workspace(), bundles, List.copyOf(participants), incidentId).start();
	}

	@Override
	public void importBundle(Shell shell) {
		new ImportFlow(shell, bundles, List.copyOf(participants)).start();
	}

	/** Imports a chosen bundle file, as {@link #importBundle} does after its file dialog. */
	void importFile(Shell shell, Path file) {
		new ImportFlow(shell, bundles, List.copyOf(participants)).open(file);
	}
}
