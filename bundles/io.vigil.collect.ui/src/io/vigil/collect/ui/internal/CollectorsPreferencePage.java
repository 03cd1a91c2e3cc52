package io.vigil.collect.ui.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.vigil.collect.CollectorException;
import io.vigil.collect.CollectorService;
import io.vigil.collect.ConnectionDefinition;
import io.vigil.collect.HttpIntakeOptions;
import io.vigil.collect.amqp.AmqpCollector;

/**
 * Window &gt; Preferences &gt; Vigil &gt; Collectors: the collector connections (added, changed,
 * enabled and removed at once, as each is its own running connection), the HTTP intake's settings
 * and how long other sources may stay silent (applied with OK or Apply). Settings live in the
 * workspace; passwords and the bearer token in secure storage.
 */
public final class CollectorsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** The page's id. */
	public static final String ID = "io.vigil.collect.ui.preferences";

	private CollectorService service;
	private CheckboxTableViewer connections;
	private Text host;
	private Spinner port;
	private Spinner maxKilobytes;
	private Button requireToken;
	private Text token;
	private Spinner silence;
	private final Runnable refresh = this::refreshStates;

	@Override
	public void init(IWorkbench workbench) {
		service = workbench.getService(CollectorService.class);
		setDescription(Messages.Preferences_description);
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(page);
		if (service == null) {
			new Label(page, SWT.WRAP).setText(Messages.Health_noService);
			return page;
		}
		createConnections(page);
		createHttpIntake(page);
		createSilence(page);
		load();
		return page;
	}

	private void createConnections(Composite page) {
		Group group = group(page, Messages.Preferences_connections, 2);
		connections = CheckboxTableViewer.newCheckList(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
		Table table = connections.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(560, table.getItemHeight() * 5).applyTo(table);
		column(Messages.Preferences_name, 110, ConnectionDefinition::name);
		column(Messages.Preferences_broker, 165, definition -> definition.settings(null, null).displayUri());
		column(Messages.Preferences_queue, 100, ConnectionDefinition::queue);
		column(Messages.Preferences_state, 180, this::state);
		ColumnViewerToolTipSupport.enableFor(connections);
		connections.setContentProvider(ArrayContentProvider.getInstance());
		connections.setComparer(new SameId());
		connections.addCheckStateListener(event -> enable((ConnectionDefinition) event.getElement(), event.getChecked()));
		connections.addDoubleClickListener(event -> edit());
		Composite buttons = new Composite(group, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		button(buttons, Messages.Preferences_add, this::add);
		button(buttons, Messages.Preferences_edit, this::edit);
		button(buttons, Messages.Preferences_remove, this::remove);
	}

	private void column(String title, int width, Function<ConnectionDefinition, String> text) {
		TableViewerColumn column = new TableViewerColumn(connections, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ConnectionDefinition) element);
			}

			@Override
			public String getToolTipText(Object element) {
				// A reconnecting connection's reason may be longer than the column.
				return text.apply((ConnectionDefinition) element);
			}
		});
	}

	private String state(ConnectionDefinition definition) {
		return service.status(definition.id()).map(status -> {
			if (!definition.enabled()) {
				return Messages.Preferences_disabled;
			}
			String word = status.state().name().toLowerCase(Locale.ROOT);
			return status.state() == AmqpCollector.State.RECONNECTING
					? word + ": " + status.detail()
					: word;
		}).orElse("");
	}

	private static Group group(Composite page, String title, int columns) {
		Group group = new Group(page, SWT.NONE);
		group.setText(title);
		GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
		return group;
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().hint(Math.max(90, button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT)
				.applyTo(button);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private void createHttpIntake(Composite page) {
		Group group = group(page, Messages.Preferences_http, 3);
		Label about = new Label(group, SWT.WRAP);
		about.setText(Messages.Preferences_httpAbout);
		GridDataFactory.fillDefaults().span(3, 1).hint(480, SWT.DEFAULT).applyTo(about);
		new Label(group, SWT.NONE).setText(Messages.Preferences_host);
		host = new Text(group, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(host);
		new Label(group, SWT.NONE).setText(Messages.Preferences_port);
		port = new Spinner(group, SWT.BORDER);
		port.setValues(8080, 1, 65_535, 0, 1, 100);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(port);
		new Label(group, SWT.NONE).setText(Messages.Preferences_maxBody);
		maxKilobytes = new Spinner(group, SWT.BORDER);
		maxKilobytes.setValues(1024, 1, 1024 * 1024, 0, 64, 1024);
		new Label(group, SWT.NONE).setText(Messages.Preferences_kilobytes);
		requireToken = new Button(group, SWT.CHECK);
		requireToken.setText(Messages.Preferences_requireToken);
		token = new Text(group, SWT.BORDER | SWT.PASSWORD);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(token);
		requireToken.addListener(SWT.Selection, event -> token.setEnabled(requireToken.getSelection()));
	}

	private void createSilence(Composite page) {
		Composite row = new Composite(page, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(0, 6).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.Preferences_silence);
		silence = new Spinner(row, SWT.BORDER);
		silence.setValues(10, 1, 7 * 24 * 60, 0, 1, 10);
		new Label(row, SWT.NONE).setText(Messages.Connection_minutes);
	}

	private void load() {
		reloadConnections();
		HttpIntakeOptions options = service.httpIntakeOptions();
		host.setText(options.host());
		port.setSelection(options.port());
		maxKilobytes.setSelection(Math.max(1, options.maxBytes() / 1024));
		boolean hasToken = service.hasSecret(CollectorService.HTTP_INTAKE, CollectorService.TOKEN);
		requireToken.setSelection(hasToken);
		token.setEnabled(hasToken);
		token.setMessage(hasToken ? Messages.Connection_storedSecret : Messages.Preferences_tokenHint);
		silence.setSelection((int) Math.max(1, service.defaultSilence().toMinutes()));
		connections.getTable().getDisplay().timerExec(CollectorHealthPart.REFRESH_MILLIS, refresh);
	}

	private void reloadConnections() {
		List<ConnectionDefinition> all = service.connections();
		connections.setInput(all);
		connections.setCheckedElements(all.stream().filter(ConnectionDefinition::enabled).toArray());
	}

	private void refreshStates() {
		if (connections.getTable().isDisposed()) {
			return;
		}
		connections.refresh(true);
		connections.getTable().getDisplay().timerExec(CollectorHealthPart.REFRESH_MILLIS, refresh);
	}

	private ConnectionDefinition selected() {
		return (ConnectionDefinition) connections.getStructuredSelection().getFirstElement();
	}

	void add() {
		ConnectionDialog dialog = new ConnectionDialog(getShell(), service, null);
		if (dialog.open() == Window.OK) {
			reloadConnections();
		}
	}

	private void edit() {
		ConnectionDefinition definition = selected();
		if (definition != null && new ConnectionDialog(getShell(), service, definition).open() == Window.OK) {
			reloadConnections();
		}
	}

	private void remove() {
		ConnectionDefinition definition = selected();
		if (definition == null || !MessageDialog.openConfirm(getShell(), Messages.Preferences_removeTitle,
				NLS.bind(Messages.Preferences_removeMessage, definition.name(), definition.queue()))) {
			return;
		}
		try {
			service.remove(definition.id());
		} catch (CollectorException e) {
			setErrorMessage(e.getMessage());
		}
		reloadConnections();
	}

	private void enable(ConnectionDefinition definition, boolean on) {
		try {
			service.setEnabled(definition.id(), on);
			setErrorMessage(null);
		} catch (CollectorException e) {
			setErrorMessage(e.getMessage());
		}
		reloadConnections();
	}

	@Override
	public boolean performOk() {
		if (service == null || host == null) {
			return true;
		}
		try {
			HttpIntakeOptions options = new HttpIntakeOptions(host.getText().strip(), port.getSelection(),
					maxKilobytes.getSelection() * 1024);
			char[] newToken = !requireToken.getSelection() ? new char[0]
					: token.getText().isEmpty() ? null : token.getTextChars();
			if (requireToken.getSelection() && newToken == null
					&& !service.hasSecret(CollectorService.HTTP_INTAKE, CollectorService.TOKEN)) {
				setErrorMessage(Messages.Preferences_tokenMissing);
				return false;
			}
			service.configureHttpIntake(options, newToken);
			service.setDefaultSilence(Duration.ofMinutes(silence.getSelection()));
			return true;
		} catch (CollectorException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}

	/** Returns the connections table, for tests. */
	CheckboxTableViewer connectionsViewer() {
		return connections;
	}

	/** Connections are the same when their ids are, so checks and selection survive a reload. */
	private static final class SameId implements IElementComparer {

		@Override
		public boolean equals(Object a, Object b) {
			if (a instanceof ConnectionDefinition one && b instanceof ConnectionDefinition other) {
				return one.id().equals(other.id());
			}
			return Objects.equals(a, b);
		}

		@Override
		public int hashCode(Object element) {
			return element instanceof ConnectionDefinition definition ? definition.id().hashCode()
					: Objects.hashCode(element);
		}
	}
}
