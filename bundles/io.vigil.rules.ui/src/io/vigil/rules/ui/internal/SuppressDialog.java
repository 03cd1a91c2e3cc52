package io.vigil.rules.ui.internal;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.vigil.rules.alerts.Alert;

/**
 * Suppress&hellip;: keeps an alert's rule from raising alerts for its grouped value (or for any
 * value, when the value is cleared) for some days, with who decided it and why.
 */
final class SuppressDialog extends TitleAreaDialog {

	private final Alert alert;
	private final String defaultOwner;
	private Text valueField;
	private Text ownerField;
	private Text reasonField;
	private Spinner daysField;
	private String value;
	private String owner;
	private String reason;
	private Instant expires;

	SuppressDialog(Shell parent, Alert alert, String defaultOwner) {
		super(parent);
		this.alert = alert;
		this.defaultOwner = defaultOwner;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Suppress_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.Suppress_heading, alert.draft().ruleTitle()));
		setMessage(Messages.Suppress_message);
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		label(body, Messages.Suppress_rule);
		Label rule = new Label(body, SWT.NONE);
		rule.setText(alert.draft().ruleTitle() + "  (" + alert.draft().ruleId() + ")");
		String group = alert.draft().groupField().isEmpty() ? Messages.Suppress_value
				: NLS.bind(Messages.Suppress_valueOf, alert.draft().groupField());
		valueField = field(body, group, alert.draft().groupValue());
		valueField.setMessage(Messages.Suppress_anyValue);
		ownerField = field(body, Messages.Suppress_owner, defaultOwner);
		ownerField.addListener(SWT.Modify, event -> check());
		reasonField = field(body, Messages.Suppress_reason, "");
		reasonField.addListener(SWT.Modify, event -> check());
		label(body, Messages.Suppress_days);
		daysField = new Spinner(body, SWT.BORDER);
		daysField.setValues(7, 1, 365, 0, 1, 7);
		return area;
	}

	private static void label(Composite body, String text) {
		Label label = new Label(body, SWT.NONE);
		label.setText(text);
	}

	private static Text field(Composite body, String label, String initial) {
		label(body, label);
		Text text = new Text(body, SWT.SINGLE | SWT.BORDER);
		text.setText(initial);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Suppress_ok, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		check();
	}

	private void check() {
		boolean ready = !reasonField.getText().isBlank() && !ownerField.getText().isBlank();
		setErrorMessage(null);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(ready);
		}
	}

	@Override
	protected void okPressed() {
		value = valueField.getText().strip();
		owner = ownerField.getText().strip();
		reason = reasonField.getText().strip();
		expires = Instant.now().plus(Duration.ofDays(daysField.getSelection()));
		super.okPressed();
	}

	String value() {
		return value;
	}

	String owner() {
		return owner;
	}

	String reason() {
		return reason;
	}

	Instant expires() {
		return expires;
	}
}
