package io.vigil.incidents.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import io.vigil.events.store.StoredEvent;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.PromotionReport;
import io.vigil.rules.alerts.Alert;
import io.vigil.ui.Background;

/**
 * Add to Incident / Promote to Incident: promotes the events or alerts selected in Event Search
 * or the alert parts into a new or an existing incident, keeping where each came from. Those parts
 * put their selection into the workbench; this handler reads it, so they need not know incidents.
 */
public final class PromoteToIncidentHandler extends AbstractHandler {

	/** The command's id. */
	public static final String COMMAND = "io.vigil.incidents.ui.command.promote";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		IStructuredSelection selection = HandlerUtil.getCurrentStructuredSelection(event);
		promote(window.getShell(), window.getWorkbench().getService(IncidentService.class),
				window.getWorkbench().getService(IEventBroker.class), selection);
		return null;
	}

	/** What is selected: event ids and alert numbers. */
	record Chosen(List<String> eventIds, List<Long> alertIds) {

		static Chosen of(IStructuredSelection selection) {
			List<String> events = new ArrayList<>();
			List<Long> alerts = new ArrayList<>();
			for (Object element : (selection == null ? StructuredSelection.EMPTY : selection).toList()) {
				if (element instanceof StoredEvent stored) {
					events.add(stored.id());
				} else if (element instanceof Alert alert) {
					alerts.add(alert.id());
				}
			}
			return new Chosen(List.copyOf(events), List.copyOf(alerts));
		}

		boolean isEmpty() {
			return eventIds.isEmpty() && alertIds.isEmpty();
		}

		String describe() {
			String events = NLS.bind(Messages.Promote_events, eventIds.size());
			String alerts = NLS.bind(Messages.Promote_alerts, alertIds.size());
			if (alertIds.isEmpty()) {
				return events;
			}
			return eventIds.isEmpty() ? alerts : NLS.bind(Messages.Promote_kinds, events, alerts);
		}
	}

	/**
	 * Asks where the selected items go, then promotes them in the background and says how many
	 * were added. Call on the UI thread.
	 */
	static void promote(Shell shell, IncidentService service, IEventBroker broker, IStructuredSelection selection) {
		Chosen chosen = Chosen.of(selection);
		String title = chosen.alertIds().isEmpty() ? Messages.Promote_eventsTitle : Messages.Promote_title;
		if (chosen.isEmpty()) {
			MessageDialog.openInformation(shell, title, Messages.Promote_nothing);
			return;
		}
		if (service == null) {
			MessageDialog.openInformation(shell, title, Messages.Promote_noService);
			return;
		}
		Background.run(Messages.Job_list, shell, monitor -> service.store().list(IncidentFilter.ALL), incidents -> {
			PromoteDialog dialog = new PromoteDialog(shell, title,
					NLS.bind(Messages.Promote_message, chosen.describe()), incidents);
			if (dialog.open() == Window.OK) {
				run(shell, service, broker, chosen, dialog.newTitle(), dialog.existingId(), title);
			}
		}, e -> MessageDialog.openError(shell, title, NLS.bind(Messages.Promote_failed, Background.message(e))));
	}

	private static void run(Shell shell, IncidentService service, IEventBroker broker, Chosen chosen, String newTitle,
			String existingId, String title) {
		Background.run(NLS.bind(Messages.Job_promote, existingId != null ? existingId : newTitle), shell, monitor -> {
			Incident incident = existingId != null ? service.store().require(existingId)
					: service.store().create(IncidentFields.titled(newTitle), Labels.analyst());
			PromotionReport report = new PromotionReport(0, 0, List.of());
			if (!chosen.eventIds().isEmpty()) {
				report = report.plus(service.promotion().promoteEventIds(incident.id(), chosen.eventIds()));
			}
			if (!chosen.alertIds().isEmpty()) {
				report = report.plus(service.promotion().promoteAlerts(incident.id(), chosen.alertIds()));
			}
			return new Promoted(incident, report);
		}, promoted -> {
			if (broker != null) {
				broker.post(IncidentsTopics.CHANGED, promoted.incident().id());
			}
			PromotionReport report = promoted.report();
			String missing = report.missingEvents().isEmpty() ? ""
					: NLS.bind(Messages.Promote_missing, report.missingEvents().size());
			MessageDialog.openInformation(shell, title, NLS.bind(Messages.Promote_done, new Object[] {
					promoted.incident().id(), promoted.incident().title(), report.added(), report.present(), missing }));
		}, e -> MessageDialog.openError(shell, title, NLS.bind(Messages.Promote_failed, Background.message(e))));
	}

	private record Promoted(Incident incident, PromotionReport report) {
	}
}
