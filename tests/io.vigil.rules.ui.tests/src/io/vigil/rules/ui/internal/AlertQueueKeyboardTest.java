package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertNote;
import io.vigil.rules.alerts.AlertStatus;
import io.vigil.rules.alerts.Disposition;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * An analyst works the alert queue with the keyboard alone: keys typed through the display move
 * the selection, set statuses and dispositions (each confirmed with Enter in its comment dialog)
 * and open the detail; the alert store has what was decided.
 */
class AlertQueueKeyboardTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static IWorkbench workbench;
	private static RuleService service;

	private AlertQueuePart queue;
	private Keyboard keyboard;
	private final List<Alert> raised = new ArrayList<>();

	@BeforeAll
	static void findService() {
		workbench = PlatformUI.getWorkbench();
		service = Conditions.waitFor("the rule service is up", WAIT, () -> workbench.getService(RuleService.class));
	}

	@BeforeEach
	void raiseAlertsAndOpenTheQueue() throws WorkspaceException {
		String rule = "ui-test-" + UUID.randomUUID();
		Instant newest = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		// The queue lists the last stored first: store the third row first.
		for (int i = 2; i >= 0; i--) {
			raised.add(0, service.alerts().raise(draft(rule, i, newest.minusSeconds(i))).orElseThrow());
		}
		queue = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(AlertRulesPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			AlertQueuePart part = (AlertQueuePart) window.getService(EPartService.class)
					.showPart(AlertQueuePart.ID, EPartService.PartState.ACTIVATE).getObject();
			part.filterCombo().select(AlertQueuePart.StatusFilter.OPEN.ordinal());
			part.refresh();
			return part;
		});
		UiThread.waitUntil("the queue shows the raised alerts on top", WAIT, () -> topIds().equals(ids(raised)));
		keyboard = new Keyboard(UiThread.display());
		UiThread.run(() -> {
			Table table = queue.viewer().getTable();
			table.getShell().forceActive();
			// As when the analyst tabs into a queue with nothing selected.
			table.deselectAll();
			queue.filterCombo().setFocus();
			table.setFocus();
		});
		UiThread.waitUntil("the queue has the keyboard", WAIT,
				() -> Display.getCurrent().getFocusControl() == queue.viewer().getTable());
		keyboard.awaitDelivery(queue.viewer().getTable(), WAIT);
		assertSelected(raised.get(0));
	}

	private static AlertDraft draft(String rule, int index, Instant time) {
		String event = String.format(Locale.ROOT, "%032x", index + 1L);
		return new AlertDraft("key-" + index, rule, 1, "UI test rule", "Failed logins for user" + index,
				RuleLevel.HIGH, "authentication", List.of("attack.t1110"), List.of("T1110"), "details.username",
				"user" + index, time, time, time, 1, List.of(event), List.of(),
				Map.of(event, List.of("details.success")));
	}

	private List<Long> topIds() {
		List<Alert> shown = queue.shown();
		return shown.stream().limit(raised.size()).map(Alert::id).toList();
	}

	private static List<Long> ids(List<Alert> alerts) {
		return alerts.stream().map(Alert::id).toList();
	}

	@AfterEach
	void closeDialogs() {
		UiThread.run(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof CommentDialog || shell.getData() instanceof SuppressDialog) {
					shell.close();
				}
			}
		});
	}

	@Test
	void triagedWithKeysAlone() throws Exception {
		keyboard.key(SWT.ARROW_DOWN);
		assertSelected(raised.get(1));

		keyboard.type('a');
		awaitDialog(TriageKey.ACKNOWLEDGED);
		keyboard.type("seen");
		keyboard.enter();
		awaitStatus(raised.get(1), AlertStatus.ACKNOWLEDGED);

		keyboard.type('f');
		awaitDialog(TriageKey.FALSE_POSITIVE);
		keyboard.enter();
		awaitDisposition(raised.get(1), Disposition.FALSE_POSITIVE);

		keyboard.key(SWT.ARROW_UP);
		assertSelected(raised.get(0));
		keyboard.type('e');
		awaitDialog(TriageKey.ESCALATED);
		keyboard.enter();
		awaitStatus(raised.get(0), AlertStatus.ESCALATED);
		keyboard.type('t');
		awaitDialog(TriageKey.TRUE_POSITIVE);
		keyboard.enter();
		awaitDisposition(raised.get(0), Disposition.TRUE_POSITIVE);

		List<AlertNote> history = service.alerts().history(raised.get(1).id());
		assertTrue(history.stream().anyMatch(note -> note.comment().equals("seen")), history.toString());
		assertEquals(AlertStatus.NEW, service.alerts().get(raised.get(2).id()).orElseThrow().status());
	}

	@Test
	void closingMovesToTheNextAlertAndEnterOpensTheDetailEscapeComesBack() throws Exception {
		keyboard.type('c');
		awaitDialog(TriageKey.CLOSED);
		keyboard.type("dup");
		keyboard.enter();
		awaitStatus(raised.get(0), AlertStatus.CLOSED);
		UiThread.waitUntil("the closed alert leaves the open queue", WAIT,
				() -> queue.shown().stream().noneMatch(alert -> alert.id() == raised.get(0).id()));
		assertSelected(raised.get(1));

		keyboard.type('b');
		awaitDialog(TriageKey.BENIGN_TRUE_POSITIVE);
		keyboard.key(SWT.ESC);
		awaitKeyboardBack();
		assertEquals(Disposition.UNDECIDED, service.alerts().get(raised.get(1).id()).orElseThrow().disposition());

		keyboard.enter();
		AlertDetailPart detail = UiThread.call(() -> (AlertDetailPart) workbench.getWorkbenchWindows()[0]
				.getService(EPartService.class).findPart(AlertDetailPart.ID).getObject());
		UiThread.waitUntil("the detail shows the alert and has the keyboard", WAIT,
				() -> detail.alert() != null && detail.alert().id() == raised.get(1).id()
						&& Display.getCurrent().getFocusControl() == detail.tree());

		keyboard.awaitDelivery(detail.tree(), WAIT);
		keyboard.key(SWT.ESC);
		UiThread.waitUntil("Escape gives the keyboard back to the queue", WAIT,
				() -> Display.getCurrent().getFocusControl() == queue.viewer().getTable());
		assertEquals(AlertStatus.CLOSED, service.alerts().get(raised.get(0).id()).orElseThrow().status());
	}

	private void assertSelected(Alert expected) {
		UiThread.waitUntil("alert " + expected.id() + " is selected", WAIT, () -> {
			Object selected = queue.viewer().getStructuredSelection().getFirstElement();
			return selected instanceof Alert alert && alert.id() == expected.id();
		});
	}

	private static Shell openDialog() {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && shell.getData() instanceof CommentDialog) {
				return shell;
			}
		}
		return null;
	}

	private void awaitDialog(TriageKey key) {
		UiThread.waitUntil("the comment dialog for " + key + " has the keyboard", WAIT, () -> {
			Shell shell = openDialog();
			return shell != null && shell.getText().startsWith(key.label())
					&& Display.getCurrent().getFocusControl() == ((CommentDialog) shell.getData()).field();
		});
		keyboard.awaitDelivery(UiThread.call(() -> ((CommentDialog) openDialog().getData()).field()), WAIT);
	}

	private void awaitStatus(Alert alert, AlertStatus status) {
		Conditions.waitUntil("alert " + alert.id() + " is " + status, WAIT,
				() -> stored(alert).status() == status);
		awaitKeyboardBack();
	}

	private void awaitDisposition(Alert alert, Disposition disposition) {
		Conditions.waitUntil("alert " + alert.id() + " is " + disposition, WAIT,
				() -> stored(alert).disposition() == disposition);
		awaitKeyboardBack();
	}

	/** Waits until the closed dialog has handed the keyboard back to the queue, as a person would see. */
	private void awaitKeyboardBack() {
		UiThread.waitUntil("the queue has the keyboard again", WAIT, () -> openDialog() == null
				&& Display.getCurrent().getFocusControl() == queue.viewer().getTable());
		keyboard.awaitDelivery(queue.viewer().getTable(), WAIT);
	}

	private static Alert stored(Alert alert) {
		try {
			return service.alerts().get(alert.id()).orElseThrow();
		} catch (WorkspaceException e) {
			throw new IllegalStateException(e);
		}
	}
}
