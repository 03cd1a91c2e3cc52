package io.vigil.exchange.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.HandlerKey;
import io.vigil.ui.Background;

/**
 * Export Incident: reads the incident as it would travel and the workspace's keys and profiles in
 * the background, then opens the {@link ExportDialog} over them.
 */
final class ExportFlow {

	/** What the export dialog offers, read before it opens. */
	record Setup(String incidentId, String tlp, List<ExchangeObject> objects, List<HandlerKey> keys,
			List<String> profiles, String defaultProfile) {
	}

	private final Shell shell;
	private final Workspace workspace;
	private final ExchangeBundles bundles;
	private final List<ExchangeParticipant> participants;
	private final String incidentId;

	ExportFlow(Shell shell, Workspace workspace, ExchangeBundles bundles, List<ExchangeParticipant> participants, String incidentId) {
		this.shell = shell;
		this.workspace = workspace;
		this.bundles = bundles;
		this.participants = participants;
		this.incidentId = incidentId;
	}

	/** Starts reading; the dialog opens when that is done. Call on the UI thread. */
	void start() {
		Background.run(NLS.bind(Messages.Job_prepare, incidentId), shell, monitor -> setup(),
				setup -> new ExportDialog(shell, bundles, setup).open(),
				e -> MessageDialog.openError(shell, Messages.Export_title,
						NLS.bind(Messages.Export_failed, Background.message(e))));
	}

	private Setup setup() throws Exception {
		Map<String, ExchangeParticipant> byType = ExchangeBundles.byType(participants);
		ExchangeParticipant incidents = byType.get(ExchangeSelection.INCIDENT);
		if (incidents == null) {
			throw new ExchangeException("no installed capability exports incidents");
		}
		List<ExchangeObject> objects = incidents.collect(ExchangeSelection.incident(incidentId), workspace);
		String tlp = objects.stream().filter(object -> object.type().equals(ExchangeSelection.INCIDENT))
				.map(object -> object.content().path("tlp")).filter(node -> node.isTextual() && !node.asText().isBlank())
				.map(node -> node.asText()).findFirst().orElse(null);
		return new Setup(incidentId, tlp, objects, bundles.keys().list(), List.copyOf(new TreeSet<>(bundles.profiles()
				.names())), bundles.profiles().forTlp(tlp));
	}
}
