package io.vigil.events.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.dialogs.ListSelectionDialog;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.EventFields;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.export.EventColumns;
import io.vigil.events.records.SavedSearch;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.search.ResultPages;
import io.vigil.events.search.SearchRequest;
import io.vigil.events.search.SearchResult;
import io.vigil.events.search.TimeExpressions;
import io.vigil.events.store.Hits;
import io.vigil.events.store.StoredEvent;
import io.vigil.events.ui.ShowEvents;
import io.vigil.ui.ContributedCommand;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Event Search part: a query bar, a histogram of matches over time that zooms by dragging,
 * the facets of the matches, the matches in a table that pages through millions of rows, and the
 * selected event in full. Searches, sorts and page reads run as background jobs; the part only
 * shows their results.
 */
public final class EventSearchPart {

	/** The part's id. */
	public static final String ID = ShowEvents.PART_ID;
	/** The preference node for the query history, columns and facet fields. */
	static final String PREFERENCES = "io.vigil.events.ui";

	private static final String COLUMNS_KEY = "columns";
	private static final String FACETS_KEY = "facets";
	private static final List<String> DEFAULT_FACETS = List.of(EventFields.CATEGORY, EventFields.SEVERITY,
			EventFields.HOSTNAME, EventFields.SOURCE_IP, EventFields.USERNAME);
	/** The most selected events the part offers to other commands at once. */
	private static final int MAX_SELECTED = 10_000;

	private final EventWorkspace events;
	private final IEventBroker broker;
	private final Clock clock = Clock.systemUTC();
	private final AtomicInteger generation = new AtomicInteger();
	private final Runnable storeListener = this::eventsArrived;

	private Display display;
	private QueryBar bar;
	private HistogramCanvas histogram;
	private FacetsPanel facets;
	private ResultsTable table;
	private EventDetail detail;
	private Label status;
	private Link refresh;
	private SearchResult result;
	private Job searching;
	private String sortField;
	private boolean descending = true;
	private boolean selectFirst;

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	private ESelectionService selectionService;

	/** Creates the part; the events service is absent when the store could not be opened. */
	@Inject
	public EventSearchPart(@org.eclipse.e4.core.di.annotations.Optional EventWorkspace events, IEventBroker broker) {
		this.events = events;
		this.broker = broker;
	}

