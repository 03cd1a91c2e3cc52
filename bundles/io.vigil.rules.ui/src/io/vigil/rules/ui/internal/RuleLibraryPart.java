package io.vigil.rules.ui.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckStateChangedEvent;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ICheckStateProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import io.vigil.rules.ImportReport;
import io.vigil.rules.LibraryRule;
import io.vigil.rules.RuleKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.RuleMetrics;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Rule Library: every rule in the workspace with its level, status, form, today's hits and the
 * share of its decided alerts that were false positives; a mark flags rules that cannot run or
 * whose log source no mapping profile covers. The check box enables a rule (the engine takes it up
 * at once); Import&hellip; reads rule files or folders, New starts a rule in the editor, Delete
 * removes rules. All reads and writes run on jobs.
 */
public final class RuleLibraryPart {

	/** The part's id. */
	public static final String ID = "io.vigil.rules.ui.part.library";
	/** The file name a new rule is checked and saved under. */
	static final String NEW_FILE = "new-rule.yml";

	private final IEventBroker broker;
	private final Runnable alertListener = this::alertsChanged;
	private final AtomicBoolean refreshQueued = new AtomicBoolean();
	private final AtomicInteger generation = new AtomicInteger();
	private volatile RuleService service;

	private Display display;
	private CheckboxTableViewer viewer;
	private Label status;
	private Image markImage;
	private List<LibraryRow> rows = List.of();
	private String lastImport = "";

