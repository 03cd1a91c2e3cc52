package io.vigil.exchange.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.HandlerKeys;
import io.vigil.exchange.VerifiedBundle;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.Tlp;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * An analyst exports an incident through Export Incident with a key made for the test: the
 * preview lists the incident, a wrong passphrase is an error in the dialog and writes nothing, and
 * the right one writes a bundle that verifies, signed by that key.
 */
class ExportIncidentDialogTest {

	@TempDir
	Path temporary;

	@AfterEach
	void closeDialogs() {
		UiThread.run(Workbench::closeDialogs);
	}

	@Test
	void anExportThroughTheDialogVerifies() throws Exception {
		Workspace workspace = Workbench.events().workspace();
		String keyName = "ui-export-" + UUID.randomUUID().toString().substring(0, 8);
		HandlerKeys.of(workspace).create(keyName, "correct horse".toCharArray());
		Incident incident = Workbench.incidents().store()
				.create(IncidentFields.titled("Exported through the dialog").withTlp(Tlp.AMBER), "tester");
		ExchangeUiComponent exchange = Workbench.exchange();
		Path out = temporary.resolve("incident.vigil-bundle");

		UiThread.post(() -> exchange.exportIncident(Workbench.shell(), incident.id()));
		ExportDialog dialog = Workbench.dialog(ExportDialog.class);
		UiThread.run(() -> {
			List<String> keys = Arrays.asList(dialog.signKeyCombo().getItems());
			dialog.signKeyCombo().select(indexOf(keys, keyName));
			dialog.passphraseField().setText("wrong horse");
			dialog.fileField().setText(out.toString());
			dialog.buttonPressed(ExportDialog.PREVIEW_ID);
		});
		UiThread.waitUntil("the preview lists the incident", Workbench.WAIT, () -> Arrays
				.stream(dialog.previewTree().getItems()).map(TreeItem::getText).toList()
				.contains("incident:" + incident.id()));

		UiThread.run(() -> dialog.buttonPressed(IDialogConstants.OK_ID));
		String error = Conditions.waitFor("the dialog says the passphrase is wrong", Workbench.WAIT,
				() -> UiThread.call(() -> dialog.getShell() == null ? null : dialog.getErrorMessage()));
		assertTrue(error.contains("wrong passphrase"), error);
		assertFalse(Files.exists(out), "nothing is written with a wrong passphrase");

		UiThread.run(() -> {
			dialog.passphraseField().setText("correct horse");
			dialog.buttonPressed(IDialogConstants.OK_ID);
		});
		String done = Workbench.message(Messages.Export_title);
		assertTrue(done.contains(keyName), done);
		VerifiedBundle bundle = ExchangeBundles.of(workspace).open(out, name -> {
			throw new ExchangeException("a bundle that is not encrypted asks for no passphrase");
		});
		assertEquals(keyName, bundle.signer().name());
		assertTrue(bundle.signerKnown(), "the workspace knows its own key");
		assertEquals("AMBER", bundle.tlp());
		assertTrue(bundle.objects().stream().anyMatch(object -> object.object().ref().equals("incident:" + incident.id())),
				"the bundle holds the incident");
	}

	private static int indexOf(List<String> items, String keyName) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).startsWith(keyName + " ")) {
				return i;
			}
		}
		throw new AssertionError("the signing keys offered do not include " + keyName + ": " + items);
	}
}
