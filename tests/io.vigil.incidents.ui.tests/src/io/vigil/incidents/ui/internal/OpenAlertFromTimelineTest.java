package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentPromotion;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/** An alert promoted into an incident opens from its timeline entry in the Alert Rules' Alert Detail. */
class OpenAlertFromTimelineTest {

	private static final String ALERT_DETAIL = "io.vigil.rules.ui.part.detail";

	@Test
	void enterOnAnAlertEntryShowsTheAlertInAlertDetail() throws Exception {
		IncidentService service = Workbench.service();
		RuleService rules = Conditions.waitFor("the rule service is up", Workbench.WAIT,
				() -> PlatformUI.getWorkbench().getService(RuleService.class));
		String title = "Timeline alert " + UUID.randomUUID();
		Alert alert = rules.alerts().raise(draft(title)).orElseThrow();
		Incident incident = service.store().create(IncidentFields.titled("Alert to open"), "ui-test");
		service.store().promote(incident.id(), IncidentPromotion.alertItem(alert));
		Workbench.openPerspective();
		IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
		IncidentTimelineView view = UiThread.call(() -> {
			IncidentListPart.open(Workbench.parts(), broker, incident.id());
			return Workbench.show(IncidentTimelineView.ID, IncidentTimelineView.class);
		});
		UiThread.waitUntil("the timeline shows the alert", Workbench.WAIT,
				() -> incident.id().equals(view.incidentId()) && view.timeline().size() == 1);
		TimelineEntry entry = UiThread.call(() -> view.timeline().get(0));
		assertEquals(EntryKind.ALERT, entry.kind());

		UiThread.run(() -> view.openOrigin(entry));

		String heading = "Alert " + alert.id() + ": " + title;
		UiThread.waitUntil("Alert Detail shows the alert", Workbench.WAIT, () -> {
			MPart part = Workbench.parts().findPart(ALERT_DETAIL);
			return part != null && part.getWidget() instanceof Composite composite && Widgets
					.find(composite, Label.class, label -> label.getText().equals(heading)).isPresent();
		});
		assertTrue(UiThread.call(() -> Workbench.parts().isPartVisible(Workbench.parts().findPart(ALERT_DETAIL))),
				"Alert Detail is visible");
	}

	private static AlertDraft draft(String title) {
		Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String event = UUID.randomUUID().toString().replace("-", "");
		return new AlertDraft("key-" + UUID.randomUUID(), "ui-timeline-" + UUID.randomUUID(), 1, title,
				"Failed logins for mallory", RuleLevel.HIGH, "authentication", List.of("attack.t1110"), List.of("T1110"),
				"details.username", "mallory", time, time, time, 1, List.of(event), List.of(),
				Map.of(event, List.of("details.success")));
	}
}
