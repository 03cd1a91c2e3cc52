package io.vigil.rules.ui.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertFilter;
import io.vigil.rules.alerts.AlertStatus;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The alert queue: the alerts a status filter selects, newest first, read again whenever the rule
 * service says alerts were raised or changed. Made to be worked from the keyboard: the arrows move,
 * Enter opens the alert's detail, and single keys ({@link TriageKey}) set the status or the
 * disposition of the selected alerts after asking for a comment; S suppresses.
 */
public final class AlertQueuePart {

	/** The part's id. */
	public static final String ID = "io.vigil.rules.ui.part.queue";
	/** The most alerts the queue shows. */
	static final int LIMIT = 5000;

	/** The status filters, in the order the filter list offers them. */
	enum StatusFilter {
		OPEN(Messages.Queue_filterOpen, EnumSet.of(AlertStatus.NEW, AlertStatus.IN_PROGRESS, AlertStatus.ACKNOWLEDGED,
				AlertStatus.ESCALATED)),
		NEW(Messages.Status_new, EnumSet.of(AlertStatus.NEW)),
		IN_PROGRESS(Messages.Triage_inProgress, EnumSet.of(AlertStatus.IN_PROGRESS)),
		ACKNOWLEDGED(Messages.Triage_acknowledged, EnumSet.of(AlertStatus.ACKNOWLEDGED)),
		ESCALATED(Messages.Triage_escalated, EnumSet.of(AlertStatus.ESCALATED)),
		CLOSED(Messages.Triage_closed, EnumSet.of(AlertStatus.CLOSED)),
		ALL(Messages.Queue_filterAll, EnumSet.noneOf(AlertStatus.class));

		private final String label;
		private final Set<AlertStatus> statuses;

		StatusFilter(String label, Set<AlertStatus> statuses) {
			this.label = label;
			this.statuses = statuses;
		}

		AlertFilter filter() {
			return new AlertFilter(statuses, "", LIMIT);
		}
	}

	private final IEventBroker broker;
	private final EPartService parts;
	private final Runnable alertListener = this::alertsChanged;
	private final AtomicBoolean refreshQueued = new AtomicBoolean();
	private final AtomicInteger generation = new AtomicInteger();
	private volatile RuleService service;

	private Display display;
	private Combo filter;
	private TableViewer viewer;
	private Label status;
	private Color high;
	private Color critical;
	private List<Alert> shown = List.of();

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	private ESelectionService selectionService;

	/** Creates the part. */
	@Inject
	public AlertQueuePart(IEventBroker broker, EPartService parts) {
		this.broker = broker;
		this.parts = parts;
	}

