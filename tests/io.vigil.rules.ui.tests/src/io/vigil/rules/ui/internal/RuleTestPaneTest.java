package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * The test pane runs an edited correlation on pasted events with the library rule it names, as
 * it will run once saved: one alert for the address that failed often enough, none of its own for
 * the base rule.
 */
class RuleTestPaneTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private String baseId;

	@AfterEach
	void deleteTheBaseRule() throws Exception {
		if (baseId != null) {
			service().library().delete(baseId);
		}
	}

	private static RuleService service() {
		return Conditions.waitFor("the rule service is up", WAIT,
				() -> PlatformUI.getWorkbench().getService(RuleService.class));
	}

	@Test
	void aCorrelationOnPastedEventsCountsWithTheLibraryRuleItNames() throws Exception {
		String name = "failed_" + UUID.randomUUID().toString().replace('-', '_');
		baseId = UUID.randomUUID().toString();
		service().library().save("""
				title: Failed login for the pane
				name: %s
				id: %s
				logsource: {category: authentication}
				detection:
				  selection: {details.success: false}
				  condition: selection
				level: low
				""".formatted(name, baseId), "base.yml");
		String correlation = """
				title: Brute force in the pane
				id: %s
				correlation:
				  type: event_count
				  rules: [%s]
				  group-by: [details.sourceipaddress]
				  timespan: 1h
				  condition: {gte: 3}
				level: high
				""".formatted(UUID.randomUUID(), name);
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			events.append(event("203.0.113.7", i)).append('\n');
		}
		events.append(event("198.51.100.2", 5)).append('\n');
		IWorkbench workbench = PlatformUI.getWorkbench();

		RuleTestPart pane = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(AlertRulesPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			RuleTestPart part = (RuleTestPart) window.getService(EPartService.class)
					.showPart(RuleTestPart.ID, EPartService.PartState.ACTIVATE).getObject();
			part.ruleEdited(new EditedRule("Brute force in the pane", correlation, "pane.yml"));
			part.eventsText().setText(events.toString());
			part.testPasted();
			return part;
		});

		UiThread.waitUntil("the pane shows what the rule would raise", WAIT,
				() -> pane.summaryText().startsWith("Alerts:"));
		assertEquals(1, UiThread.call(() -> pane.shown().size()), UiThread.call(pane::summaryText));
		AlertDraft alert = UiThread.call(() -> pane.shown().get(0));
		assertEquals("203.0.113.7", alert.groupValue());
		assertEquals("Brute force in the pane", alert.ruleTitle());
	}

	private static String event(String address, int minute) {
		return """
				{"utctimestamp": "2026-12-02T10:0%d:00Z", "category": "authentication", "hostname": "vpn", \
				"summary": "Failed password", "details": {"success": false, "sourceipaddress": "%s"}}"""
				.formatted(minute, address);
	}
}
