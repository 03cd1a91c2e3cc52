package io.vigil.exchange.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExportOptions;
import io.vigil.exchange.ExportResult;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.Redaction;
import io.vigil.ui.Background;

/**
 * Asks how to export an incident: the own key that signs, its passphrase (never stored), the keys
 * to encrypt for, the redaction profile and the file. Preview lists what would leave; Export
 * writes the bundle in the background while the dialog shows that it is busy, and keeps the
 * dialog open with the reason when that fails (a wrong passphrase, say).
 */
final class ExportDialog extends TitleAreaDialog {

	/** The id of the Preview button. */
	static final int PREVIEW_ID = IDialogConstants.CLIENT_ID + 1;

	private final ExchangeBundles bundles;
	private final ExportFlow.Setup setup;
	private final List<HandlerKey> ownKeys;

	private Combo signKey;
	private Text passphrase;
	private Table recipients;
	private Combo profile;
	private Text out;
	private Label summary;
	private Tree preview;
	private ProgressBar busy;

	ExportDialog(Shell parent, ExchangeBundles bundles, ExportFlow.Setup setup) {
		super(parent);
		this.bundles = bundles;
		this.setup = setup;
		this.ownKeys = setup.keys().stream().filter(HandlerKey::own).toList();
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Export_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.Export_heading, setup.incidentId()));
		setMessage(Messages.Export_message);
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		signKey = combo(form, Messages.Export_signKey);
		ownKeys.forEach(key -> signKey.add(key.name() + "  " + key.keyId()));
		if (!ownKeys.isEmpty()) {
			signKey.select(0);
		}
		passphrase = text(form, Messages.Export_passphrase, SWT.BORDER | SWT.PASSWORD);
		recipients(form);
		profile = combo(form, Messages.Export_profile);
		for (String name : setup.profiles()) {
			profile.add(name.equals(setup.defaultProfile()) && setup.tlp() != null
					? NLS.bind(Messages.Export_profileDefault, name, setup.tlp().toUpperCase(java.util.Locale.ROOT))
					: name);
		}
		profile.select(Math.max(0, setup.profiles().indexOf(setup.defaultProfile())));
		profile.addListener(SWT.Selection, event -> clearPreview());
		file(form);
		summary = new Label(form, SWT.WRAP);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(summary);
		preview = createPreview(form);
		busy = new ProgressBar(form, SWT.INDETERMINATE);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).exclude(true).applyTo(busy);
		busy.setVisible(false);
		if (ownKeys.isEmpty()) {
			setErrorMessage(Messages.Export_noOwnKey);
		}
		return area;
	}

	private static Combo combo(Composite form, String label) {
		new Label(form, SWT.NONE).setText(label);
		Combo combo = new Combo(form, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(combo);
		return combo;
	}

	private static Text text(Composite form, String label, int style) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, style);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(text);
		return text;
	}

	private void recipients(Composite form) {
		Label label = new Label(form, SWT.NONE);
		label.setText(Messages.Export_recipients);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
		recipients = new Table(form, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
		recipients.setToolTipText(Messages.Export_recipientsHint);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(SWT.DEFAULT, 70).applyTo(recipients);
		for (HandlerKey key : setup.keys()) {
			TableItem item = new TableItem(recipients, SWT.NONE);
			item.setText(key.name() + "  (" + (key.own() ? Messages.Keys_own : Messages.Keys_public) + ")  "
					+ key.fingerprint());
			item.setData(key.name());
		}
	}

	private void file(Composite form) {
		new Label(form, SWT.NONE).setText(Messages.Export_out);
		out = new Text(form, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(out);
		out.setText(Path.of(System.getProperty("user.home"), setup.incidentId() + ".vigil-bundle").toString());
		Button browse = new Button(form, SWT.PUSH);
		browse.setText(Messages.Export_browse);
		browse.addListener(SWT.Selection, event -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
			dialog.setOverwrite(true);
			dialog.setFileName(setup.incidentId() + ".vigil-bundle");
			String chosen = dialog.open();
			if (chosen != null) {
				out.setText(chosen);
			}
		});
	}

	private static Tree createPreview(Composite form) {
		Tree tree = new Tree(form, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(760, 260).applyTo(tree);
		String[] titles = { Messages.Export_previewColumn, Messages.Export_fieldColumn, Messages.Export_valueColumn,
				Messages.Export_pseudonymColumn };
		int[] widths = { 230, 200, 170, 160 };
		for (int i = 0; i < titles.length; i++) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		return tree;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, PREVIEW_ID, Messages.Export_preview, false);
		createButton(parent, IDialogConstants.OK_ID, Messages.Export_export, true).setEnabled(!ownKeys.isEmpty());
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == PREVIEW_ID) {
			preview();
		} else if (buttonId == IDialogConstants.OK_ID) {
			export();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** Returns the chosen profile's name. */
	private String profileName() {
		return setup.profiles().get(Math.max(0, profile.getSelectionIndex()));
	}

	private void clearPreview() {
		preview.removeAll();
		summary.setText("");
	}

	private void preview() {
		String name = profileName();
		busy(true);
		Background.run(NLS.bind(Messages.Job_preview, setup.incidentId()), getShell(),
				monitor -> bundles.preview(setup.objects(), name, setup.tlp()), redaction -> {
					busy(false);
					show(redaction);
				}, this::failed);
	}

	/** Fills the preview: each object with the values replaced in it and the fields dropped from it. */
	private void show(Redaction redaction) {
		clearPreview();
		summary.setText(NLS.bind(Messages.Export_objects, new Object[] { redaction.objects().size(),
				redaction.profile(), redaction.replaced().size(), redaction.dropped().size() }));
		for (String warning : redaction.warnings()) {
			new TreeItem(preview, SWT.NONE).setText(new String[] { Messages.Export_warning, "", warning, "" });
		}
		for (ExchangeObject object : redaction.objects()) {
			TreeItem item = new TreeItem(preview, SWT.NONE);
			item.setText(new String[] { object.ref(), "", object.attachments().isEmpty() ? ""
					: NLS.bind(Messages.Export_attachments, object.attachments().size()), "" });
			redaction.replaced().stream().filter(replaced -> replaced.ref().equals(object.ref()))
					.forEach(replaced -> new TreeItem(item, SWT.NONE).setText(new String[] { Messages.Export_replaced,
							replaced.path(), replaced.value(), replaced.pseudonym() }));
			redaction.dropped().stream().filter(dropped -> dropped.ref().equals(object.ref()))
					.forEach(dropped -> new TreeItem(item, SWT.NONE).setText(new String[] { Messages.Export_dropped,
							dropped.path(), Messages.Export_droppedValue, "" }));
			item.setExpanded(true);
		}
		getShell().layout(true, true);
	}

	private void export() {
		if (out.getText().isBlank()) {
			setErrorMessage(Messages.Export_needFile);
			return;
		}
		HandlerKey signer = ownKeys.get(signKey.getSelectionIndex());
		if (passphrase.getText().isEmpty()) {
			setErrorMessage(NLS.bind(Messages.Export_needPassphrase, signer.name()));
			return;
		}
		List<String> chosen = new ArrayList<>();
		for (TableItem item : recipients.getItems()) {
			if (item.getChecked()) {
				chosen.add((String) item.getData());
			}
		}
		char[] secret = passphrase.getTextChars();
		ExportOptions options = new ExportOptions(signer.name(), secret, chosen, profileName(), setup.tlp());
		Path file = Path.of(out.getText().strip());
		setErrorMessage(null);
		setMessage(Messages.Export_running, IMessageProvider.INFORMATION);
		busy(true);
		Background.run(NLS.bind(Messages.Job_export, setup.incidentId()), getShell(), monitor -> {
			try {
				return bundles.export(setup.objects(), options, file);
			} finally {
				Arrays.fill(secret, '\0');
			}
		}, result -> done(file, result), this::failed);
	}

	private void done(Path file, ExportResult result) {
		Shell parent = getParentShell();
		close();
		String encryption = result.recipients().isEmpty() ? Messages.Export_notEncrypted
				: NLS.bind(Messages.Export_encrypted,
						String.join(", ", result.recipients().stream().map(HandlerKey::name).toList()));
		MessageDialog.openInformation(parent, Messages.Export_title,
				NLS.bind(Messages.Export_done, new Object[] { file, result.objects(), result.signer().name(),
						result.signer().fingerprint(), result.redaction().profile(), encryption, result.sha256() }));
	}

	private void failed(Exception e) {
		busy(false);
		setMessage(Messages.Export_message);
		setErrorMessage(NLS.bind(Messages.Export_failed, Background.message(e)));
	}

	private void busy(boolean running) {
		busy.setVisible(running);
		((org.eclipse.swt.layout.GridData) busy.getLayoutData()).exclude = !running;
		busy.getParent().layout(true, true);
		getButton(IDialogConstants.OK_ID).setEnabled(!running && !ownKeys.isEmpty());
		getButton(PREVIEW_ID).setEnabled(!running);
	}

	/** Returns the signing key choice; for tests. */
	Combo signKeyCombo() {
		return signKey;
	}

	/** Returns the passphrase field; for tests. */
	Text passphraseField() {
		return passphrase;
	}

	/** Returns the bundle file field; for tests. */
	Text fileField() {
		return out;
	}

	/** Returns the preview; for tests. */
	Tree previewTree() {
		return preview;
	}
}
