package io.vigil.incidents.ui.internal;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import io.vigil.incidents.timeline.Lane;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.incidents.timeline.TimelineViewport;

/**
 * The timeline's drawing surface: a double-buffered canvas that draws lanes through
 * {@link TimelinePainter} and turns the mouse and keys into viewport changes. Wheel zooms around
 * the pointer, +/- around the middle; dragging and the left/right arrows pan; up/down scroll the
 * lanes; Home fits everything. Redraw requests are coalesced into one paint per turn of the event
 * loop. Each paint's duration is counted, so that tests can check that the UI stays responsive.
 */
final class TimelineCanvas {

	/** How much one wheel notch or key press zooms. */
	static final double ZOOM_STEP = 1.5;
	/** How much of the visible span an arrow key pans. */
	static final double PAN_STEP = 0.1;
	private static final int CLICK_SLOP = 3;
	private static final double HIT_RADIUS = 6;

	private final Canvas canvas;
	private final Consumer<TimelineEntry> selection;
	private final Consumer<TimelineEntry> opening;
	private final PaintStatistics statistics = new PaintStatistics();
	private TimelineViewport viewport;
	private List<Lane> lanes = List.of();
	private int firstLane;
	private String selected;
	private boolean redrawPending;
	private int dragX = -1;
	private int downX;
	private boolean dragged;

