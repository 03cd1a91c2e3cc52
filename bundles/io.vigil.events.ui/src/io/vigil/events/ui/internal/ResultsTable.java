package io.vigil.events.ui.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.event.StructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectCellCommand;
import org.eclipse.nebula.widgets.nattable.selection.event.CellSelectionEvent;
import org.eclipse.nebula.widgets.nattable.selection.event.ISelectionEvent;
import org.eclipse.nebula.widgets.nattable.coordinate.Range;
import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import io.vigil.events.EventFields;
import io.vigil.events.search.ResultPages;
import io.vigil.events.store.StoredEvent;

/**
 * The matches of a search in a NatTable. Rows are read from the result a page at a time, on a
 * background job, as the table first shows them; until then a row shows an ellipsis. Clicking a
 * column header sorts by that field (on a background job too); selecting a cell selects its row.
 */
final class ResultsTable {

	/** What the table tells its part. */
	interface Listener {
		/** A row was selected. */
		void rowSelected(int row);

		/** The selected rows changed (a click, Ctrl or Shift with a click, the row header). */
		default void selectionChanged() {
		}

		/** The user asked to sort by a field ({@code null} for time) in a direction. */
		void sortRequested(String field, boolean descending);

		/** The user asked for a cell's menu. */
		void menuRequested(int row, String field, Point where);
	}

	private static final String PENDING = "…";

	private final Rows rows = new Rows();
	private final Header header = new Header();
	private final SortModel sortModel = new SortModel();
	private final DataLayer bodyData;
	private final DataLayer headerData;
	private final SelectionLayer selection;
	private final ViewportLayer viewport;
	private final NatTable table;
	private final PageLoader loader;
	private final Listener listener;

