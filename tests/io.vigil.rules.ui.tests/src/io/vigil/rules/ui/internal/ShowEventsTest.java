package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventWorkspace;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.EventIds;
import io.vigil.events.ui.ShowEvents;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * Why did it fire: Show Events in the alert detail opens the alert's events in Event Search, found
 * by their ids, with the fields the rule matched marked in the selected event.
 */
class ShowEventsTest {

	private static final Duration WAIT = Duration.ofSeconds(60);
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void showEventsOpensTheContributingEventsWithTheMatchedFieldsMarked() throws Exception {
		IWorkbench workbench = PlatformUI.getWorkbench();
		RuleService service = Conditions.waitFor("the rule service is up", WAIT,
				() -> workbench.getService(RuleService.class));
		String id = storeEvent(workbench.getService(EventWorkspace.class), "probe-" + UUID.randomUUID());
		Alert alert = service.alerts().raise(new AlertDraft("show-" + id, "ui-test-show-" + UUID.randomUUID(), 1,
				"UI test rule", "Failed login", RuleLevel.MEDIUM, "authentication", List.of(), List.of(), "", "",
				TIME, TIME, TIME, 1, List.of(id), List.of(), Map.of(id, List.of("details.username")))).orElseThrow();

		UiThread.run(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(AlertRulesPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			AlertDetailPart detail = (AlertDetailPart) window.getService(EPartService.class)
					.showPart(AlertDetailPart.ID, EPartService.PartState.ACTIVATE).getObject();
			detail.show(alert);
			detail.showEvents();
		});

		UiThread.waitUntil("the Event Search perspective is shown", WAIT, () -> ShowEvents.PERSPECTIVE_ID
				.equals(workbench.getWorkbenchWindows()[0].getActivePage().getPerspective().getId()));
		String query = ShowEvents.idQuery(List.of(id));
		UiThread.waitUntil("Event Search runs " + query, WAIT, () -> Widgets
				.find(shell(workbench), Combo.class, combo -> combo.getText().equals(query)).isPresent());
		UiThread.waitUntil("the matched field is marked in the event shown", WAIT,
				() -> markedFields(workbench).contains("username"));
		assertEquals(List.of("username"), UiThread.call(() -> markedFields(workbench)));
	}

	private static String storeEvent(EventWorkspace events, String user) throws Exception {
		ObjectNode event = (ObjectNode) JSON.readTree("""
				{"utctimestamp": "2026-12-01T10:00:00+00:00", "category": "authentication", "hostname": "web9",
				 "summary": "Failed password for %s", "details": {"username": "%s", "success": false}}"""
				.formatted(user, user));
		String id = EventIds.of("ui-test", event.toString(), TIME.toString());
		event.putObject("vigil").put("id", id);
		byte[] bytes = JSON.writeValueAsBytes(event);
		events.store().add(id, TIME, EventDocuments.build(id, TIME.toEpochMilli(), event, bytes));
		events.store().commit();
		events.store().refresh();
		return id;
	}

	private static Shell shell(IWorkbench workbench) {
		return workbench.getWorkbenchWindows()[0].getShell();
	}

	/** Returns the names of the tree items shown in bold: the fields Event Search marks. */
	private static List<String> markedFields(IWorkbench workbench) {
		List<String> marked = new ArrayList<>();
		for (Tree tree : Widgets.findAll(shell(workbench), Tree.class, Tree::isVisible)) {
			collect(tree.getItems(), marked);
		}
		return marked;
	}

	private static void collect(TreeItem[] items, List<String> marked) {
		for (TreeItem item : items) {
			if ((item.getFont().getFontData()[0].getStyle() & SWT.BOLD) != 0) {
				marked.add(item.getText(0));
			}
			collect(item.getItems(), marked);
		}
	}
}
