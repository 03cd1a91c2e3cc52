package io.vigil.exchange.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.HandlerKeys;
import io.vigil.ui.Background;

/**
 * Window &gt; Preferences &gt; Vigil &gt; Handler Keys: the workspace's own keys and other handlers'
 * public keys, making and exchanging them, and whether bundles from unknown signers are refused.
 * Keys live in the workspace's {@code settings/keys/}; the signer setting in the workspace.
 */
public final class HandlerKeysPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private Workspace workspace;
	private HandlerKeys keys;
	private Table table;
	private Button knownOnly;

	@Override
	public void init(IWorkbench workbench) {
		EventWorkspace events = workbench.getService(EventWorkspace.class);
		workspace = events == null ? null : events.workspace();
		keys = workspace == null ? null : HandlerKeys.of(workspace);
		setDescription(Messages.Keys_description);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
		if (workspace == null) {
			new Label(page, SWT.WRAP).setText(Messages.Keys_noWorkspace);
			return page;
		}
		table = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(560, 200).applyTo(table);
		String[] titles = { Messages.Keys_name, Messages.Keys_kind, Messages.Keys_fingerprint, Messages.Keys_created };
		int[] widths = { 110, 60, 420, 160 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		Composite buttons = new Composite(page, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		button(buttons, Messages.Keys_new, this::newKey);
		button(buttons, Messages.Keys_importPublic, this::importPublic);
		button(buttons, Messages.Keys_exportPublic, this::exportPublic);
		knownOnly = new Button(page, SWT.CHECK);
		knownOnly.setText(Messages.Keys_knownOnly);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(knownOnly);
		knownOnly.setSelection(knownOnlySetting());
		refresh();
		return page;
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private boolean knownOnlySetting() {
		try {
			return workspace.property(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY).map(Boolean::parseBoolean)
					.orElse(false);
		} catch (WorkspaceException e) {
			setErrorMessage(NLS.bind(Messages.Keys_failed, e.getMessage()));
			return false;
		}
	}

	/** Lists the keys again, in the background. */
	void refresh() {
		Background.run(Messages.Job_keys, table, monitor -> keys.list(), this::show, this::failed);
	}

	private void show(List<HandlerKey> list) {
		table.removeAll();
		for (HandlerKey key : list) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { key.name(), key.own() ? Messages.Keys_own : Messages.Keys_public,
					key.fingerprint(), key.created().toString() });
			item.setData(key);
		}
	}

	private void failed(Exception e) {
		setErrorMessage(NLS.bind(Messages.Keys_failed, Background.message(e)));
	}

	/** Asks for a new key's name and passphrase, and makes it in the background. */
	void newKey() {
		NewKeyDialog dialog = new NewKeyDialog(getShell());
		if (dialog.open() != Window.OK) {
			return;
		}
		String name = dialog.name();
		char[] passphrase = dialog.passphrase();
		setErrorMessage(null);
		Background.run(NLS.bind(Messages.Job_newKey, name), table, monitor -> {
			try {
				return keys.create(name, passphrase);
			} finally {
				java.util.Arrays.fill(passphrase, '\0');
			}
		}, key -> refresh(), this::failed);
	}

	private void importPublic() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		setErrorMessage(null);
		Background.run(Messages.Keys_importPublic, table, monitor -> keys.importPublic(Path.of(chosen)), key -> {
			setMessage(NLS.bind(Messages.Keys_imported, key.name(), key.fingerprint()));
			refresh();
		}, this::failed);
	}

	private void exportPublic() {
		if (table.getSelectionCount() != 1) {
			setErrorMessage(Messages.Keys_selectFirst);
			return;
		}
		HandlerKey key = (HandlerKey) table.getSelection()[0].getData();
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setText(NLS.bind(Messages.Keys_exportTitle, key.name()));
		dialog.setFileName(key.name() + ".pub.json");
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		Background.run(Messages.Keys_exportPublic, table, monitor -> {
			keys.exportPublic(key.name(), Path.of(chosen));
			return chosen;
		}, file -> setMessage(file), this::failed);
	}

	@Override
	public boolean performOk() {
		if (knownOnly == null) {
			return true;
		}
		try {
			workspace.setProperty(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY, Boolean.toString(knownOnly.getSelection()));
			return true;
		} catch (WorkspaceException e) {
			MessageDialog.openError(getShell(), Messages.Keys_newTitle, NLS.bind(Messages.Keys_failed, e.getMessage()));
			return false;
		}
	}

	@Override
	protected void performDefaults() {
		if (knownOnly != null) {
			knownOnly.setSelection(false);
		}
		super.performDefaults();
	}

	/** Returns the key table; for tests. */
	Table keyTable() {
		return table;
	}

	/** Returns the known-signers-only setting; for tests. */
	Button knownOnlyButton() {
		return knownOnly;
	}
}