	/** Takes the rule service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional RuleService newService) {
		RuleService old = service;
		if (old == newService) {
			return;
		}
		if (old != null) {
			old.removeAlertListener(alertListener);
		}
		service = newService;
		if (newService != null) {
			newService.addAlertListener(alertListener);
		}
		if (display != null && !display.isDisposed()) {
			// Services come and go on any thread.
			display.asyncExec(() -> {
				if (!viewer.getTable().isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Builds the queue and reads it. */
	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createBar(parent);
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		high = new Color(176, 96, 0);
		critical = new Color(176, 0, 32);
		createColumns();
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setComparer(new SameAlert());
		viewer.addSelectionChangedListener(event -> selected());
		table.addListener(SWT.KeyDown, this::keyPressed);
		table.addListener(SWT.FocusIn, event -> selectFirstIfNone());
		table.addListener(SWT.DefaultSelection, event -> openDetail());
		PromoteMenu.attach(table, () -> !selection().isEmpty());
		status = new Label(parent, SWT.NONE);
		status.setToolTipText(Messages.Queue_keys);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		refresh();
	}

	private void createBar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		Label label = new Label(bar, SWT.NONE);
		label.setText(Messages.Queue_filter);
		filter = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		filter.setItems(Arrays.stream(StatusFilter.values()).map(f -> f.label).toArray(String[]::new));
		filter.select(0);
		filter.addListener(SWT.Selection, event -> refresh());
		ToolBar tools = new ToolBar(bar, SWT.FLAT | SWT.RIGHT);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(tools);
		ToolItem suppress = new ToolItem(tools, SWT.PUSH);
		suppress.setText(Messages.Queue_suppress);
		suppress.setToolTipText(Messages.Queue_suppressTip);
		suppress.addListener(SWT.Selection, event -> suppress());
		ToolItem reload = new ToolItem(tools, SWT.PUSH);
		reload.setText(Messages.Queue_refresh);
		reload.addListener(SWT.Selection, event -> refresh());
	}

	private void createColumns() {
		column(Messages.Queue_severity, 70, alert -> Labels.level(alert.draft().severity()));
		column(Messages.Queue_time, 140, alert -> Labels.time(alert.draft().time()));
		column(Messages.Queue_rule, 170, alert -> alert.draft().ruleTitle());
		column(Messages.Queue_summary, 250, alert -> Labels.oneLine(alert.draft().summary(), 200));
		column(Messages.Queue_group, 105, alert -> alert.draft().groupValue());
		column(Messages.Queue_status, 110, alert -> Labels.status(alert.status()));
		column(Messages.Queue_disposition, 120, alert -> Labels.disposition(alert.disposition()));
	}

	private void column(String title, int width, Function<Alert, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Alert) element);
			}

			@Override
			public Color getForeground(Object element) {
				RuleLevel level = ((Alert) element).draft().severity();
				return level == RuleLevel.CRITICAL ? critical : level == RuleLevel.HIGH ? high : null;
			}
		});
	}

	/** Reads the queue again soon, once however many changes arrive meanwhile; any thread. */
	private void alertsChanged() {
		if (display == null || display.isDisposed() || !refreshQueued.compareAndSet(false, true)) {
			return;
		}
		display.asyncExec(() -> {
			refreshQueued.set(false);
			if (viewer != null && !viewer.getTable().isDisposed()) {
				refresh();
			}
		});
	}

	/** Reads the alerts the filter selects, on a job, and shows them. */
	void refresh() {
		RuleService current = service;
		if (current == null) {
			status.setText(Messages.Rules_noService);
			return;
		}
		AlertFilter chosen = chosenFilter().filter();
		int ticket = generation.incrementAndGet();
		Background.run(Messages.Queue_loadJob, viewer.getTable(), monitor -> current.alerts().list(chosen),
				alerts -> {
					if (ticket == generation.get()) {
						show(alerts);
					}
				}, e -> status.setText(NLS.bind(Messages.Queue_loadFailed, Background.message(e))));
	}

	StatusFilter chosenFilter() {
		return StatusFilter.values()[Math.max(0, filter.getSelectionIndex())];
	}

	private void show(List<Alert> alerts) {
		Table table = viewer.getTable();
		int index = table.getSelectionIndex();
		boolean hadSelection = index >= 0;
		IStructuredSelection selection = viewer.getStructuredSelection();
		shown = List.copyOf(alerts);
		viewer.setInput(shown);
		if (!selection.isEmpty()) {
			viewer.setSelection(selection, true);
		}
		// A triaged alert that left the filter hands the selection to the one that took its place.
		if (hadSelection && table.getSelectionCount() == 0 && table.getItemCount() > 0) {
			table.setSelection(Math.min(index, table.getItemCount() - 1));
			selected();
		}
		if (table.isFocusControl()) {
			selectFirstIfNone();
		}
		status.setText(NLS.bind(Messages.Queue_count, alerts.size(), Messages.Queue_keysShort));
	}

	/**
	 * Selects the newest alert when the queue has the keyboard but nothing is selected: the keys
	 * act on the selection, and the first arrow key would otherwise only place the cursor.
	 */
	private void selectFirstIfNone() {
		Table table = viewer.getTable();
		if (table.getSelectionCount() == 0 && table.getItemCount() > 0) {
			table.setSelection(0);
			selected();
		}
	}

	private void keyPressed(Event event) {
		if ((event.stateMask & (SWT.MOD1 | SWT.MOD3)) != 0) {
			return;
		}
		if (TriageKey.of(event.character).isPresent()) {
			event.doit = false;
			TriageKey key = TriageKey.of(event.character).get();
			// After the key is handled: a dialog opened inside the key event would get its release.
			display.asyncExec(() -> triage(key));
		} else if (Character.toLowerCase(event.character) == 's') {
			event.doit = false;
			display.asyncExec(this::suppress);
		}
	}

	/** Asks for a comment, then applies a triage key to the selected alerts on a job. */
	void triage(TriageKey key) {
		List<Alert> alerts = selection();
		RuleService current = service;
		if (alerts.isEmpty() || current == null || viewer.getTable().isDisposed()) {
			return;
		}
		String what = alerts.size() == 1 ? NLS.bind(Messages.Triage_one, alerts.get(0).id())
				: NLS.bind(Messages.Triage_many, alerts.size());
		CommentDialog dialog = new CommentDialog(viewer.getTable().getShell(),
				NLS.bind(Messages.Triage_title, key.label(), what), Messages.Triage_message);
		if (dialog.open() != Window.OK) {
			return;
		}
		String comment = dialog.comment();
		String who = analyst();
		Background.run(NLS.bind(Messages.Triage_job, key.label()), viewer.getTable(), monitor -> {
			for (Alert alert : alerts) {
				if (key.status() != null) {
					current.alerts().setStatus(alert.id(), key.status(), who, comment);
				} else {
					current.alerts().setDisposition(alert.id(), key.disposition(), who, comment);
				}
			}
			return alerts.size();
		}, count -> {
			status.setText(NLS.bind(Messages.Triage_done, key.label(), what));
			refresh();
			broker.post(RulesTopics.ALERTS_TRIAGED, count);
		}, e -> status.setText(NLS.bind(Messages.Triage_failed, Background.message(e))));
	}

	/** Opens the suppression dialog for the selected alert. */
	void suppress() {
		List<Alert> alerts = selection();
		RuleService current = service;
		if (alerts.isEmpty() || current == null || viewer.getTable().isDisposed()) {
			return;
		}
		Alert alert = alerts.get(0);
		SuppressDialog dialog = new SuppressDialog(viewer.getTable().getShell(), alert, analyst());
		if (dialog.open() != Window.OK) {
			return;
		}
		Background.run(Messages.Suppress_job, viewer.getTable(),
				monitor -> current.alerts().suppress(alert.draft().ruleId(), dialog.value(), dialog.owner(),
						dialog.reason(), dialog.expires()),
				made -> status.setText(NLS.bind(Messages.Suppress_done, alert.draft().ruleTitle(),
						Labels.time(made.expires()))),
				e -> status.setText(NLS.bind(Messages.Suppress_failed, Background.message(e))));
	}

	private void selected() {
		List<Alert> alerts = selection();
		if (selectionService != null) {
			selectionService.setSelection(new StructuredSelection(alerts));
		}
		if (alerts.size() == 1) {
			broker.post(RulesTopics.ALERT_SELECTED, alerts.get(0));
		}
	}

	/** Shows the selected alert in the detail part and gives it the focus. */
	void openDetail() {
		List<Alert> alerts = selection();
		if (alerts.isEmpty()) {
			return;
		}
		parts.showPart(AlertDetailPart.ID, EPartService.PartState.ACTIVATE);
		broker.send(RulesTopics.ALERT_SELECTED, alerts.get(0));
	}

	private List<Alert> selection() {
		if (viewer == null || viewer.getTable().isDisposed()) {
			return List.of();
		}
		return viewer.getStructuredSelection().stream().map(Alert.class::cast).toList();
	}

	/** Returns who triages: the user Vigil runs as. */
	static String analyst() {
		return System.getProperty("user.name", "analyst");
	}

	/** Gives the table the focus, so that the keys work as soon as the part is shown. */
	@Focus
	public void focus() {
		if (viewer != null && !viewer.getTable().isDisposed()) {
			viewer.getTable().setFocus();
		}
	}

	/** Stops listening to the service. */
	@PreDestroy
	void dispose() {
		generation.incrementAndGet();
		RuleService current = service;
		if (current != null) {
			current.removeAlertListener(alertListener);
		}
		if (high != null) {
			high.dispose();
			critical.dispose();
		}
	}

	// Package-private views of the part, for the workbench tests.

	TableViewer viewer() {
		return viewer;
	}

	List<Alert> shown() {
		return shown;
	}

	String statusText() {
		return status.getText();
	}

	Combo filterCombo() {
		return filter;
	}

	/** Selects an alert by id, as the arrows would. */
	void select(long id) {
		shown.stream().filter(alert -> alert.id() == id).findFirst()
				.ifPresent(alert -> viewer.setSelection(new StructuredSelection(alert), true));
	}

	/** Rows are the same alert when their ids match, so a selection survives each refresh. */
	private static final class SameAlert implements IElementComparer {

		@Override
		public boolean equals(Object a, Object b) {
			if (a instanceof Alert one && b instanceof Alert other) {
				return one.id() == other.id();
			}
			return Objects.equals(a, b);
		}

		@Override
		public int hashCode(Object element) {
			return element instanceof Alert alert ? Long.hashCode(alert.id()) : Objects.hashCode(element);
		}
	}
}
