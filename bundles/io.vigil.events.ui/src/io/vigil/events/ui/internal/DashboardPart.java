package io.vigil.events.ui.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.vigil.events.EventFields;
import io.vigil.events.EventWorkspace;
import io.vigil.events.records.Dashboard;
import io.vigil.events.records.SavedSearch;
import io.vigil.events.search.TileData;
import io.vigil.events.store.FacetCount;
import io.vigil.events.store.StoredEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Named dashboards of tiles built from saved searches: a count, top values, a histogram or the
 * latest events. Tiles are computed on a background job, and again about a second after new
 * events arrive.
 */
public final class DashboardPart {

	/** The part's id. */
	public static final String ID = "io.vigil.events.ui.part.dashboard";

	private static final String LAST_KEY = "dashboard.last";
	private static final long REFRESH_DELAY_MILLIS = 1000;

	private final EventWorkspace events;
	private final Clock clock = Clock.systemUTC();
	private final AtomicInteger generation = new AtomicInteger();
	private final Runnable storeListener = this::scheduleRefresh;
	private Display display;
	private Combo chooser;
	private ScrolledComposite scrolled;
	private Composite tiles;
	private Label message;
	private Dashboard dashboard;
	private Job refresher;

	/** Creates the part. */
	@Inject
	public DashboardPart(@org.eclipse.e4.core.di.annotations.Optional EventWorkspace events) {
		this.events = events;
	}

