package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.ItemKind;
import io.vigil.incidents.PromotedItem;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * Two alerts selected in the Alert Queue go into a new incident through the queue's context menu,
 * Promote to Incident, which the incidents UI contributes; the incident holds both alerts.
 */
class PromoteAlertsTest {

	private static final Duration WAIT = Duration.ofSeconds(60);
	private static final String DIALOG_TITLE = "Promote to Incident";

	@AfterEach
	void closeDialogs() {
		UiThread.run(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (DIALOG_TITLE.equals(shell.getText())) {
					shell.close();
				}
			}
		});
	}

	@Test
	void twoSelectedAlertsArePromotedFromTheQueueMenu() throws Exception {
		IWorkbench workbench = PlatformUI.getWorkbench();
		RuleService rules = Conditions.waitFor("the rule service is up", WAIT,
				() -> workbench.getService(RuleService.class));
		IncidentService incidents = Conditions.waitFor("the incident service is up", WAIT,
				() -> workbench.getService(IncidentService.class));
		String rule = "ui-test-promote-" + UUID.randomUUID();
		Instant time = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		List<Alert> raised = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			raised.add(rules.alerts().raise(new AlertDraft("promote-" + i, rule, 1, "UI test rule",
					"Promote me " + i, RuleLevel.HIGH, "authentication", List.of(), List.of("T1110"), "", "", time,
					time, time, 1, List.of(), List.of(), Map.of())).orElseThrow());
		}
		AlertQueuePart queue = UiThread.call(() -> openQueue(workbench));
		UiThread.waitUntil("the queue shows the raised alerts", WAIT, () -> queue.shown().stream().map(Alert::id)
				.collect(Collectors.toSet()).containsAll(raised.stream().map(Alert::id).toList()));
		String title = "Promoted from the queue " + UUID.randomUUID();

		UiThread.post(() -> {
			queue.viewer().setSelection(new StructuredSelection(raised), true);
			Menu menu = queue.viewer().getTable().getMenu();
			menu.notifyListeners(SWT.Show, new Event());
			MenuItem promote = Widgets.item(menu, Widgets.plain(Messages.Menu_promote)).orElseThrow();
			promote.notifyListeners(SWT.Selection, new Event());
		});
		Shell dialog = Conditions.waitFor("the promote dialog opens", WAIT, () -> UiThread.call(() -> open(false)));
		UiThread.run(() -> {
			Widgets.find(dialog, Text.class, text -> true).orElseThrow().setText(title);
			Widgets.find(dialog, Button.class, button -> IDialogConstants.OK_LABEL.equals(button.getText()))
					.orElseThrow().notifyListeners(SWT.Selection, new Event());
		});
		Shell report = Conditions.waitFor("the promotion reports", WAIT, () -> UiThread.call(() -> open(true)));
		UiThread.run(report::close);

		Incident incident = incidents.store().list(IncidentFilter.ALL).stream()
				.filter(candidate -> candidate.title().equals(title)).findFirst().orElseThrow();
		Set<String> alerts = incident.items().stream().filter(item -> item.kind() == ItemKind.ALERT)
				.map(PromotedItem::sourceId).collect(Collectors.toSet());
		assertEquals(raised.stream().map(alert -> Long.toString(alert.id())).collect(Collectors.toSet()), alerts);
	}

	private static AlertQueuePart openQueue(IWorkbench workbench) {
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
	}

	/** Returns the open promote dialog ({@code message} false) or its report (true), if shown. */
	private static Shell open(boolean message) {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (DIALOG_TITLE.equals(shell.getText()) && shell.isVisible()
					&& (shell.getData() instanceof MessageDialog) == message) {
				return shell;
			}
		}
		return null;
	}
}
