package io.vigil.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.Test;

import io.vigil.tests.support.UiThread;

/** NatTable and SWTChart, which later views build on, resolve and render in the product. */
class UiLibrariesTest {

	private static final List<String[]> ROWS = List.of(new String[] { "10.0.0.5", "ssh", "failed" },
			new String[] { "10.0.0.9", "https", "ok" }, new String[] { "10.0.0.7", "dns", "ok" });

	@Test
	void natTableShowsRowsFromADataProvider() {
		UiThread.run(() -> {
			Shell shell = new Shell(UiThread.display());
			try {
				shell.setLayout(new FillLayout());
				NatTable table = new NatTable(shell, new DataLayer(new RowsProvider()));
				shell.setSize(400, 200);
				shell.open();

				assertEquals(3, table.getRowCount());
				assertEquals(3, table.getColumnCount());
				assertEquals("https", table.getDataValueByPosition(1, 1));
			} finally {
				shell.dispose();
			}
		});
	}

	@Test
	void chartAdjustsItsAxesToASeries() {
		UiThread.run(() -> {
			Shell shell = new Shell(UiThread.display());
			try {
				shell.setLayout(new FillLayout());
				Chart chart = new Chart(shell, SWT.NONE);
				ISeries<?> series = chart.getSeriesSet().createSeries(SeriesType.LINE, "events per hour");
				series.setYSeries(new double[] { 4, 12, 7, 30 });
				chart.getAxisSet().adjustRange();
				shell.setSize(400, 300);
				shell.open();

				// The adjusted range holds the data with a small margin, instead of the default 0..1.
				Range y = chart.getAxisSet().getYAxis(0).getRange();
				assertTrue(y.lower <= 4 && y.lower > 0, "lower bound " + y.lower);
				assertTrue(y.upper >= 30 && y.upper < 35, "upper bound " + y.upper);
			} finally {
				shell.dispose();
			}
		});
	}

	private static final class RowsProvider implements IDataProvider {

		@Override
		public Object getDataValue(int columnIndex, int rowIndex) {
			return ROWS.get(rowIndex)[columnIndex];
		}

		@Override
		public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
			ROWS.get(rowIndex)[columnIndex] = String.valueOf(newValue);
		}

		@Override
		public int getColumnCount() {
			return 3;
		}

		@Override
		public int getRowCount() {
			return ROWS.size();
		}
	}
}