	/** Builds the controls and runs the first search. */
	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
		bar = new QueryBar(parent, new QueryBar.Actions() {
			@Override
			public void search() {
				runSearch();
			}

			@Override
			public void save() {
				saveSearch();
			}

			@Override
			public void export() {
				exportMatches();
			}
		});
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar.control());

		SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sides);
		facets = new FacetsPanel(sides, preferenceList(FACETS_KEY, DEFAULT_FACETS), this::narrow, fields -> {
			storePreferenceList(FACETS_KEY, fields);
			runSearch();
		});
		Composite main = new Composite(sides, SWT.NONE);
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(main);
		sides.setWeights(22, 78);

		histogram = new HistogramCanvas(main);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 110).applyTo(histogram);
		histogram.onRangeSelected(this::zoom);
		Composite statusLine = new Composite(main, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).margins(6, 0).applyTo(statusLine);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(statusLine);
		status = new Label(statusLine, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		refresh = new Link(statusLine, SWT.NONE);
		refresh.setText(Messages.Search_newEvents);
		refresh.setVisible(false);
		refresh.addListener(SWT.Selection, event -> runSearch());

		SashForm rows = new SashForm(main, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(rows);
		table = new ResultsTable(rows, new TableListener());
		table.setColumns(preferenceList(COLUMNS_KEY, EventColumns.DEFAULT));
		detail = new EventDetail(rows, (path, point) -> showValueMenu(path, detail.shown(), point, true));
		rows.setWeights(62, 38);

		if (events == null) {
			bar.showError(Messages.Search_noStore);
			return;
		}
		events.store().addListener(storeListener);
		runSearch();
	}

	/** Selects a row and shows its event, as a click does. */
	void selectRow(int row) {
		table.select(row);
	}

	/** Runs a saved search that another part asks for. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void run(@UIEventTopic(UiTopics.RUN_SEARCH) SavedSearch search) {
		if (bar == null || search == null) {
			return;
		}
		bar.setQuery(search.query());
		bar.setRange(search.from(), search.to());
		if (!search.columns().isEmpty()) {
			table.setColumns(search.columns());
		}
		runSearch();
	}

	/**
	 * Runs a search another capability asks for, with its fields shown as columns for this search
	 * and marked in the selected event.
	 */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void show(@UIEventTopic(ShowEvents.TOPIC) ShowEvents request) {
		if (bar == null || request == null) {
			return;
		}
		bar.setQuery(request.query());
		bar.setRange(request.from(), request.to());
		List<String> columns = new ArrayList<>(preferenceList(COLUMNS_KEY, EventColumns.DEFAULT));
		request.highlight().stream().sorted().filter(field -> !columns.contains(field)).forEach(columns::add);
		table.setColumns(columns);
		detail.highlight(request.highlight());
		selectFirst = true;
		runSearch();
	}

	/** Starts the search in the query bar; a search still running is cancelled. */
	void runSearch() {
		if (events == null) {
			return;
		}
		Optional<TimeRange> range = range();
		if (range.isEmpty()) {
			return;
		}
		bar.clearError();
		refresh.setVisible(false);
		SearchRequest request = new SearchRequest(bar.query(), range.get(), sortField, descending, facets.fields(), 10,
				140);
		int ticket = generation.incrementAndGet();
		if (searching != null) {
			searching.cancel();
		}
		status.setText(Messages.Search_running);
		searching = Job.create(Messages.Search_job, (IJobFunction) monitor -> search(request, ticket, monitor));
		searching.schedule();
	}

	private Optional<TimeRange> range() {
		Instant from = time(bar.fromExpression(), Messages.QueryBar_from);
		Instant to = time(bar.toExpression(), Messages.QueryBar_to);
		if ((bar.fromExpression() != null && from == null) || (bar.toExpression() != null && to == null)) {
			return Optional.empty();
		}
		if (from != null && to != null && to.isBefore(from)) {
			bar.showError(Messages.Search_reversed);
			return Optional.empty();
		}
		return Optional.of(new TimeRange(from, to));
	}

	private Instant time(String expression, String label) {
		if (expression == null) {
			return null;
		}
		Optional<Instant> time = TimeExpressions.parse(expression, clock);
		if (time.isEmpty()) {
			bar.showError(NLS.bind(Messages.Search_badTime, label, expression));
			return null;
		}
		return time.get();
	}

	private IStatus search(SearchRequest request, int ticket, IProgressMonitor monitor) {
		try {
			SearchResult found = SearchResult.run(events.store(), request, clock, monitor);
			post(() -> show(found, ticket), found);
			return Status.OK_STATUS;
		} catch (QuerySyntaxException e) {
			post(() -> {
				if (ticket == generation.get()) {
					bar.showError(e);
					status.setText("");
				}
			}, null);
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (IOException | RuntimeException e) {
			post(() -> status.setText(Messages.Search_failed), null);
			return Status.error(NLS.bind(Messages.Search_failedLog, request.query()), e);
		}
	}

	/** Runs code on the UI thread unless the part is gone; a result nobody will show is closed. */
	private void post(Runnable code, SearchResult orphan) {
		display.asyncExec(() -> {
			if (status.isDisposed()) {
				closeQuietly(orphan);
				return;
			}
			code.run();
		});
	}

	private void show(SearchResult found, int ticket) {
		if (ticket != generation.get()) {
			closeQuietly(found);
			return;
		}
		SearchResult previous = result;
		result = found;
		table.show(new ResultPages(found, found.hits()));
		table.showSort(sortField, descending);
		histogram.show(found.histogram());
		facets.offer(found.fields());
		facets.show(found.facets());
		detail.show(null);
		if (selectFirst && found.total() > 0) {
			selectFirst = false;
			table.select(0);
		}
		status.setText(summary(found));
		if (!found.warnings().isEmpty()) {
			bar.showError(String.join("; ", found.warnings()));
		}
		bar.remember(found.request().query());
		closeQuietly(previous);
	}

	private static String summary(SearchResult found) {
		return String.format(Locale.ROOT, Messages.Search_summary, found.total(), found.took().toMillis());
	}

	private void eventsArrived() {
		display.asyncExec(() -> {
			if (!refresh.isDisposed() && result != null) {
				refresh.setVisible(true);
			}
		});
	}

	private void zoom(Instant from, Instant to) {
		bar.setRange(from.toString(), to.toString());
		runSearch();
	}

	/** Adds {@code field:"value"} to the query, or its negation, and searches. */
	private void narrow(String field, String value) {
		pivot(field, value, false);
	}

	/** Narrows the query to a field's value, or excludes the value, and searches. */
	void pivot(String field, String value, boolean exclude) {
		bar.setQuery(QueryText.and(bar.query(), QueryText.term(field, value), exclude));
		runSearch();
	}

	/** Sorts the current matches by a field ({@code null} for time) on a background job. */
	void resort(String field, boolean sortDescending) {
		SearchResult current = result;
		if (current == null) {
			return;
		}
		sortField = field;
		descending = sortDescending;
		int ticket = generation.get();
		Job.create(Messages.Search_sortJob, (IJobFunction) monitor -> {
			try {
				Hits sorted = current.sort(field, sortDescending);
				post(() -> {
					if (ticket == generation.get() && current == result) {
						table.reorder(new ResultPages(current, sorted));
						table.showSort(field, sortDescending);
					}
				}, null);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(Messages.Search_sortFailed, e);
			}
		}).schedule();
	}

	/**
	 * Puts the selected events that are loaded into the part's selection, where commands other
	 * capabilities contribute (Add to Incident) find them.
	 */
	private void publishSelection() {
		ResultPages pages = table.pages();
		if (selectionService == null || pages == null) {
			return;
		}
		List<StoredEvent> selected = new ArrayList<>();
		for (int row : table.selectedRows(MAX_SELECTED)) {
			StoredEvent loaded = row >= 0 && row < pages.size() ? pages.loaded(row) : null;
			if (loaded != null) {
				selected.add(loaded);
			}
		}
		selectionService.setSelection(new StructuredSelection(selected));
	}

	private void showRow(int row) {
		ResultPages pages = table.pages();
		if (pages == null || row < 0 || row >= pages.size()) {
			return;
		}
		StoredEvent loaded = pages.loaded(row);
		if (loaded != null) {
			detail.show(loaded);
			return;
		}
		Job.create(Messages.ResultsTable_loading, (IJobFunction) monitor -> {
			try {
				StoredEvent event = pages.row(row);
				post(() -> {
					if (table.pages() == pages) {
						detail.show(event);
					}
				}, null);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(Messages.ResultsTable_loadFailed, e);
			}
		}).schedule();
	}

	private void showValueMenu(String field, StoredEvent event, Point where, boolean offerColumn) {
		if (event == null) {
			return;
		}
		List<String> values = values(event, field);
		Menu menu = new Menu(table.control().getShell(), SWT.POP_UP);
		for (String value : values) {
			item(menu, NLS.bind(Messages.Menu_searchFor, field, shorten(value)), () -> pivot(field, value, false));
			item(menu, NLS.bind(Messages.Menu_exclude, field, shorten(value)), () -> pivot(field, value, true));
		}
		new MenuItem(menu, SWT.SEPARATOR);
		if (offerColumn && !table.columns().contains(field)) {
			item(menu, NLS.bind(Messages.Menu_addColumn, field), () -> addColumn(field));
		}
		if (!facets.fields().contains(field)) {
			item(menu, NLS.bind(Messages.Menu_addFacet, field), () -> facets.add(field));
		}
		item(menu, Messages.Menu_copy, () -> copy(String.join(", ", values)));
		item(menu, Messages.Menu_columns, this::chooseColumns);
		if (ContributedCommand.defined(ContributedCommand.PROMOTE)) {
			new MenuItem(menu, SWT.SEPARATOR);
			item(menu, Messages.Menu_addToIncident, () -> {
				publishSelection();
				ContributedCommand.execute(ContributedCommand.PROMOTE);
			});
		}
		menu.setLocation(where);
		menu.setVisible(true);
	}

	private static List<String> values(StoredEvent event, String field) {
		JsonNode node = StoredEvent.resolve(event.json(), field);
		if (node == null || node.isNull()) {
			return List.of("");
		}
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach(element -> values.add(element.isValueNode() ? element.asText() : element.toString()));
			return values;
		}
		return List.of(node.isValueNode() ? node.asText() : node.toString());
	}

	private static void item(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text.replace("&", "&&"));
		item.addListener(SWT.Selection, event -> action.run());
	}

	private void addColumn(String field) {
		List<String> columns = new ArrayList<>(table.columns());
		columns.add(field);
		setColumns(columns);
	}

	private void setColumns(List<String> columns) {
		table.setColumns(columns);
		storePreferenceList(COLUMNS_KEY, columns);
	}

	private void chooseColumns() {
		List<String> available = new ArrayList<>(table.columns());
		if (result != null) {
			result.fields().stream().filter(field -> !available.contains(field)).forEach(available::add);
		}
		ListSelectionDialog dialog = ListSelectionDialog.of(available).title(Messages.Columns_title)
				.message(Messages.Columns_message).preselect(table.columns().toArray())
				.create(table.control().getShell());
		if (dialog.open() == Window.OK) {
			List<String> chosen = Arrays.stream(dialog.getResult()).map(String::valueOf).toList();
			setColumns(chosen.isEmpty() ? EventColumns.DEFAULT : chosen);
		}
	}

	private void copy(String text) {
		Clipboard clipboard = new Clipboard(display);
		try {
			clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	private void saveSearch() {
		if (events == null) {
			return;
		}
		InputDialog dialog = new InputDialog(bar.control().getShell(), Messages.Save_title, Messages.Save_message, "",
				name -> name.isBlank() ? Messages.Save_empty : name.length() > 256 ? Messages.Save_long : null);
		if (dialog.open() != Window.OK) {
			return;
		}
		try {
			events.records().save(new SavedSearch(dialog.getValue().strip(), bar.query(), bar.fromExpression(),
					bar.toExpression(), table.columns()));
			broker.post(UiTopics.SAVED_SEARCHES_CHANGED, dialog.getValue().strip());
		} catch (SQLException e) {
			ILog.of(getClass()).error(Messages.Save_failed, e);
			bar.showError(NLS.bind(Messages.Save_failedShown, e.getMessage()));
		}
	}

	private void exportMatches() {
		if (events == null || result == null) {
			return;
		}
		FileDialog dialog = new FileDialog(bar.control().getShell(), SWT.SAVE);
		dialog.setText(Messages.Export_title);
		dialog.setFilterExtensions(new String[] { "*.csv", "*.jsonl" });
		dialog.setFilterNames(new String[] { Messages.Export_csv, Messages.Export_jsonl });
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			new ExportJob(events, result.request(), Path.of(file), clock).schedule();
		}
	}

	private List<String> preferenceList(String key, List<String> fallback) {
		String stored = InstanceScope.INSTANCE.getNode(PREFERENCES).get(key, "");
		return stored.isBlank() ? fallback : List.of(stored.split(","));
	}

	private static void storePreferenceList(String key, List<String> values) {
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(PREFERENCES);
		preferences.put(key, String.join(",", values));
	}

	private static String shorten(String value) {
		return value.length() <= 50 ? value : value.substring(0, 49) + "…";
	}

	private static void closeQuietly(SearchResult closed) {
		if (closed == null) {
			return;
		}
		try {
			closed.close();
		} catch (IOException e) {
			ILog.of(EventSearchPart.class).warn(Messages.Search_closeFailed, e);
		}
	}

	/** Gives the query bar the focus. */
	@Focus
	public void focus() {
		if (bar != null) {
			bar.control().setFocus();
		}
	}

	/** Stops listening and releases the result. */
	@PreDestroy
	public void dispose() {
		generation.incrementAndGet();
		if (searching != null) {
			searching.cancel();
		}
		if (events != null) {
			events.store().removeListener(storeListener);
		}
		closeQuietly(result);
		result = null;
	}

	// Package-private views of the part's state, for the workbench tests.

	QueryBar bar() {
		return bar;
	}

	ResultsTable table() {
		return table;
	}

	FacetsPanel facets() {
		return facets;
	}

	HistogramCanvas histogram() {
		return histogram;
	}

	EventDetail detail() {
		return detail;
	}

	String status() {
		return status.getText();
	}

	SearchResult result() {
		return result;
	}

	/** Forwards the table's requests to the part. */
	private final class TableListener implements ResultsTable.Listener {

		@Override
		public void rowSelected(int row) {
			showRow(row);
		}

		@Override
		public void selectionChanged() {
			publishSelection();
		}

		@Override
		public void sortRequested(String field, boolean sortDescending) {
			resort(field, sortDescending);
		}

		@Override
		public void menuRequested(int row, String field, Point where) {
			ResultPages pages = table.pages();
			StoredEvent event = pages == null ? null : pages.loaded(row);
			showValueMenu(field, event, where, false);
		}
	}
}
