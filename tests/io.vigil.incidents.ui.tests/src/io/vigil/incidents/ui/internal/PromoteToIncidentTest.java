package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventWorkspace;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.EventIds;
import io.vigil.events.store.StoredEvent;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.ItemKind;
import io.vigil.incidents.PromotedItem;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * Two events selected in Event Search go through Add to Incident into a new incident: the handler
 * asks for the title, promotes them in the background and reports two added; the store has them.
 */
class PromoteToIncidentTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");

	@AfterEach
	void closeDialogs() {
		UiThread.run(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof PromoteDialog || shell.getData() instanceof MessageDialog) {
					shell.close();
				}
			}
		});
	}

	@Test
	void twoSelectedEventsArePromotedIntoANewIncident() throws Exception {
		IncidentService service = Workbench.service();
		EventWorkspace events = PlatformUI.getWorkbench().getService(EventWorkspace.class);
		List<StoredEvent> selected = List.of(storeEvent(events, "alice"), storeEvent(events, "bob"));
		String title = "Promoted from Event Search " + UUID.randomUUID();

		UiThread.post(() -> PromoteToIncidentHandler.promote(PlatformUI.getWorkbench().getWorkbenchWindows()[0]
				.getShell(), service, PlatformUI.getWorkbench().getService(IEventBroker.class),
				new StructuredSelection(selected)));
		PromoteDialog dialog = Conditions.waitFor("the promote dialog opens", Workbench.WAIT,
				() -> UiThread.call(() -> open(PromoteDialog.class)));
		UiThread.run(() -> {
			dialog.titleField().setText(title);
			dialog.okPressed();
		});

		Shell report = Conditions.waitFor("the promotion reports", Workbench.WAIT,
				() -> UiThread.call(() -> reportShell()));
		UiThread.run(report::close);
		Incident incident = service.store().list(IncidentFilter.ALL).stream()
				.filter(candidate -> candidate.title().equals(title)).findFirst().orElseThrow();
		Set<String> promoted = incident.items().stream().filter(item -> item.kind() == ItemKind.EVENT)
				.map(PromotedItem::sourceId).collect(Collectors.toSet());
		assertEquals(selected.stream().map(StoredEvent::id).collect(Collectors.toSet()), promoted);
		assertTrue(incident.items().size() == 2, "only the two events: " + incident.items());
	}

	private static <T> T open(Class<T> type) {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (type.isInstance(shell.getData()) && shell.isVisible()) {
				return type.cast(shell.getData());
			}
		}
		return null;
	}

	private static Shell reportShell() {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.getData() instanceof MessageDialog && Messages.Promote_eventsTitle.equals(shell.getText())) {
				return shell;
			}
		}
		return null;
	}

	private static StoredEvent storeEvent(EventWorkspace events, String user) throws Exception {
		ObjectNode event = (ObjectNode) JSON.readTree("""
				{"utctimestamp": "2026-12-01T10:00:00+00:00", "category": "authentication", "hostname": "web3",
				 "summary": "Failed password for %s", "details": {"username": "%s", "success": false}}"""
				.formatted(user, user));
		String id = EventIds.of("promote-test", event.toString() + UUID.randomUUID(), TIME.toString());
		event.putObject("vigil").put("id", id);
		byte[] bytes = JSON.writeValueAsBytes(event);
		events.store().add(id, TIME, EventDocuments.build(id, TIME.toEpochMilli(), event, bytes));
		events.store().commit();
		events.store().refresh();
		return new StoredEvent(id, TIME, event);
	}
}
