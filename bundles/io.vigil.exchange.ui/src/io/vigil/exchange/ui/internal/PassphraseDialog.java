package io.vigil.exchange.ui.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.Passphrases;

/** Asks for the passphrase of an own key in a password field; the text is never stored. */
final class PassphraseDialog extends Dialog {

	private final String keyName;
	private Text field;
	private char[] passphrase;

	PassphraseDialog(Shell parent, String keyName) {
		super(parent);
		this.keyName = keyName;
	}

	/**
	 * Returns passphrases asked for over a shell, for a job that opens an encrypted bundle: the job
	 * waits while the user types, the UI thread does not.
	 */
	static Passphrases asking(Shell shell) {
		return keyName -> {
			AtomicReference<char[]> typed = new AtomicReference<>();
			Display display = shell.getDisplay();
			display.syncExec(() -> {
				PassphraseDialog dialog = new PassphraseDialog(shell.isDisposed() ? null : shell, keyName);
				if (dialog.open() == OK) {
					typed.set(dialog.passphrase);
				}
			});
			if (typed.get() == null) {
				throw new ExchangeException(NLS.bind(Messages.Passphrase_none, keyName));
			}
			return typed.get();
		};
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Passphrase_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		new Label(area, SWT.WRAP).setText(NLS.bind(Messages.Passphrase_message, keyName));
		field = new Text(area, SWT.BORDER | SWT.PASSWORD);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(field);
		return area;
	}

	@Override
	protected void okPressed() {
		passphrase = field.getTextChars();
		super.okPressed();
	}
}