	/** Builds the controls and shows the last dashboard. */
	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().applyTo(parent);
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		new Label(top, SWT.NONE).setText(Messages.Dashboard_label);
		chooser = new Combo(top, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(chooser);
		chooser.addListener(SWT.Selection, event -> load(chooser.getText()));
		button(top, Messages.Dashboard_new, this::create);
		button(top, Messages.Dashboard_delete, this::delete);
		button(top, Messages.Dashboard_addTile, this::addTile);
		button(top, Messages.Dashboard_refresh, this::refresh);
		message = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).indent(6, 0).applyTo(message);

		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(scrolled);
		tiles = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).equalWidth(true).spacing(10, 10).applyTo(tiles);
		scrolled.setContent(tiles);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, event -> relayout());

		if (events == null) {
			message.setText(Messages.Search_noStore);
			return;
		}
		events.store().addListener(storeListener);
		refresher = Job.create(Messages.Dashboard_job, (IJobFunction) monitor -> compute());
		refresher.setSystem(true);
		reloadNames(InstanceScope.INSTANCE.getNode(EventSearchPart.PREFERENCES).get(LAST_KEY, ""));
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private void reloadNames(String select) {
		try {
			List<String> names = events.records().dashboards();
			chooser.setItems(names.toArray(String[]::new));
			if (names.isEmpty()) {
				dashboard = null;
				message.setText(Messages.Dashboard_none);
				render(List.of());
				return;
			}
			String chosen = names.contains(select) ? select : names.get(0);
			chooser.select(names.indexOf(chosen));
			load(chosen);
		} catch (SQLException e) {
			problem(e);
		}
	}

	/** Shows a dashboard by name. */
	void load(String name) {
		try {
			String json = events.records().dashboard(name).orElse("[]");
			dashboard = Dashboard.of(name, json);
			InstanceScope.INSTANCE.getNode(EventSearchPart.PREFERENCES).put(LAST_KEY, name);
			message.setText(dashboard.tiles().isEmpty() ? Messages.Dashboard_empty : "");
			refresh();
		} catch (SQLException | IOException e) {
			problem(e);
		}
	}

	private void problem(Exception e) {
		ILog.of(getClass()).error(Messages.Dashboard_failed, e);
		message.setText(NLS.bind(Messages.Dashboard_failedShown, e.getMessage()));
	}

	private void create() {
		InputDialog dialog = new InputDialog(chooser.getShell(), Messages.Dashboard_newTitle, Messages.Dashboard_newMessage,
				"", name -> name.isBlank() ? Messages.Save_empty : null);
		if (dialog.open() != Window.OK) {
			return;
		}
		String name = dialog.getValue().strip();
		save(new Dashboard(name, List.of()));
		reloadNames(name);
	}

	private void delete() {
		if (dashboard == null || !MessageDialog.openConfirm(chooser.getShell(), Messages.Dashboard_deleteTitle,
				NLS.bind(Messages.Dashboard_deleteMessage, dashboard.name()))) {
			return;
		}
		try {
			events.records().deleteDashboard(dashboard.name());
			reloadNames("");
		} catch (SQLException e) {
			problem(e);
		}
	}

	private void addTile() {
		if (dashboard == null) {
			message.setText(Messages.Dashboard_none);
			return;
		}
		List<String> searches;
		try {
			searches = events.records().savedSearches().stream().map(SavedSearch::name).toList();
		} catch (SQLException e) {
			problem(e);
			return;
		}
		if (searches.isEmpty()) {
			message.setText(Messages.Dashboard_noSearches);
			return;
		}
		TileDialog dialog = new TileDialog(chooser.getShell(), searches);
		if (dialog.open() == Window.OK) {
			add(dialog.tile());
		}
	}

	/** Adds a tile to the dashboard shown and saves it. */
	void add(Dashboard.Tile tile) {
		List<Dashboard.Tile> more = new ArrayList<>(dashboard.tiles());
		more.add(tile);
		save(new Dashboard(dashboard.name(), more));
		load(dashboard.name());
	}

	private void remove(Dashboard.Tile tile) {
		List<Dashboard.Tile> fewer = new ArrayList<>(dashboard.tiles());
		fewer.remove(tile);
		save(new Dashboard(dashboard.name(), fewer));
		load(dashboard.name());
	}

	private void save(Dashboard changed) {
		try {
			events.records().saveDashboard(changed.name(), changed.tilesJson());
			dashboard = changed;
		} catch (SQLException e) {
			problem(e);
		}
	}

	private void scheduleRefresh() {
		Job job = refresher;
		if (job != null && job.getState() == Job.NONE) {
			job.schedule(REFRESH_DELAY_MILLIS);
		}
	}

	/** Computes the tiles again on a background job. */
	void refresh() {
		if (refresher != null && dashboard != null) {
			refresher.schedule();
		}
	}

	private IStatus compute() {
		Dashboard shown = dashboard;
		if (shown == null) {
			return Status.OK_STATUS;
		}
		int ticket = generation.incrementAndGet();
		List<TileData> data = new ArrayList<>();
		try {
			for (Dashboard.Tile tile : shown.tiles()) {
				data.add(TileData.of(events, tile, clock));
			}
		} catch (IOException e) {
			return Status.error(Messages.Dashboard_failed, e);
		}
		display.asyncExec(() -> {
			if (!tiles.isDisposed() && ticket == generation.get()) {
				render(data);
			}
		});
		return Status.OK_STATUS;
	}

	private void render(List<TileData> data) {
		for (Control child : tiles.getChildren()) {
			child.dispose();
		}
		for (TileData tile : data) {
			renderTile(tile);
		}
		relayout();
	}

	private void renderTile(TileData data) {
		Group group = new Group(tiles, SWT.NONE);
		group.setText(data.tile().search() + " — " + TileDialog.label(data.tile().kind())
				+ (data.tile().field() == null ? "" : " (" + data.tile().field() + ")"));
		GridLayoutFactory.swtDefaults().applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 190).applyTo(group);
		if (data.problem() != null) {
			Label problem = new Label(group, SWT.WRAP);
			problem.setText(data.problem());
			problem.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_RED));
			GridDataFactory.fillDefaults().grab(true, true).applyTo(problem);
		} else {
			content(group, data);
		}
		Link remove = new Link(group, SWT.NONE);
		remove.setText("<a>" + Messages.Dashboard_removeTile + "</a>");
		remove.addListener(SWT.Selection, event -> remove(data.tile()));
		GridDataFactory.fillDefaults().align(SWT.END, SWT.END).applyTo(remove);
	}

	private static void content(Group group, TileData data) {
		switch (data.tile().kind()) {
		case COUNT -> {
			Label count = new Label(group, SWT.CENTER);
			count.setText(String.format(Locale.ROOT, "%,d", data.count()));
			count.setFont(JFaceResources.getHeaderFont());
			GridDataFactory.fillDefaults().grab(true, true).align(SWT.CENTER, SWT.CENTER).applyTo(count);
		}
		case TOP_VALUES -> {
			Table table = table(group, Messages.Detail_value, Messages.Dashboard_count);
			for (FacetCount value : data.values()) {
				new TableItem(table, SWT.NONE)
						.setText(new String[] { value.value(), String.format(Locale.ROOT, "%,d", value.count()) });
			}
		}
		case HISTOGRAM -> {
			HistogramCanvas histogram = new HistogramCanvas(group);
			histogram.show(data.histogram());
			GridDataFactory.fillDefaults().grab(true, true).applyTo(histogram);
		}
		case LATEST -> {
			Table table = table(group, Messages.Dashboard_time, EventFields.SUMMARY);
			for (StoredEvent event : data.latest()) {
				new TableItem(table, SWT.NONE).setText(
						new String[] { event.text(EventFields.UTC_TIMESTAMP).replace("+00:00", ""), event.text(EventFields.SUMMARY) });
			}
		}
		}
	}

	private static Table table(Group group, String first, String second) {
		Table table = new Table(group, SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		TableColumn one = new TableColumn(table, SWT.LEFT);
		one.setText(first);
		one.setWidth(180);
		TableColumn two = new TableColumn(table, SWT.LEFT);
		two.setText(second);
		two.setWidth(220);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		return table;
	}

	private void relayout() {
		int width = scrolled.getClientArea().width;
		scrolled.setMinSize(tiles.computeSize(Math.max(width, 300), SWT.DEFAULT));
		tiles.layout(true, true);
	}

	/** Returns the tiles' titles as shown, for tests. */
	List<String> tileTitles() {
		List<String> titles = new ArrayList<>();
		for (Control child : tiles.getChildren()) {
			if (child instanceof Group group) {
				titles.add(group.getText());
			}
		}
		return titles;
	}

	/** Returns the texts of a tile's labels and table cells, for tests. */
	List<String> tileTexts(int index) {
		List<String> texts = new ArrayList<>();
		Control tile = tiles.getChildren()[index];
		for (Control child : ((Composite) tile).getChildren()) {
			if (child instanceof Label label) {
				texts.add(label.getText());
			} else if (child instanceof Table table) {
				for (TableItem item : table.getItems()) {
					texts.add(item.getText(0) + "=" + item.getText(1));
				}
			}
		}
		return texts;
	}

	/** Creates a dashboard and shows it, for tests. */
	void createDashboard(String name) {
		save(new Dashboard(name, List.of()));
		reloadNames(name);
	}

	/** Gives the chooser the focus. */
	@Focus
	public void focus() {
		chooser.setFocus();
	}

	/** Stops listening for new events. */
	@PreDestroy
	public void dispose() {
		generation.incrementAndGet();
		if (events != null) {
			events.store().removeListener(storeListener);
		}
		if (refresher != null) {
			refresher.cancel();
		}
	}
}
