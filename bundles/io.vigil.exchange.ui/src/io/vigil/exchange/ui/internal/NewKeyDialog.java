package io.vigil.exchange.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.vigil.exchange.HandlerKeys;

/** Asks for a new key's name and its passphrase, twice; OK only when both agree. */
final class NewKeyDialog extends TitleAreaDialog {

	private Text nameField;
	private Text first;
	private Text second;
	private String name;
	private char[] passphrase;

	NewKeyDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Keys_newTitle);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.Keys_newTitle);
		setMessage(Messages.Keys_newMessage);
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		nameField = field(form, Messages.Keys_name + ":", SWT.BORDER);
		first = field(form, Messages.Keys_passphrase, SWT.BORDER | SWT.PASSWORD);
		second = field(form, Messages.Keys_repeat, SWT.BORDER | SWT.PASSWORD);
		nameField.addListener(SWT.Modify, event -> validate());
		first.addListener(SWT.Modify, event -> validate());
		second.addListener(SWT.Modify, event -> validate());
		return area;
	}

	private static Text field(Composite form, String label, int style) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, style);
		GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
	}

	private void validate() {
		String problem = null;
		if (!nameField.getText().strip().matches(HandlerKeys.NAME_PATTERN)) {
			problem = Messages.Keys_badName;
		} else if (first.getText().isEmpty()) {
			problem = Messages.Keys_emptyPassphrase;
		} else if (!first.getText().equals(second.getText())) {
			problem = Messages.Keys_mismatch;
		}
		setErrorMessage(problem);
		getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
	}

	@Override
	protected void okPressed() {
		name = nameField.getText().strip();
		passphrase = first.getTextChars();
		super.okPressed();
	}

	/** Returns the key's name, after OK. */
	String name() {
		return name;
	}

	/** Returns the passphrase, after OK; the caller clears it. */
	char[] passphrase() {
		return passphrase;
	}

	/** Returns the name, passphrase and repeat fields; for tests. */
	Text[] fields() {
		return new Text[] { nameField, first, second };
	}
}
