package io.vigil.collect.ui.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.vigil.collect.CollectorException;
import io.vigil.collect.CollectorService;
import io.vigil.collect.ConnectionDefinition;

/**
 * Adds or edits a collector connection. Passwords go to secure storage, never to the workspace;
 * when editing, an empty password field keeps the one stored. Test Connection tries the settings
 * in a job without closing the dialog.
 */
final class ConnectionDialog extends TitleAreaDialog {

	static final int TEST_ID = IDialogConstants.CLIENT_ID + 1;

	private final CollectorService service;
	private final ConnectionDefinition existing;
	private Text name;
	private Text uri;
	private Text virtualHost;
	private Text user;
	private Text password;
	private Text trustStore;
	private Text trustStorePassword;
	private Text queue;
	private Spinner silence;
	private Button enabled;
	private BindingsEditor bindings;
	private Job test;
	private ConnectionDefinition saved;
	private volatile String testResult;

	/**
	 * Creates the dialog.
	 *
	 * @param existing the connection to edit, or {@code null} to add one
	 */
	ConnectionDialog(Shell parent, CollectorService service, ConnectionDefinition existing) {
		super(parent);
		this.service = service;
		this.existing = existing;
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(existing == null ? Messages.Connection_addTitle : Messages.Connection_editTitle);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(existing == null ? Messages.Connection_addTitle : Messages.Connection_editTitle);
		setMessage(Messages.Connection_message);
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		ConnectionDefinition shown = existing != null ? existing : ConnectionDefinition.of("", "amqp://127.0.0.1:5672");
		name = field(form, Messages.Connection_name, shown.name(), SWT.NONE);
		uri = field(form, Messages.Connection_uri, shown.uri(), SWT.NONE);
		virtualHost = field(form, Messages.Connection_virtualHost, orEmpty(shown.virtualHost()), SWT.NONE);
		virtualHost.setMessage(Messages.Connection_virtualHostHint);
		user = field(form, Messages.Connection_user, orEmpty(shown.username()), SWT.NONE);
		password = field(form, Messages.Connection_password, "", SWT.PASSWORD);
		password.setMessage(storedHint(CollectorService.PASSWORD));
		trustStore = field(form, Messages.Connection_trustStore,
				shown.trustStore() == null ? "" : shown.trustStore().toString(), SWT.NONE);
		((GridData) trustStore.getLayoutData()).horizontalSpan = 1;
		Button browse = new Button(form, SWT.PUSH);
		browse.setText(Messages.Connection_browse);
		browse.addListener(SWT.Selection, event -> browseTrustStore());
		trustStorePassword = field(form, Messages.Connection_trustStorePassword, "", SWT.PASSWORD);
		trustStorePassword.setMessage(storedHint(CollectorService.TRUST_STORE_PASSWORD));
		queue = field(form, Messages.Connection_queue, shown.queue(), SWT.NONE);
		new Label(form, SWT.NONE).setText(Messages.Connection_silence);
		Composite silenceRow = new Composite(form, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(silenceRow);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(silenceRow);
		silence = new Spinner(silenceRow, SWT.BORDER);
		silence.setValues((int) Math.max(1, shown.silence().toMinutes()), 1, 7 * 24 * 60, 0, 1, 10);
		new Label(silenceRow, SWT.NONE).setText(Messages.Connection_minutes);
		enabled = new Button(form, SWT.CHECK);
		enabled.setText(Messages.Connection_enabled);
		enabled.setSelection(shown.enabled());
		GridDataFactory.fillDefaults().span(3, 1).applyTo(enabled);
		Label bindingsLabel = new Label(form, SWT.NONE);
		bindingsLabel.setText(Messages.Connection_bindings);
		GridDataFactory.fillDefaults().span(3, 1).indent(0, 6).applyTo(bindingsLabel);
		bindings = new BindingsEditor(form, shown.bindings());
		name.addListener(SWT.Modify, event -> validate());
		uri.addListener(SWT.Modify, event -> validate());
		return area;
	}

	private static Text field(Composite form, String label, String value, int style) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, SWT.BORDER | SWT.SINGLE | style);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	private String storedHint(String key) {
		return existing != null && service.hasSecret(existing.id(), key) ? Messages.Connection_storedSecret
				: Messages.Connection_noSecret;
	}