	/** Creates the part. */
	@Inject
	public RuleLibraryPart(IEventBroker broker) {
		this.broker = broker;
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
			display.asyncExec(() -> {
				if (!viewer.getTable().isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Builds the part and reads the library. */
	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		markImage = ImageDescriptor.createFromURL(getClass().getResource("/icons/mark.png")).createImage();
		createBar(parent);
		viewer = CheckboxTableViewer.newCheckList(parent,
				SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		createColumns();
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setComparer(new SameRule());
		viewer.setCheckStateProvider(new Enabled());
		viewer.addCheckStateListener(this::checked);
		viewer.addSelectionChangedListener(event -> selected());
		ColumnViewerToolTipSupport.enableFor(viewer);
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		refresh();
	}

	private void createBar(Composite parent) {
		ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		ToolItem importItem = new ToolItem(bar, SWT.DROP_DOWN);
		importItem.setText(Messages.Library_import);
		importItem.setToolTipText(Messages.Library_importTip);
		Menu importMenu = new Menu(bar.getShell(), SWT.POP_UP);
		menuItem(importMenu, Messages.Library_importFile, this::importFile);
		menuItem(importMenu, Messages.Library_importFolder, this::importFolder);
		bar.addListener(SWT.Dispose, event -> importMenu.dispose());
		importItem.addListener(SWT.Selection, event -> {
			if (event.detail == SWT.ARROW) {
				Rectangle bounds = importItem.getBounds();
				importMenu.setLocation(bar.toDisplay(bounds.x, bounds.y + bounds.height));
				importMenu.setVisible(true);
			} else {
				importFile();
			}
		});
		tool(bar, Messages.Library_new, Messages.Library_newTip, this::newRule);
		tool(bar, Messages.Library_delete, Messages.Library_deleteTip, this::deleteSelected);
		tool(bar, Messages.Queue_refresh, null, this::refresh);
	}

	private static void menuItem(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, event -> action.run());
	}

	private static void tool(ToolBar bar, String text, String tip, Runnable action) {
		ToolItem item = new ToolItem(bar, SWT.PUSH);
		item.setText(text);
		item.setToolTipText(tip);
		item.addListener(SWT.Selection, event -> action.run());
	}

	private void createColumns() {
		TableViewerColumn title = column(Messages.Library_title, 250, row -> row.rule().title());
		title.setLabelProvider(new RowLabels(row -> row.rule().title()) {
			@Override
			public Image getImage(Object element) {
				return ((LibraryRow) element).marked() ? markImage : null;
			}
		});
		column(Messages.Library_level, 70, row -> Labels.level(row.rule().level()));
		column(Messages.Library_status, 90, row -> row.rule().status());
		column(Messages.Library_kind, 90, row -> Labels.kind(row.rule().kind()));
		column(Messages.Library_hits, 75, row -> Long.toString(row.hitsToday()));
		column(Messages.Library_falsePositives, 100, row -> row.metrics() == null ? "\u2013"
				: Labels.share(row.metrics().falsePositiveShare(), row.metrics().decided()));
		column(Messages.Library_notes, 260, LibraryRow::why);
	}

	private TableViewerColumn column(String text, int width, Function<LibraryRow, String> label) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(text);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		column.setLabelProvider(new RowLabels(label));
		return column;
	}

	/** A column's text, with the row's mark explained in a tool tip. */
	private static class RowLabels extends ColumnLabelProvider {

		private final Function<LibraryRow, String> label;

		RowLabels(Function<LibraryRow, String> label) {
			this.label = label;
		}

		@Override
		public String getText(Object element) {
			return label.apply((LibraryRow) element);
		}

		@Override
		public String getToolTipText(Object element) {
			LibraryRow row = (LibraryRow) element;
			return row.marked() ? row.why() : null;
		}
	}

	/** Reads the library again when rules changed. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void libraryChanged(@UIEventTopic(RulesTopics.LIBRARY_CHANGED) Object changed) {
		if (viewer != null && !viewer.getTable().isDisposed()) {
			refresh();
		}
	}

	/** Reads the false-positive shares again after triage. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void alertsTriaged(@UIEventTopic(RulesTopics.ALERTS_TRIAGED) Object count) {
		libraryChanged(count);
	}

	/** Reads the library with today's hits and the triage metrics on a job, and shows them. */
	void refresh() {
		RuleService current = service;
		if (current == null) {
			status.setText(Messages.Rules_noService);
			return;
		}
		int ticket = generation.incrementAndGet();
		Background.run(Messages.Library_loadJob, viewer.getTable(), monitor -> read(current), read -> {
			if (ticket == generation.get()) {
				show(read);
			}
		}, e -> status.setText(NLS.bind(Messages.Library_loadFailed, Background.message(e))));
	}

	private static List<LibraryRow> read(RuleService current) throws Exception {
		List<LibraryRule> rules = current.library().list();
		Map<String, RuleMetrics> metrics = current.alerts().metrics();
		Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<LibraryRow> read = new ArrayList<>(rules.size());
		for (LibraryRule rule : rules) {
			long hits = metrics.containsKey(rule.id()) ? current.alerts().countSince(rule.id(), today) : 0;
			read.add(new LibraryRow(rule, hits, metrics.get(rule.id())));
		}
		return read;
	}

	private void show(List<LibraryRow> read) {
		rows = List.copyOf(read);
		viewer.setInput(rows);
		long enabled = rows.stream().filter(row -> row.rule().enabled()).count();
		long marked = rows.stream().filter(LibraryRow::marked).count();
		String count = NLS.bind(Messages.Library_count, new Object[] { rows.size(), enabled, marked });
		status.setText(lastImport.isEmpty() ? count : count + "   \u2014   " + lastImport);
	}

	private void alertsChanged() {
		if (display == null || display.isDisposed() || !refreshQueued.compareAndSet(false, true)) {
			return;
		}
		// Hits change with every alert: read the library at most once a second.
		display.asyncExec(() -> display.timerExec(1000, () -> {
			refreshQueued.set(false);
			if (!viewer.getTable().isDisposed()) {
				refresh();
			}
		}));
	}

	private void checked(CheckStateChangedEvent event) {
		LibraryRow row = (LibraryRow) event.getElement();
		setEnabled(row.rule(), event.getChecked());
	}

	/** Enables or disables a rule, then has the engine take up the library, on a job. */
	void setEnabled(LibraryRule rule, boolean on) {
		RuleService current = service;
		if (current == null) {
			viewer.refresh();
			return;
		}
		status.setText(NLS.bind(on ? Messages.Library_enabling : Messages.Library_disabling, rule.title()));
		Background.run(Messages.Library_enableJob, viewer.getTable(), monitor -> {
			current.library().setEnabled(rule.id(), on);
			current.reload();
			return rule.id();
		}, id -> broker.post(RulesTopics.LIBRARY_CHANGED, id), e -> {
			status.setText(NLS.bind(Messages.Library_enableFailed, rule.title(), Background.message(e)));
			viewer.refresh();
		});
	}

	private void selected() {
		List<LibraryRow> selection = selection();
		if (selection.size() == 1) {
			broker.post(RulesTopics.RULE_SELECTED, selection.get(0).rule());
		}
	}

	private List<LibraryRow> selection() {
		return viewer.getStructuredSelection().stream().map(LibraryRow.class::cast).toList();
	}

	private void importFile() {
		FileDialog dialog = new FileDialog(viewer.getTable().getShell(), SWT.OPEN);
		dialog.setText(Messages.Library_importFile);
		dialog.setFilterExtensions(new String[] { "*.yml;*.yaml;*.json", "*" });
		dialog.setFilterNames(new String[] { Messages.Library_ruleFiles, Messages.Library_allFiles });
		String chosen = dialog.open();
		if (chosen != null) {
			importPath(Path.of(chosen));
		}
	}

	private void importFolder() {
		DirectoryDialog dialog = new DirectoryDialog(viewer.getTable().getShell());
		dialog.setText(Messages.Library_importFolder);
		dialog.setMessage(Messages.Library_importFolderMessage);
		String chosen = dialog.open();
		if (chosen != null) {
			importPath(Path.of(chosen));
		}
	}

	/** Imports a file or folder on a user job; its report opens in a dialog. */
	void importPath(Path path) {
		RuleService current = service;
		if (current == null) {
			return;
		}
		status.setText(NLS.bind(Messages.Import_running, path));
		new ImportRulesJob(current, path, report -> post(() -> imported(report)),
				e -> post(() -> status.setText(NLS.bind(Messages.Import_failed, path, Background.message(e)))))
				.schedule();
	}

	private void post(Runnable code) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (!viewer.getTable().isDisposed()) {
					code.run();
				}
			});
		}
	}

	private void imported(ImportReport report) {
		lastImport = NLS.bind(Messages.Import_summary, new Object[] { report.imported(), report.unsupported().size(),
				report.files(), report.unchanged() });
		status.setText(lastImport);
		broker.post(RulesTopics.LIBRARY_CHANGED, "");
		new ImportReportDialog(viewer.getTable().getShell(), report).open();
	}

	/** Starts a new rule in the editor, from a template. */
	void newRule() {
		String text = NLS.bind(Messages.Library_template, UUID.randomUUID());
		LibraryRule draft = new LibraryRule("", Messages.Library_newTitle, RuleKind.SIGMA, RuleLevel.MEDIUM,
				"experimental", false, 0, NEW_FILE, text, List.of(), "", Instant.now());
		viewer.setSelection(null);
		broker.post(RulesTopics.RULE_SELECTED, draft);
	}

	private void deleteSelected() {
		List<LibraryRow> selection = selection();
		RuleService current = service;
		if (selection.isEmpty() || current == null) {
			return;
		}
		String what = selection.size() == 1 ? selection.get(0).rule().title()
				: NLS.bind(Messages.Library_rules, selection.size());
		if (!MessageDialog.openConfirm(viewer.getTable().getShell(), Messages.Library_deleteTitle,
				NLS.bind(Messages.Library_deleteMessage, what))) {
			return;
		}
		Background.run(Messages.Library_deleteJob, viewer.getTable(), monitor -> {
			for (LibraryRow row : selection) {
				current.library().delete(row.rule().id());
			}
			current.reload();
			return selection.size();
		}, count -> broker.post(RulesTopics.LIBRARY_CHANGED, ""),
				e -> status.setText(NLS.bind(Messages.Library_deleteFailed, Background.message(e))));
	}

	/** Gives the table the focus. */
	@Focus
	public void focus() {
		if (viewer != null && !viewer.getTable().isDisposed()) {
			viewer.getTable().setFocus();
		}
	}

	/** Stops listening and frees the mark. */
	@PreDestroy
	void dispose() {
		generation.incrementAndGet();
		RuleService current = service;
		if (current != null) {
			current.removeAlertListener(alertListener);
		}
		if (markImage != null) {
			markImage.dispose();
		}
	}

	// Package-private views of the part, for the workbench tests.

	CheckboxTableViewer viewer() {
		return viewer;
	}

	List<LibraryRow> rows() {
		return rows;
	}

	String statusText() {
		return status.getText();
	}

	/** Whether a row's check box is ticked. */
	private static final class Enabled implements ICheckStateProvider {

		@Override
		public boolean isChecked(Object element) {
			return ((LibraryRow) element).rule().enabled();
		}

		@Override
		public boolean isGrayed(Object element) {
			return false;
		}
	}

	/** Rows are the same rule when their ids match, so a selection survives each refresh. */
	private static final class SameRule implements IElementComparer {

		@Override
		public boolean equals(Object a, Object b) {
			if (a instanceof LibraryRow one && b instanceof LibraryRow other) {
				return one.rule().id().equals(other.rule().id());
			}
			return Objects.equals(a, b);
		}

		@Override
		public int hashCode(Object element) {
			return element instanceof LibraryRow row ? row.rule().id().hashCode() : Objects.hashCode(element);
		}
	}
}