	ResultsTable(Composite parent, Listener listener) {
		this.listener = listener;
		bodyData = new DataLayer(rows, 160, 22);
		selection = new SelectionLayer(bodyData);
		viewport = new ViewportLayer(selection);
		headerData = new DataLayer(header, 160, 24);
		ColumnHeaderLayer columnHeader = new ColumnHeaderLayer(headerData, viewport, selection);
		SortHeaderLayer<StoredEvent> sortHeader = new SortHeaderLayer<>(columnHeader, sortModel);
		DefaultRowHeaderDataProvider rowNumbers = new DefaultRowHeaderDataProvider(rows);
		DefaultRowHeaderDataLayer rowHeaderData = new DefaultRowHeaderDataLayer(rowNumbers);
		rowHeaderData.setDefaultColumnWidth(70);
		RowHeaderLayer rowHeader = new RowHeaderLayer(rowHeaderData, viewport, selection);
		CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(header, rowNumbers)),
				rowHeader, sortHeader);
		GridLayer grid = new GridLayer(viewport, sortHeader, rowHeader, corner);
		table = new NatTable(parent, NatTable.DEFAULT_STYLE_OPTIONS, grid, false);
		DefaultNatTableStyleConfiguration style = new DefaultNatTableStyleConfiguration();
		// Event fields read best left-aligned, as text in a log viewer does.
		style.hAlign = HorizontalAlignmentEnum.LEFT;
		table.addConfiguration(style);
		table.addConfiguration(new SingleClickSortConfiguration());
		table.configure();
		loader = new PageLoader(table.getDisplay(), table::redraw);
		selection.addLayerListener(event -> {
			if (event instanceof CellSelectionEvent cell && cell.getRowPosition() >= 0) {
				listener.rowSelected(selection.getRowIndexByPosition(cell.getRowPosition()));
			}
			if (event instanceof ISelectionEvent) {
				listener.selectionChanged();
			}
		});
		table.addListener(SWT.MenuDetect, event -> menu(table.toControl(event.x, event.y)));
		setColumns(List.of());
	}

	/**
	 * Returns the row indexes that hold a selected cell, in order, at most {@code limit} of them.
	 */
	List<Integer> selectedRows(int limit) {
		List<Integer> indexes = new ArrayList<>();
		for (Range range : selection.getSelectedRowPositions()) {
			for (int position = range.start; position < range.end && indexes.size() < limit; position++) {
				indexes.add(selection.getRowIndexByPosition(position));
			}
		}
		indexes.sort(null);
		return indexes;
	}

	NatTable control() {
		return table;
	}

	private void menu(Point point) {
		int column = table.getColumnPositionByX(point.x);
		int row = table.getRowPositionByY(point.y);
		if (column < 1 || row < 1) {
			return;
		}
		int columnIndex = table.getColumnIndexByPosition(column);
		int rowIndex = table.getRowIndexByPosition(row);
		if (columnIndex >= 0 && columnIndex < rows.columns.size() && rowIndex >= 0) {
			listener.menuRequested(rowIndex, rows.columns.get(columnIndex), table.toDisplay(point));
		}
	}

	/** Shows the rows of a result in an order; {@code null} clears the table. */
	void show(ResultPages pages) {
		loader.cancelAll();
		rows.pages = pages;
		selection.clear();
		viewport.setOriginY(0);
		refreshStructure();
	}

	/** Shows new pages for the same rows in a new order, keeping the scroll position. */
	void reorder(ResultPages pages) {
		loader.cancelAll();
		rows.pages = pages;
		refreshStructure();
	}

	/** Returns the pages shown, or {@code null}. */
	ResultPages pages() {
		return rows.pages;
	}

	/** Returns the columns. */
	List<String> columns() {
		return List.copyOf(rows.columns);
	}

	/** Sets the columns (field paths). */
	void setColumns(List<String> columns) {
		rows.columns = new ArrayList<>(columns);
		for (int i = 0; i < columns.size(); i++) {
			bodyData.setColumnWidthByPosition(i, width(columns.get(i)), false);
		}
		refreshStructure();
	}

	/** Marks the column sorted by a field ({@code null} for time, shown on the time column). */
	void showSort(String field, boolean descending) {
		sortModel.field = field;
		sortModel.descending = descending;
		table.redraw();
	}

	private static int width(String column) {
		return switch (column) {
		case EventFields.UTC_TIMESTAMP, EventFields.TIMESTAMP, EventFields.RECEIVED_TIMESTAMP -> 240;
		case EventFields.SUMMARY -> 620;
		case EventFields.SEVERITY -> 90;
		default -> 150;
		};
	}

	private void refreshStructure() {
		bodyData.fireLayerEvent(new StructuralRefreshEvent(bodyData));
		headerData.fireLayerEvent(new StructuralRefreshEvent(headerData));
		table.refresh();
	}

	/** Returns the text of a cell as shown, loading its page now if needed; for tests. */
	String text(int row, int column) {
		return String.valueOf(rows.getDataValue(column, row));
	}

	/** Returns how many page loads are waiting or running. */
	int pendingLoads() {
		return loader.pending();
	}

	/** Scrolls so that a row is visible; for tests and keyboard commands. */
	void reveal(int row) {
		viewport.moveRowPositionIntoViewport(row);
	}

	/** Selects a row's first cell, as a click does. */
	void select(int row) {
		selection.selectCell(0, row, false, false);
		listener.rowSelected(row);
		listener.selectionChanged();
	}

	/** Adds a row's first cell to the selection, as a click with Ctrl does. */
	void addToSelection(int row) {
		selection.doCommand(new SelectCellCommand(selection, 0, row, false, true));
	}

	/** The rows: values of the shown pages, or an ellipsis while a page loads. */
	private final class Rows implements IDataProvider {

		volatile ResultPages pages;
		volatile List<String> columns = List.of();

		@Override
		public Object getDataValue(int column, int row) {
			ResultPages current = pages;
			List<String> fields = columns;
			if (current == null || column >= fields.size() || row >= current.size()) {
				return "";
			}
			StoredEvent event = current.loaded(row);
			if (event == null) {
				loader.request(current, ResultPages.pageOf(row));
				return PENDING;
			}
			return oneLine(event.text(fields.get(column)));
		}

		@Override
		public void setDataValue(int column, int row, Object value) {
			// The results are read-only.
		}

		@Override
		public int getColumnCount() {
			return columns.size();
		}

		@Override
		public int getRowCount() {
			ResultPages current = pages;
			return current == null ? 0 : current.size();
		}
	}

	private static String oneLine(String text) {
		return text.indexOf('\n') < 0 ? text : text.replace('\n', ' ');
	}

	/** The column headers: the field paths. */
	private final class Header implements IDataProvider {

		@Override
		public Object getDataValue(int column, int row) {
			List<String> fields = rows.columns;
			return column < fields.size() ? fields.get(column) : "";
		}

		@Override
		public void setDataValue(int column, int row, Object value) {
			// Headers are not edited.
		}

		@Override
		public int getColumnCount() {
			return rows.columns.size();
		}

		@Override
		public int getRowCount() {
			return 1;
		}
	}

	/** Sorting by one column at a time; the time column shows the default, newest-first order. */
	@SuppressWarnings("rawtypes") // ISortModel's signatures use the raw Comparator.
	private final class SortModel implements ISortModel {

		String field;
		boolean descending = true;

		private int sortedIndex() {
			String shown = field == null ? EventFields.UTC_TIMESTAMP : field;
			return rows.columns.indexOf(shown);
		}

		@Override
		public List<Integer> getSortedColumnIndexes() {
			int index = sortedIndex();
			return index < 0 ? List.of() : List.of(index);
		}

		@Override
		public boolean isColumnIndexSorted(int columnIndex) {
			return columnIndex == sortedIndex();
		}

		@Override
		public SortDirectionEnum getSortDirection(int columnIndex) {
			if (!isColumnIndexSorted(columnIndex)) {
				return SortDirectionEnum.NONE;
			}
			return descending ? SortDirectionEnum.DESC : SortDirectionEnum.ASC;
		}

		@Override
		public int getSortOrder(int columnIndex) {
			return isColumnIndexSorted(columnIndex) ? 0 : -1;
		}

		@Override
		public List<Comparator> getComparatorsForColumnIndex(int columnIndex) {
			return List.of();
		}

		@Override
		public Comparator<?> getColumnComparator(int columnIndex) {
			return null;
		}

		@Override
		public void sort(int columnIndex, SortDirectionEnum direction, boolean accumulate) {
			if (columnIndex < 0 || columnIndex >= rows.columns.size()) {
				return;
			}
			String column = rows.columns.get(columnIndex);
			String sortField = column.equals(EventFields.UTC_TIMESTAMP) ? null : column;
			boolean sortDescending = direction == SortDirectionEnum.NONE ? sortField == null
					: direction == SortDirectionEnum.DESC;
			if (direction == SortDirectionEnum.NONE) {
				sortField = null;
				sortDescending = true;
			}
			listener.sortRequested(sortField, sortDescending);
		}

		@Override
		public void clear() {
			listener.sortRequested(null, true);
		}
	}

	/**
	 * Reads requested pages on a background job, most recently requested first, and redraws the
	 * table when pages arrive. Pages of a result that is no longer shown are not read.
	 */
	private static final class PageLoader {

		private final Display display;
		private final Runnable redraw;
		private final Set<Integer> requested = ConcurrentHashMap.newKeySet();
		private final Deque<Integer> queue = new ArrayDeque<>();
		private volatile ResultPages target;
		private final Job job;

		PageLoader(Display display, Runnable redraw) {
			this.display = display;
			this.redraw = redraw;
			this.job = Job.create(Messages.ResultsTable_loading, (IJobFunction) this::run);
			job.setSystem(true);
		}

		void request(ResultPages pages, int page) {
			if (pages != target) {
				cancelAll();
				target = pages;
			}
			if (requested.add(page)) {
				synchronized (queue) {
					queue.push(page);
				}
				job.schedule();
			}
		}

		void cancelAll() {
			synchronized (queue) {
				queue.clear();
			}
			requested.clear();
			target = null;
		}

		int pending() {
			synchronized (queue) {
				return queue.size() + (job.getState() == Job.RUNNING ? 1 : 0);
			}
		}

		private IStatus run(IProgressMonitor monitor) {
			while (!monitor.isCanceled()) {
				int page;
				ResultPages pages = target;
				synchronized (queue) {
					if (queue.isEmpty() || pages == null) {
						return Status.OK_STATUS;
					}
					page = queue.pop();
				}
				try {
					pages.load(page);
				} catch (IOException e) {
					return Status.error(Messages.ResultsTable_loadFailed, e);
				}
				display.asyncExec(() -> {
					if (!display.isDisposed()) {
						redraw.run();
					}
				});
			}
			return Status.CANCEL_STATUS;
		}
	}
}
