package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.IncidentSeverity;
import io.vigil.incidents.Note;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * An analyst creates an incident with New Incident, finds it in the list, opens it and adds a
 * note in the editor; the store has the incident and the note.
 */
class IncidentListAndEditorTest {

	@AfterEach
	void closeDialogs() {
		UiThread.run(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof NewIncidentDialog) {
					shell.close();
				}
			}
		});
	}

	@Test
	void aNewIncidentIsListedAndItsNoteIsStored() throws WorkspaceException {
		IncidentService service = Workbench.service();
		Workbench.openPerspective();
		IncidentListPart list = UiThread.call(() -> Workbench.show(IncidentListPart.ID, IncidentListPart.class));
		String title = "Brute force on vpn " + UUID.randomUUID();

		UiThread.post(list::newIncident);
		NewIncidentDialog shown = awaitDialog();
		UiThread.run(() -> {
			shown.titleText().setText(title);
			Button ok = Widgets.find(shown.getShell(), Button.class,
					button -> IDialogConstants.OK_LABEL.equals(button.getText())).orElseThrow();
			ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		});

		UiThread.waitUntil("the list shows the new incident", Workbench.WAIT,
				() -> list.shown().stream().anyMatch(incident -> incident.title().equals(title)));
		Incident created = service.store().list(IncidentFilter.ALL).stream()
				.filter(incident -> incident.title().equals(title)).findFirst().orElseThrow();
		assertEquals(IncidentSeverity.MEDIUM, created.severity());

		IncidentEditorPart editor = UiThread.call(() -> Workbench.show(IncidentEditorPart.ID, IncidentEditorPart.class));
		UiThread.waitUntil("the editor shows the new incident", Workbench.WAIT,
				() -> editor.incident() != null && editor.incident().id().equals(created.id()));
		String text = "Blocked 203.0.113.7 at the firewall " + UUID.randomUUID();
		UiThread.run(() -> {
			editor.noteText().setText(text);
			editor.addNote();
		});

		UiThread.waitUntil("the editor shows the note as stored", Workbench.WAIT,
				() -> editor.shownNotes().stream().anyMatch(note -> note.text().equals(text)));
		List<Note> stored = service.store().require(created.id()).notes();
		assertEquals(1, stored.size());
		assertEquals(text, stored.get(0).text());
		assertTrue(UiThread.call(() -> editor.noteText().getText().isEmpty()), "the note field is emptied");
	}

	private static NewIncidentDialog awaitDialog() {
		return Conditions.waitFor("the New Incident dialog opens", Workbench.WAIT, () -> UiThread.call(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof NewIncidentDialog dialog && shell.isVisible()) {
					return dialog;
				}
			}
			return null;
		}));
	}
}
