package io.vigil.collect.ui.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.dialogs.PreferencesUtil;

import io.vigil.collect.CollectorException;
import io.vigil.collect.CollectorService;
import io.vigil.collect.SourceHealth;
import io.vigil.collect.SourceStats;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Collector Health: every live source (connection, HTTP intake, sensor host) with its rate,
 * totals, newest event, lag and state, read from the collector service once a second on the UI
 * thread (reads are in memory). Sources silent for longer than their setting are flagged in their
 * row and in a warning above the table.
 */
public final class CollectorHealthPart {

	/** The part's id. */
	public static final String ID = "io.vigil.collect.ui.part.health";

	/** How often the view reads the sources. */
	static final int REFRESH_MILLIS = 1000;

	private final MPart part;
	private volatile CollectorService service;
	private Label http;
	private ToolItem httpToggle;
	private Image httpIcon;
	private CLabel warning;
	private TableViewer viewer;
	private Color silentBackground;
	private Color troubleForeground;
	private final Runnable refresh = this::refresh;

	/** Creates the part. */
	@Inject
	public CollectorHealthPart(MPart part) {
		this.part = part;
	}

	/** Takes the collector service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional CollectorService newService) {
		service = newService;
	}

	/** Builds the view and starts refreshing it. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createHttpRow(parent);
		warning = new CLabel(parent, SWT.NONE);
		warning.setImage(warningImage());
		GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(warning);
		warning.setVisible(false);
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		silentBackground = new Color(255, 243, 205);
		troubleForeground = new Color(176, 0, 32);
		createColumns();
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setComparer(new SameSource());
		ColumnViewerToolTipSupport.enableFor(viewer);
		refresh();
	}

	private void createHttpRow(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		// A tool item rather than a check box: themed GTK draws a part's check box without its check.
		ToolBar bar = new ToolBar(row, SWT.FLAT | SWT.RIGHT);
		httpIcon = new Image(row.getDisplay(), ImageDescriptor
				.createFromURL(getClass().getResource("/icons/http.png")).getImageData(100));
		httpToggle = new ToolItem(bar, SWT.CHECK);
		httpToggle.setImage(httpIcon);
		httpToggle.setText(Messages.Health_httpToggle);
		httpToggle.setToolTipText(Messages.Health_httpToggleTip);
		httpToggle.addListener(SWT.Selection, event -> toggleHttp(httpToggle.getSelection()));
		http = new Label(row, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(http);
		Link configure = new Link(row, SWT.NONE);
		configure.setText(Messages.Health_configure);
		configure.addListener(SWT.Selection, event -> openPreferences());
	}

	private static Image warningImage() {
		return JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_WARNING);
	}

	private void createColumns() {
		column(Messages.Health_source, 200, SWT.LEFT, row -> row.reading().name());
		column(Messages.Health_kind, 110, SWT.LEFT, row -> HealthLabels.kind(row.reading().kind()));
		column(Messages.Health_state, 240, SWT.LEFT, CollectorHealthPart::state);
		column(Messages.Health_rate, 80, SWT.RIGHT, row -> HealthLabels.rate(row.reading().perSecond()));
		column(Messages.Health_total, 90, SWT.RIGHT, row -> HealthLabels.count(row.reading().total()));
		column(Messages.Health_rejected, 80, SWT.RIGHT, row -> HealthLabels.count(row.reading().rejected()));
		column(Messages.Health_lastEvent, 160, SWT.LEFT, row -> HealthLabels.time(row.reading().lastEvent()));
		column(Messages.Health_lag, 80, SWT.RIGHT, row -> HealthLabels.lag(row.reading()));
	}

	private void column(String title, int width, int alignment, Function<SourceHealth, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, alignment);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		boolean first = viewer.getTable().getColumnCount() == 1;
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((SourceHealth) element);
			}

			@Override
			public Image getImage(Object element) {
				return first && ((SourceHealth) element).silent() ? warningImage() : null;
			}

			@Override
			public Color getBackground(Object element) {
				return ((SourceHealth) element).silent() ? silentBackground : null;
			}

			@Override
			public Color getForeground(Object element) {
				return troubled(((SourceHealth) element).reading()) ? troubleForeground : null;
			}

			@Override
			public String getToolTipText(Object element) {
				SourceHealth row = (SourceHealth) element;
				return row.silent() ? NLS.bind(Messages.Health_silent, row.reading().name(), HealthLabels.minutes(row.silentFor()))
						: null;
			}
		});
	}

	private static String state(SourceHealth row) {
		SourceStats.Reading reading = row.reading();
		if (reading.kind() != SourceStats.Kind.SENSOR_HOST) {
			return reading.state();
		}
		// A sensor host has no connection of its own: what matters is whether it still reports.
		return row.silent() ? Messages.Health_sensorSilent : Messages.Health_sensorReporting;
	}

	private static boolean troubled(SourceStats.Reading reading) {
		return reading.state().startsWith("reconnecting") || reading.state().startsWith("stopped:");
	}

	/** Reads the sources and shows them; runs again in a second while the view is open. */
	void refresh() {
		if (viewer == null || viewer.getTable().isDisposed()) {
			return;
		}
		CollectorService current = service;
		List<SourceHealth> rows = current == null ? List.of() : current.health();
		viewer.setInput(rows);
		showHttp(current);
		showWarning(current == null ? Messages.Health_noService : HealthLabels.warning(rows));
		viewer.getTable().getDisplay().timerExec(REFRESH_MILLIS, refresh);
	}