	/**
	 * Makes the canvas.
	 *
	 * @param selection told the entry clicked (or {@code null} when the click hit nothing)
	 * @param opening told the entry to open (Enter, double-click)
	 */
	TimelineCanvas(Composite parent, Consumer<TimelineEntry> selection, Consumer<TimelineEntry> opening) {
		this.selection = selection;
		this.opening = opening;
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.Resize, event -> resized());
		canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
		canvas.addListener(SWT.KeyDown, this::key);
		// Arrow keys and Enter belong to the canvas, not to focus traversal.
		canvas.addListener(SWT.Traverse, event -> event.doit = event.detail == SWT.TRAVERSE_TAB_NEXT
				|| event.detail == SWT.TRAVERSE_TAB_PREVIOUS || event.detail == SWT.TRAVERSE_ESCAPE);
		ScrollBar bar = canvas.getVerticalBar();
		bar.addListener(SWT.Selection, event -> {
			firstLane = bar.getSelection();
			requestRedraw();
		});
	}

	/** Returns the SWT control. */
	Canvas control() {
		return canvas;
	}

	/**
	 * Shows lanes in a viewport. The viewport is kept across calls with the same one, so a new
	 * filter or lane key keeps the visible range.
	 */
	void show(TimelineViewport shown, List<Lane> shownLanes) {
		viewport = shown;
		lanes = List.copyOf(shownLanes);
		firstLane = Math.min(firstLane, Math.max(0, lanes.size() - 1));
		resized();
	}

	/** Returns the viewport, or {@code null} before a timeline is shown. */
	TimelineViewport viewport() {
		return viewport;
	}

	/** Returns the lanes shown. */
	List<Lane> lanes() {
		return lanes;
	}

	/** Marks an entry as selected (by key; {@code null} for none). */
	void select(String key) {
		selected = key;
		requestRedraw();
	}

	/** Returns the paint statistics. */
	PaintStatistics statistics() {
		return statistics;
	}

	/** Asks for one paint soon; many requests before it happens give one paint. */
	void requestRedraw() {
		if (redrawPending || canvas.isDisposed()) {
			return;
		}
		redrawPending = true;
		canvas.getDisplay().asyncExec(() -> {
			redrawPending = false;
			if (!canvas.isDisposed()) {
				canvas.redraw();
			}
		});
	}

	private void resized() {
		Rectangle area = canvas.getClientArea();
		if (viewport != null) {
			viewport.setWidth(Math.max(1, area.width - TimelinePainter.NAMES_WIDTH));
		}
		int rows = Math.max(1, (area.height - TimelinePainter.RULER_HEIGHT) / TimelinePainter.LANE_HEIGHT);
		ScrollBar bar = canvas.getVerticalBar();
		bar.setValues(firstLane, 0, Math.max(lanes.size(), 1), Math.min(rows, Math.max(lanes.size(), 1)), 1, rows);
		bar.setVisible(lanes.size() > rows);
		requestRedraw();
	}

	private void paint(Event event) {
		Rectangle area = canvas.getClientArea();
		if (viewport == null) {
			event.gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			event.gc.fillRectangle(area);
			event.gc.drawString(Messages.Timeline_none, 8, 8, true);
			return;
		}
		long start = System.nanoTime();
		int drawn = TimelinePainter.paint(event.gc, area, viewport, lanes, firstLane, selected);
		statistics.record(System.nanoTime() - start, drawn);
	}

	// ---- mouse and keys

	private void wheel(Event event) {
		event.doit = false;
		if (viewport == null || event.count == 0) {
			return;
		}
		zoom(event.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, event.x - TimelinePainter.NAMES_WIDTH);
	}

	/** Zooms around an x of the viewport (the canvas's x less the names' column). */
	void zoom(double factor, double viewportX) {
		viewport.zoom(factor, Math.max(0, Math.min(viewport.width(), viewportX)));
		requestRedraw();
	}

	private void mouseDown(Event event) {
		if (event.button == 1 && viewport != null) {
			canvas.setFocus();
			dragX = event.x;
			downX = event.x;
			dragged = false;
		}
	}

	private void mouseMove(Event event) {
		if (dragX < 0 || (event.stateMask & SWT.BUTTON1) == 0) {
			return;
		}
		if (Math.abs(event.x - downX) > CLICK_SLOP) {
			dragged = true;
		}
		if (dragged && event.x != dragX) {
			viewport.pan(dragX - event.x);
			dragX = event.x;
			requestRedraw();
		}
	}

	private void mouseUp(Event event) {
		if (event.button != 1 || dragX < 0) {
			return;
		}
		dragX = -1;
		if (!dragged) {
			TimelineEntry hit = hit(event.x, event.y);
			selected = hit == null ? null : hit.key();
			selection.accept(hit);
			requestRedraw();
		}
	}

	private void doubleClick(Event event) {
		TimelineEntry hit = hit(event.x, event.y);
		if (hit != null) {
			opening.accept(hit);
		}
	}

	/** Returns the entry drawn nearest a point of the canvas, or {@code null}. */
	TimelineEntry hit(int x, int y) {
		if (viewport == null || x < TimelinePainter.NAMES_WIDTH || y < TimelinePainter.RULER_HEIGHT) {
			return null;
		}
		int lane = firstLane + (y - TimelinePainter.RULER_HEIGHT) / TimelinePainter.LANE_HEIGHT;
		if (lane >= lanes.size()) {
			return null;
		}
		Timeline entries = lanes.get(lane).entries();
		List<TimelineEntry> near = viewport.hits(entries, x - TimelinePainter.NAMES_WIDTH, HIT_RADIUS);
		return near.isEmpty() ? null : near.get(0);
	}

	private void key(Event event) {
		if (viewport == null) {
			return;
		}
		switch (event.keyCode) {
			case SWT.ARROW_LEFT -> pan(-PAN_STEP);
			case SWT.ARROW_RIGHT -> pan(PAN_STEP);
			case SWT.ARROW_UP -> scrollLanes(-1);
			case SWT.ARROW_DOWN -> scrollLanes(1);
			case SWT.HOME -> {
				viewport.fitAll();
				requestRedraw();
			}
			case SWT.KEYPAD_ADD -> zoom(ZOOM_STEP, viewport.width() / 2.0);
			case SWT.KEYPAD_SUBTRACT -> zoom(1 / ZOOM_STEP, viewport.width() / 2.0);
			default -> character(event.character);
		}
	}

	private void character(char typed) {
		if (typed == '+' || typed == '=') {
			zoom(ZOOM_STEP, viewport.width() / 2.0);
		} else if (typed == '-' || typed == '_') {
			zoom(1 / ZOOM_STEP, viewport.width() / 2.0);
		}
	}

	private void pan(double fraction) {
		viewport.panFraction(fraction);
		requestRedraw();
	}

	private void scrollLanes(int by) {
		int last = Math.max(0, lanes.size() - 1);
		firstLane = Math.max(0, Math.min(last, firstLane + by));
		canvas.getVerticalBar().setSelection(firstLane);
		requestRedraw();
	}

	/** How long the canvas's paints took, and how much they drew. Read on the UI thread. */
	static final class PaintStatistics {

		private int paints;
		private long slowestNanos;
		private long lastNanos;
		private int lastDrawn;

		void record(long nanos, int drawn) {
			paints++;
			lastNanos = nanos;
			slowestNanos = Math.max(slowestNanos, nanos);
			lastDrawn = drawn;
		}

		/** Forgets what was recorded. */
		void reset() {
			paints = 0;
			slowestNanos = 0;
			lastNanos = 0;
			lastDrawn = 0;
		}

		int paints() {
			return paints;
		}

		long slowestNanos() {
			return slowestNanos;
		}

		long lastNanos() {
			return lastNanos;
		}

		int lastDrawn() {
			return lastDrawn;
		}
	}
}