	private void browseTrustStore() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.p12;*.pfx;*.jks", "*" });
		String chosen = dialog.open();
		if (chosen != null) {
			trustStore.setText(chosen);
		}
	}

	private void validate() {
		boolean complete = !name.getText().isBlank() && !uri.getText().isBlank();
		getButton(IDialogConstants.OK_ID).setEnabled(complete);
		getButton(TEST_ID).setEnabled(complete && test == null);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, TEST_ID, Messages.Connection_test, false);
		super.createButtonsForButtonBar(parent);
		validate();
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == TEST_ID) {
			testConnection();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** Returns the connection the fields describe. */
	ConnectionDefinition definition() {
		String store = trustStore.getText().strip();
		return new ConnectionDefinition(existing == null ? null : existing.id(), name.getText().strip(),
				uri.getText().strip(), virtualHost.getText(), user.getText(), store.isEmpty() ? null : Path.of(store),
				queue.getText(), bindings.bindings(), Duration.ofMinutes(silence.getSelection()), enabled.getSelection());
	}

	private CollectorService.Secrets secrets() {
		return new CollectorService.Secrets(secret(password), secret(trustStorePassword));
	}

	private static char[] secret(Text field) {
		// Empty keeps what is stored; the collector service treats null that way.
		return field.getText().isEmpty() ? null : field.getTextChars();
	}

	private void testConnection() {
		ConnectionDefinition definition;
		try {
			definition = definition();
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		CollectorService.Secrets secrets = secrets();
		setErrorMessage(null);
		setMessage(NLS.bind(Messages.Connection_testing, definition.name()), IMessageProvider.NONE);
		test = new Job(NLS.bind(Messages.Connection_testJob, definition.name())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				String result;
				boolean ok;
				try {
					result = service.check(definition, secrets);
					ok = true;
				} catch (CollectorException e) {
					result = e.getMessage();
					ok = false;
				}
				showTestResult(result, ok);
				return Status.OK_STATUS;
			}
		};
		test.setSystem(false);
		getButton(TEST_ID).setEnabled(false);
		test.schedule();
	}

	private void showTestResult(String result, boolean ok) {
		Shell shell = getShell();
		if (shell == null || shell.isDisposed()) {
			return;
		}
		shell.getDisplay().asyncExec(() -> {
			if (shell.isDisposed()) {
				return;
			}
			test = null;
			testResult = (ok ? "passed: " : "failed: ") + result;
			if (ok) {
				setErrorMessage(null);
				setMessage(NLS.bind(Messages.Connection_testOk, result), IMessageProvider.INFORMATION);
			} else {
				setErrorMessage(NLS.bind(Messages.Connection_testFailed, result));
			}
			validate();
		});
	}

	@Override
	protected void okPressed() {
		try {
			ConnectionDefinition definition = definition();
			if (existing == null) {
				saved = service.add(definition, secrets());
			} else {
				service.update(definition, secrets());
				saved = definition;
			}
		} catch (CollectorException | IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		super.okPressed();
	}

	/** Returns the connection saved, once the dialog closed with OK. */
	ConnectionDefinition saved() {
		return saved;
	}

	/** Returns how the last test of the connection went, or {@code null} before one finished. */
	String testResult() {
		return testResult;
	}

	/** Fills the fields, for tests. */
	void fill(String newName, String newUri, String newUser, String newPassword, String newQueue) {
		name.setText(newName);
		uri.setText(newUri);
		user.setText(newUser);
		password.setText(newPassword);
		queue.setText(newQueue);
	}
}
