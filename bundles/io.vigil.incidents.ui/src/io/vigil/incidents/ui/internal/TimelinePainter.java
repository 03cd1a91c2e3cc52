package io.vigil.incidents.ui.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;

import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.Lane;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.incidents.timeline.TimelineViewport;

/**
 * Draws a timeline's lanes into a GC: the time ruler on top, lane names on the left, and for each
 * visible entry a mark colored by kind where it happened, joined by a line to a tick below where
 * it was discovered. Draws only what the viewport shows (the model's binary search) and at most
 * one mark per kind and pixel column of a lane, so the cost follows the width, not the entries.
 * Used for the screen and for PNG export alike.
 */
final class TimelinePainter {

	/** The height of the time ruler. */
	static final int RULER_HEIGHT = 34;
	/** The width of the lane names' column. */
	static final int NAMES_WIDTH = 150;
	/** The height of a lane. */
	static final int LANE_HEIGHT = 30;
	private static final int MARK = 7;
	private static final int TICK_GAP = 110;
	/** Links are drawn while a lane has at most one visible entry per this many pixels. */
	private static final int SPARSE_PIXELS = 4;

	private static final Map<EntryKind, Color> COLORS = new EnumMap<>(EntryKind.class);
	private static final Color RULER = new Color(new RGB(236, 238, 242));
	private static final Color GRID = new Color(new RGB(222, 225, 230));
	private static final Color STRIPE = new Color(new RGB(247, 248, 250));
	private static final Color TEXT = new Color(new RGB(40, 44, 52));
	private static final Color LINK = new Color(new RGB(150, 155, 165));
	private static final Color SELECTED = new Color(new RGB(0, 0, 0));
	private static final Color STAR = new Color(new RGB(230, 170, 0));

	static {
		color(EntryKind.EVENT, 52, 120, 200);
		color(EntryKind.ALERT, 210, 50, 45);
		color(EntryKind.PACKET, 0, 150, 150);
		color(EntryKind.AGENT_RESULT, 120, 80, 180);
		color(EntryKind.NOTE, 90, 150, 60);
		color(EntryKind.TASK_CREATED, 230, 130, 20);
		color(EntryKind.TASK_DUE, 200, 100, 0);
		color(EntryKind.TASK_DONE, 150, 120, 60);
		color(EntryKind.EVIDENCE, 140, 60, 120);
		color(EntryKind.STATE_CHANGE, 90, 90, 90);
	}

	private TimelinePainter() {
	}

	private static void color(EntryKind kind, int red, int green, int blue) {
		COLORS.put(kind, new Color(new RGB(red, green, blue)));
	}

	/** Returns the color of a kind's marks. */
	static Color color(EntryKind kind) {
		return COLORS.get(kind);
	}

	/**
	 * Draws lanes from {@code firstLane} down to the bottom of the area.
	 *
	 * @param viewport the time range, set to the area's width less the names' column
	 * @param selected the key of the selected entry, or {@code null}
	 * @return how many entry marks were drawn
	 */
	static int paint(GC gc, Rectangle area, TimelineViewport viewport, List<Lane> lanes, int firstLane,
			String selected) {
		gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		gc.setAntialias(SWT.OFF);
		ruler(gc, area, viewport);
		int drawn = 0;
		for (int lane = firstLane; lane < lanes.size(); lane++) {
			int top = RULER_HEIGHT + (lane - firstLane) * LANE_HEIGHT;
			if (top >= area.height) {
				break;
			}
			drawn += lane(gc, area, viewport, lanes.get(lane), lane, top, selected);
		}
		gc.setForeground(GRID);
		gc.drawLine(NAMES_WIDTH - 1, 0, NAMES_WIDTH - 1, area.height);
		return drawn;
	}

	private static void ruler(GC gc, Rectangle area, TimelineViewport viewport) {
		gc.setBackground(RULER);
		gc.fillRectangle(0, 0, area.width, RULER_HEIGHT);
		gc.setForeground(TEXT);
		gc.setClipping(0, 0, NAMES_WIDTH - 4, RULER_HEIGHT);
		gc.drawString(TimelineRuler.day(viewport.start()), 4, 2, true);
		gc.drawString(TimelineRuler.timeOfDay(viewport.start()), 4, 17, true);
		gc.setClipping((Rectangle) null);
		TimelineRuler ruler = TimelineRuler.of(viewport.span(), viewport.width(), TICK_GAP);
		Instant end = viewport.end();
		Instant tick = ruler.firstTick(viewport.start());
		for (int i = 0; i < 2000 && tick.isBefore(end); i++, tick = tick.plus(ruler.step())) {
			int x = NAMES_WIDTH + (int) Math.round(viewport.x(tick));
			if (x < NAMES_WIDTH) {
				continue;
			}
			gc.setForeground(GRID);
			gc.drawLine(x, RULER_HEIGHT - 8, x, area.height);
			gc.setForeground(TEXT);
			gc.drawString(ruler.label(tick), x + 3, 10, true);
		}
		gc.setForeground(GRID);
		gc.drawLine(0, RULER_HEIGHT - 1, area.width, RULER_HEIGHT - 1);
	}