	private void showHttp(CollectorService current) {
		httpToggle.setEnabled(current != null);
		String text;
		if (current == null) {
			text = "";
		} else if (current.httpIntakeProblem().isPresent()) {
			text = NLS.bind(Messages.Health_httpProblem, current.httpIntakeProblem().get());
		} else if (current.httpIntakePort() > 0) {
			text = NLS.bind(Messages.Health_httpListening, current.httpIntakeOptions().host(), current.httpIntakePort());
		} else {
			text = current.httpIntakeEnabled() ? Messages.Health_httpStarting : Messages.Health_httpOff;
		}
		boolean enabled = current != null && current.httpIntakeEnabled();
		if (httpToggle.getSelection() != enabled) {
			httpToggle.setSelection(enabled);
		}
		if (!text.equals(http.getText())) {
			http.setText(text);
			http.requestLayout();
		}
	}

	private void showWarning(String text) {
		boolean show = text != null;
		part.setLabel(show && service != null ? NLS.bind(Messages.Health_partLabelWarning, Messages.Health_partLabel)
				: Messages.Health_partLabel);
		if (show == warning.getVisible() && (!show || text.equals(warning.getText()))) {
			return;
		}
		warning.setText(show ? text : "");
		warning.setToolTipText(show ? text : null);
		warning.setVisible(show);
		((GridData) warning.getLayoutData()).exclude = !show;
		warning.requestLayout();
	}

	private void toggleHttp(boolean on) {
		CollectorService current = service;
		if (current == null) {
			return;
		}
		try {
			current.setHttpIntakeEnabled(on);
		} catch (CollectorException e) {
			ILog.of(getClass()).error(e.getMessage(), e);
			showWarning(e.getMessage());
		}
	}

	private void openPreferences() {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(viewer.getTable().getShell(),
				CollectorsPreferencePage.ID, null, null);
		dialog.open();
	}

	/** Returns the table, for tests. */
	TableViewer viewer() {
		return viewer;
	}

	/** Returns the warning shown above the table, or empty. */
	String warningText() {
		return warning.getVisible() ? warning.getText() : "";
	}

	/** Returns the HTTP intake's check box. */
	ToolItem httpToggle() {
		return httpToggle;
	}

	/** Returns the HTTP intake's line. */
	String httpText() {
		return http.getText();
	}

	/** Rows are the same source when kind and name match, so a selection survives each refresh. */
	private static final class SameSource implements IElementComparer {

		@Override
		public boolean equals(Object a, Object b) {
			if (a instanceof SourceHealth one && b instanceof SourceHealth other) {
				return one.reading().kind() == other.reading().kind() && one.reading().name().equals(other.reading().name());
			}
			return Objects.equals(a, b);
		}

		@Override
		public int hashCode(Object element) {
			return element instanceof SourceHealth row ? Objects.hash(row.reading().kind(), row.reading().name())
					: Objects.hashCode(element);
		}
	}

	/** Stops refreshing. */
	@PreDestroy
	void dispose() {
		if (viewer != null && !viewer.getTable().isDisposed()) {
			viewer.getTable().getDisplay().timerExec(-1, refresh);
		}
		if (httpIcon != null) {
			httpIcon.dispose();
		}
		if (silentBackground != null) {
			silentBackground.dispose();
			troubleForeground.dispose();
		}
	}
}
