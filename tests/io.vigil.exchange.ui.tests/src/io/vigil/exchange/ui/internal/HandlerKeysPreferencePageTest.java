package io.vigil.exchange.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.HandlerKeys;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * The Handler Keys preference page makes a key with New Key (name and passphrase twice; OK only
 * when the passphrases agree), lists it as an own key, and stores the known-signers-only setting.
 */
class HandlerKeysPreferencePageTest {

	private Shell shell;

	@AfterEach
	void close() throws Exception {
		UiThread.run(() -> {
			Workbench.closeDialogs();
			if (shell != null) {
				shell.dispose();
			}
		});
		Workbench.events().workspace().setProperty(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY, "false");
	}

	@Test
	void newKeyIsListedAndTheSignerSettingIsStored() throws Exception {
		Workspace workspace = Workbench.events().workspace();
		String name = "ui-page-" + UUID.randomUUID().toString().substring(0, 8);
		HandlerKeysPreferencePage page = UiThread.call(() -> {
			shell = new Shell(Workbench.shell(), SWT.SHELL_TRIM);
			shell.setLayout(new FillLayout());
			HandlerKeysPreferencePage created = new HandlerKeysPreferencePage();
			created.init(PlatformUI.getWorkbench());
			created.createControl(shell);
			shell.setSize(900, 500);
			shell.open();
			return created;
		});

		UiThread.post(page::newKey);
		NewKeyDialog dialog = Workbench.dialog(NewKeyDialog.class);
		boolean okWhenDifferent = UiThread.call(() -> {
			Text[] fields = dialog.fields();
			fields[0].setText(name);
			fields[1].setText("two words");
			fields[2].setText("two word");
			return ok(dialog).getEnabled();
		});
		assertFalse(okWhenDifferent, "OK waits until the passphrases agree");
		UiThread.run(() -> {
			dialog.fields()[2].setText("two words");
			ok(dialog).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		});
		UiThread.waitUntil("the page lists the new key", Workbench.WAIT, () -> Arrays
				.stream(page.keyTable().getItems()).anyMatch(item -> item.getText(0).equals(name)));
		Optional<HandlerKey> made = HandlerKeys.of(workspace).find(name);
		assertTrue(made.isPresent() && made.get().own(), "the key is an own key in settings/keys");

		UiThread.run(() -> page.knownOnlyButton().setSelection(true));
		assertTrue(UiThread.call(page::performOk));
		assertEquals("true", workspace.property(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY).orElse(""));
	}

	private static Button ok(NewKeyDialog dialog) {
		return Widgets.find(dialog.getShell(), Button.class,
				button -> IDialogConstants.OK_LABEL.equals(button.getText())).orElseThrow();
	}
}