	private static int lane(GC gc, Rectangle area, TimelineViewport viewport, Lane lane, int index, int top,
			String selected) {
		if (index % 2 == 1) {
			gc.setBackground(STRIPE);
			gc.fillRectangle(0, top, area.width, LANE_HEIGHT);
		}
		String name = lane.name().isEmpty() ? Messages.Timeline_noLane : lane.name();
		gc.setForeground(TEXT);
		gc.setClipping(0, top, NAMES_WIDTH - 4, LANE_HEIGHT);
		gc.drawString(Labels.oneLine(name, 40) + " (" + lane.entries().size() + ")", 4, top + 7, true);
		gc.setClipping(NAMES_WIDTH, RULER_HEIGHT, area.width - NAMES_WIDTH, area.height - RULER_HEIGHT);
		int drawn = entries(gc, viewport, lane.entries(), top, selected);
		gc.setClipping((Rectangle) null);
		return drawn;
	}

	private static int entries(GC gc, TimelineViewport viewport, Timeline entries, int top, String selected) {
		int markY = top + 5;
		int tickY = top + LANE_HEIGHT - 6;
		// A mark is as wide as the pointer's radius: widen the range so that half-visible ones show.
		double slack = MARK;
		List<TimelineEntry> visible = entries.between(viewport.time(-slack), viewport.time(viewport.width() + slack));
		int[] lastColumn = new int[EntryKind.values().length];
		java.util.Arrays.fill(lastColumn, Integer.MIN_VALUE);
		int drawn = 0;
		TimelineEntry highlighted = null;
		// Where entries crowd, their links to the discovery ticks would only grey the lane out.
		boolean links = visible.size() <= viewport.width() / SPARSE_PIXELS;
		for (TimelineEntry entry : visible) {
			int x = NAMES_WIDTH + (int) Math.round(viewport.x(entry.occurred()));
			if (entry.key().equals(selected)) {
				highlighted = entry;
			}
			int kind = entry.kind().ordinal();
			if (x == lastColumn[kind] && !entry.starred()) {
				continue;
			}
			lastColumn[kind] = x;
			mark(gc, viewport, entry, x, markY, tickY, links);
			drawn++;
		}
		if (highlighted != null) {
			int x = NAMES_WIDTH + (int) Math.round(viewport.x(highlighted.occurred()));
			gc.setForeground(SELECTED);
			gc.setLineWidth(2);
			gc.drawRectangle(x - MARK / 2 - 3, markY - 3, MARK + 5, MARK + 5);
			gc.setLineWidth(0);
		}
		return drawn;
	}

	private static void mark(GC gc, TimelineViewport viewport, TimelineEntry entry, int x, int markY, int tickY,
			boolean links) {
		int discoveredX = NAMES_WIDTH + (int) Math.round(viewport.x(entry.discovered()));
		gc.setForeground(LINK);
		if (links && discoveredX != x) {
			gc.drawLine(x, markY + MARK, clamp(discoveredX), tickY);
		}
		gc.drawLine(clamp(discoveredX), tickY, clamp(discoveredX), tickY + 4);
		gc.setBackground(entry.starred() ? STAR : color(entry.kind()));
		gc.fillRectangle(x - MARK / 2, markY, MARK, MARK);
		if (entry.starred() || !entry.tags().isEmpty() || !entry.comment().isEmpty()) {
			gc.setForeground(color(entry.kind()));
			gc.drawRectangle(x - MARK / 2 - 1, markY - 1, MARK + 1, MARK + 1);
		}
	}

	private static int clamp(int x) {
		return Math.max(NAMES_WIDTH - 2, Math.min(100_000, x));
	}

	/** Returns the size of a drawing of all lanes over a width, for the PNG export. */
	static Point size(int width, int lanes) {
		return new Point(width, RULER_HEIGHT + Math.max(1, lanes) * LANE_HEIGHT);
	}
}
