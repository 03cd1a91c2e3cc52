package io.vigil.incidents.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What part of a timeline a view shows, and how its pixels map to times and lanes. The view only
 * draws; zooming, panning and hit-testing happen here, so they are tested without a display.
 * Not thread-safe: the UI thread owns it.
 *
 * <p>
 * The visible span stays between one millisecond per pixel and the whole timeline's span (with a
 * small margin), so that zooming can neither lose the entries nor divide time below what events
 * record. Times map to {@code x} in {@code [0, width)}; lanes are rows of equal height below a top
 * margin (for the time axis).
 */
public final class TimelineViewport {

	/** The margin added on each side of the whole span when fitting it, as a fraction of it. */
	public static final double FIT_MARGIN = 0.02;
	/** The span shown for a timeline whose entries all happened at one instant. */
	public static final Duration MINIMUM_FIT = Duration.ofMinutes(1);

	private final double firstMillis;
	private final double lastMillis;
	private int width;
	private double startMillis;
	private double spanMillis;
	private int top;
	private int laneHeight = 24;

	/**
	 * Makes the viewport of a timeline's time range, showing all of it.
	 *
	 * @param first when the first entry happened
	 * @param last when the last entry happened
	 * @param width the view's width in pixels
	 */
	public TimelineViewport(Instant first, Instant last, int width) {
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("the last entry (" + last + ") is before the first (" + first + ")");
		}
		this.firstMillis = millis(first);
		this.lastMillis = millis(last);
		this.width = Math.max(1, width);
		fitAll();
	}

	/** Makes the viewport of a timeline (of the last hour when it is empty), showing all of it. */
	public static TimelineViewport of(Timeline timeline, int width) {
		Instant last = timeline.last().orElse(Instant.now());
		return new TimelineViewport(timeline.first().orElse(last.minus(Duration.ofHours(1))), last, width);
	}

	private static double millis(Instant instant) {
		return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1_000_000.0;
	}

	private static Instant instant(double millis) {
		double floor = Math.floor(millis);
		return Instant.ofEpochMilli((long) floor).plusNanos(Math.round((millis - floor) * 1_000_000));
	}

	/** Returns the width in pixels. */
	public int width() {
		return width;
	}

	/** Changes the width in pixels (the view was resized), keeping the visible start and span. */
	public void setWidth(int pixels) {
		width = Math.max(1, pixels);
		clamp();
	}

	/** Returns when the visible range starts. */
	public Instant start() {
		return instant(startMillis);
	}

	/** Returns when the visible range ends (exclusive). */
	public Instant end() {
		return instant(startMillis + spanMillis);
	}

	/** Returns the visible span. */
	public Duration span() {
		return Duration.ofNanos(Math.round(spanMillis * 1_000_000));
	}

	/** Returns the smallest span: one millisecond per pixel. */
	public Duration minimumSpan() {
		return Duration.ofMillis(width);
	}

	/** Returns the largest span: the whole timeline with its margins. */
	public Duration maximumSpan() {
		return Duration.ofNanos(Math.round(maximumSpanMillis() * 1_000_000));
	}

	private double maximumSpanMillis() {
		double whole = Math.max(lastMillis - firstMillis, MINIMUM_FIT.toMillis());
		return Math.max(whole * (1 + 2 * FIT_MARGIN), width);
	}

	/** Shows the whole timeline. */
	public void fitAll() {
		spanMillis = maximumSpanMillis();
		double middle = (firstMillis + lastMillis) / 2;
		startMillis = middle - spanMillis / 2;
	}

	/** Shows a time range (clamped to the allowed spans and the timeline). */
	public void show(Instant from, Instant to) {
		startMillis = millis(from);
		spanMillis = Math.max(1, millis(to) - startMillis);
		clamp();
	}

	/** Returns the x of an instant (may be outside {@code [0, width)} when not visible). */
	public double x(Instant instant) {
		return (millis(instant) - startMillis) / spanMillis * width;
	}

	/** Returns the instant at an x. */
	public Instant time(double x) {
		return instant(startMillis + x / width * spanMillis);
	}

	/**
	 * Zooms around an x that keeps showing the same instant: a factor above 1 zooms in (shows less
	 * time), below 1 out. The span stays between {@link #minimumSpan()} and {@link #maximumSpan()}.
	 */
	public void zoom(double factor, double anchorX) {
		if (!(factor > 0) || Double.isInfinite(factor)) {
			throw new IllegalArgumentException("a zoom factor must be a positive number, not " + factor);
		}
		double anchor = startMillis + anchorX / width * spanMillis;
		double span = Math.min(maximumSpanMillis(), Math.max(width, spanMillis / factor));
		startMillis = anchor - anchorX / width * span;
		spanMillis = span;
		clamp();
	}

	/** Pans by pixels: a positive number shows later times (drags the content left). */
	public void pan(double pixels) {
		startMillis += pixels / width * spanMillis;
		clamp();
	}

	/** Pans by a fraction of the visible span: 1 shows the next screenful. */
	public void panFraction(double fraction) {
		startMillis += fraction * spanMillis;
		clamp();
	}

	/** Keeps the span allowed and the visible range over the timeline. */
	private void clamp() {
		spanMillis = Math.min(maximumSpanMillis(), Math.max(width, spanMillis));
		double margin = (maximumSpanMillis() - Math.max(lastMillis - firstMillis, 0)) / 2;
		double lowest = firstMillis - margin;
		double highest = lastMillis + margin - spanMillis;
		startMillis = Math.max(lowest, Math.min(highest, startMillis));
	}

	// ---- lanes

	/** Sets where the lanes are: below a top margin, each as tall as given. */
	public void setLanes(int topMargin, int height) {
		if (height < 1) {
			throw new IllegalArgumentException("a lane is at least one pixel tall, not " + height);
		}
		top = Math.max(0, topMargin);
		laneHeight = height;
	}

	/** Returns the y of the top of a lane. */
	public int laneTop(int lane) {
		return top + lane * laneHeight;
	}

	/** Returns the y of the middle of a lane, where its entries are drawn. */
	public int laneMiddle(int lane) {
		return laneTop(lane) + laneHeight / 2;
	}

	/** Returns the lane at a y, or -1 above the lanes or below the last of {@code lanes}. */
	public int laneAt(double y, int lanes) {
		if (y < top) {
			return -1;
		}
		int lane = (int) ((y - top) / laneHeight);
		return lane < lanes ? lane : -1;
	}

	/** Returns the height of a lane. */
	public int laneHeight() {
		return laneHeight;
	}

	/**
	 * Returns the entries of the lane at a point drawn within a radius of its x, nearest first.
	 *
	 * @param lanes the lanes as drawn, top to bottom
	 */
	public List<TimelineEntry> hits(List<Lane> lanes, double x, double y, double radius) {
		int lane = laneAt(y, lanes.size());
		if (lane < 0) {
			return List.of();
		}
		return hits(lanes.get(lane).entries(), x, radius);
	}

	/** Returns the entries of a timeline drawn within a radius of an x, nearest first. */
	public List<TimelineEntry> hits(Timeline timeline, double x, double radius) {
		Instant from = time(x - radius);
		Instant to = time(x + radius).plusNanos(1);
		List<TimelineEntry> near = new ArrayList<>(timeline.between(from, to));
		near.sort(Comparator.comparingDouble(entry -> Math.abs(x(entry.occurred()) - x)));
		return near;
	}

	/** Returns the entries of a timeline that are visible now, sorted. */
	public List<TimelineEntry> visible(Timeline timeline) {
		return timeline.between(start(), end());
	}
}
