package io.vigil.events.ui.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.vigil.events.store.Histogram;

/**
 * Draws a histogram of matches over time as bars, with time labels below. Dragging across it
 * selects a span, which the listener receives as a new time range (bucket edges, end
 * exclusive). Hovering shows a bucket's time and count.
 */
final class HistogramCanvas extends Canvas {

	private static final int AXIS = 18;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
			.withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter TIP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

	private Histogram histogram;
	private BiConsumer<Instant, Instant> rangeListener = (from, to) -> {
		// Nobody listens yet.
	};
	private int dragStart = -1;
	private int dragEnd = -1;

	HistogramCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		addListener(SWT.Paint, event -> paint(event.gc));
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.Resize, event -> redraw());
	}

	/** Shows a histogram, or nothing for {@code null}. */
	void show(Histogram shown) {
		histogram = shown;
		setToolTipText(null);
		redraw();
	}

	/** Returns the histogram shown, or {@code null}. */
	Histogram histogram() {
		return histogram;
	}

	/** Sets who receives a span selected by dragging. */
	void onRangeSelected(BiConsumer<Instant, Instant> listener) {
		rangeListener = listener;
	}

	@Override
	public Point computeSize(int widthHint, int heightHint, boolean changed) {
		return new Point(widthHint == SWT.DEFAULT ? 400 : widthHint, heightHint == SWT.DEFAULT ? 110 : heightHint);
	}

	private Rectangle plot() {
		Rectangle area = getClientArea();
		return new Rectangle(area.x + 4, area.y + 4, Math.max(1, area.width - 8), Math.max(1, area.height - AXIS - 6));
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(getBackground());
		gc.fillRectangle(area);
		if (histogram == null) {
			return;
		}
		if (histogram.size() == 0 || histogram.total() == 0) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
			gc.drawString(Messages.Histogram_empty, 8, area.height / 2 - 8, true);
			return;
		}
		Rectangle plot = plot();
		paintSelection(gc, plot);
		paintBars(gc, plot);
		paintAxis(gc, plot);
	}

	private void paintBars(GC gc, Rectangle plot) {
		long max = Math.max(1, histogram.max());
		int buckets = histogram.size();
		Color bar = new Color(60, 120, 190);
		gc.setBackground(bar);
		for (int i = 0; i < buckets; i++) {
			long count = histogram.counts()[i];
			if (count == 0) {
				continue;
			}
			int x0 = plot.x + (int) ((long) plot.width * i / buckets);
			int x1 = plot.x + (int) ((long) plot.width * (i + 1) / buckets);
			int height = Math.max(1, (int) (plot.height * count / max));
			gc.fillRectangle(x0, plot.y + plot.height - height, Math.max(1, x1 - x0 - 1), height);
		}
		bar.dispose();
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
		gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		gc.setBackground(getBackground());
		gc.drawString(String.format(Locale.ROOT, Messages.Histogram_max, histogram.max(), histogram.width().toString()
				.substring(2).toLowerCase(Locale.ROOT)), plot.x + 2, plot.y, false);
	}

	private void paintAxis(GC gc, Rectangle plot) {
		boolean days = histogram.width().toHours() >= 24;
		DateTimeFormatter format = days ? DAY : TIME;
		int labels = Math.max(2, plot.width / 110);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		for (int i = 0; i < labels; i++) {
			int bucket = (int) ((long) histogram.size() * i / labels);
			String label = format.format(histogram.bucketStart(bucket));
			int x = plot.x + (int) ((long) plot.width * bucket / histogram.size());
			gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 3);
			gc.drawString(label, x + 2, plot.y + plot.height + 3, true);
		}
	}

	private void paintSelection(GC gc, Rectangle plot) {
		if (dragStart < 0 || dragEnd < 0) {
			return;
		}
		int from = Math.min(dragStart, dragEnd);
		int to = Math.max(dragStart, dragEnd);
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
		gc.setAlpha(70);
		gc.fillRectangle(from, plot.y, Math.max(1, to - from), plot.height);
		gc.setAlpha(255);
	}

	private int bucketAt(int x) {
		Rectangle plot = plot();
		int bucket = (int) ((long) (x - plot.x) * histogram.size() / plot.width);
		return Math.max(0, Math.min(histogram.size() - 1, bucket));
	}

	private void mouseDown(Event event) {
		if (event.button == 1 && histogram != null && histogram.size() > 0) {
			dragStart = event.x;
			dragEnd = event.x;
		}
	}

	private void mouseMove(Event event) {
		if (histogram == null || histogram.size() == 0) {
			return;
		}
		if (dragStart >= 0) {
			dragEnd = event.x;
			redraw();
		}
		int bucket = bucketAt(event.x);
		String tip = TIP.format(histogram.bucketStart(bucket)) + "\n"
				+ String.format(Locale.ROOT, Messages.Histogram_tip, histogram.counts()[bucket]);
		if (!tip.equals(getToolTipText())) {
			setToolTipText(tip);
		}
	}

	private void mouseUp(Event event) {
		if (dragStart < 0) {
			return;
		}
		int first = bucketAt(Math.min(dragStart, event.x));
		int last = bucketAt(Math.max(dragStart, event.x));
		dragStart = -1;
		dragEnd = -1;
		redraw();
		rangeListener.accept(histogram.bucketStart(first), histogram.bucketStart(last + 1));
	}

	/** Selects the span between two x positions, as a drag does; for tests. */
	void drag(int fromX, int toX) {
		Event down = new Event();
		down.button = 1;
		down.x = fromX;
		mouseDown(down);
		Event up = new Event();
		up.button = 1;
		up.x = toX;
		mouseUp(up);
	}
}
