package io.vigil.incidents.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.Lane;
import io.vigil.incidents.timeline.LaneKey;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;

/**
 * Draws a timeline as a picture, without a display, for reports and exports: one swim lane per
 * host, user or source, each entry marked when it occurred in the upper half of its lane and
 * when it was discovered in the lower half, joined by a line when the two differ. Times are UTC.
 */
public final class TimelineChart {

	/** The colour of each kind of entry, shared with the workbench view's legend. */
	private static final Map<EntryKind, Color> COLORS = new EnumMap<>(EntryKind.class);

	static {
		COLORS.put(EntryKind.EVENT, new Color(0x3b6fb6));
		COLORS.put(EntryKind.ALERT, new Color(0xc8372d));
		COLORS.put(EntryKind.PACKET, new Color(0x2f9e8f));
		COLORS.put(EntryKind.AGENT_RESULT, new Color(0x7a52a8));
		COLORS.put(EntryKind.NOTE, new Color(0x777777));
		COLORS.put(EntryKind.TASK_CREATED, new Color(0xd08a1e));
		COLORS.put(EntryKind.TASK_DUE, new Color(0xb5651d));
		COLORS.put(EntryKind.TASK_DONE, new Color(0x4c9a2a));
		COLORS.put(EntryKind.EVIDENCE, new Color(0x1f1f1f));
		COLORS.put(EntryKind.STATE_CHANGE, new Color(0xa83279));
	}

	private static final Duration[] STEPS = { Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
			Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30),
			Duration.ofDays(90), Duration.ofDays(365) };

	/** At most this many lanes are drawn; the entries of the others share one last lane. */
	public static final int MAX_LANES = 24;

	private static final int LABEL_WIDTH = 170;
	private static final int LANE_HEIGHT = 34;
	private static final int TOP = 62;
	private static final int RIGHT = 20;

	private final Timeline timeline;
	private final LaneKey laneKey;
	private final String title;

	/** Makes a chart of a timeline with lanes by a key. */
	public TimelineChart(Timeline timeline, LaneKey laneKey, String title) {
		this.timeline = timeline;
		this.laneKey = laneKey;
		this.title = title;
	}

	/** Returns the colour entries of a kind are drawn in, as RGB. */
	public static int rgb(EntryKind kind) {
		return COLORS.get(kind).getRGB() & 0xffffff;
	}

	/** Draws the chart at a width in pixels and returns it as PNG bytes. */
	public byte[] png(int width) throws IOException {
		BufferedImage image = draw(width);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) {
			throw new IOException("this Java runtime cannot write PNG images");
		}
		return out.toByteArray();
	}

	/** Draws the chart at a width in pixels. */
	public BufferedImage draw(int width) {
		List<Lane> lanes = lanes();
		int height = TOP + Math.max(1, lanes.size()) * LANE_HEIGHT + 70;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
			g.drawString(fit(g, title, width - 20), 10, 22);
			if (timeline.isEmpty()) {
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
				g.drawString("No entries yet.", LABEL_WIDTH, TOP + 22);
				return image;
			}
			Scale scale = scale(width);
			drawLanes(g, lanes, width);
			drawAxis(g, scale, TOP - 6, true, lanes.size());
			drawAxis(g, scale, TOP + lanes.size() * LANE_HEIGHT + 4, false, lanes.size());
			for (int i = 0; i < lanes.size(); i++) {
				drawEntries(g, scale, lanes.get(i).entries(), TOP + i * LANE_HEIGHT);
			}
			drawLegend(g, TOP + lanes.size() * LANE_HEIGHT + 44);
		} finally {
			g.dispose();
		}
		return image;
	}

	/** The lanes to draw: the first {@link #MAX_LANES} - 1 and one lane gathering the rest. */
	private List<Lane> lanes() {
		List<Lane> all = timeline.lanes(laneKey);
		if (all.size() <= MAX_LANES) {
			return all;
		}
		List<Lane> shown = new ArrayList<>(all.subList(0, MAX_LANES - 1));
		List<TimelineEntry> rest = new ArrayList<>();
		for (Lane lane : all.subList(MAX_LANES - 1, all.size())) {
			rest.addAll(lane.entries().entries());
		}
		shown.add(new Lane((all.size() - MAX_LANES + 1) + " more", Timeline.of(rest)));
		return shown;
	}

	/** Maps times onto the drawing width. */
	private record Scale(Instant from, Instant to, int left, int right) {
		double x(Instant instant) {
			double span = Math.max(1, Duration.between(from, to).toMillis());
			return left + (right - left) * (Duration.between(from, instant).toMillis() / span);
		}
	}

	private Scale scale(int width) {
		Instant first = timeline.first().orElseThrow();
		Instant last = timeline.last().orElseThrow();
		for (TimelineEntry entry : timeline.entries()) {
			if (entry.discovered().isAfter(last)) {
				last = entry.discovered();
			}
			if (entry.discovered().isBefore(first)) {
				first = entry.discovered();
			}
		}
		long span = Math.max(60_000, Duration.between(first, last).toMillis());
		long margin = span / 40;
		return new Scale(first.minusMillis(margin), last.plusMillis(margin), LABEL_WIDTH, width - RIGHT);
	}

	private void drawLanes(Graphics2D g, List<Lane> lanes, int width) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int i = 0; i < lanes.size(); i++) {
			int top = TOP + i * LANE_HEIGHT;
			g.setColor(i % 2 == 0 ? new Color(0xf4f6f9) : Color.WHITE);
			g.fillRect(0, top, width, LANE_HEIGHT);
			g.setColor(new Color(0xdddddd));
			g.drawLine(LABEL_WIDTH, top + LANE_HEIGHT / 2, width - RIGHT, top + LANE_HEIGHT / 2);
			String name = lanes.get(i).name().isEmpty() ? "(no " + laneKey.name().toLowerCase(Locale.ROOT) + ")"
					: lanes.get(i).name();
			g.setColor(Color.DARK_GRAY);
			g.drawString(fit(g, name, LABEL_WIDTH - 14), 8, top + LANE_HEIGHT / 2 + 4);
		}
		g.setColor(Color.GRAY);
		g.drawLine(LABEL_WIDTH, TOP, LABEL_WIDTH, TOP + lanes.size() * LANE_HEIGHT);
	}

	/** Draws the time ruler above the lanes (occurred) or below them (discovered). */
	private static void drawAxis(Graphics2D g, Scale scale, int y, boolean above, int laneCount) {
		Duration step = step(Duration.between(scale.from(), scale.to()), (scale.right() - scale.left()) / 110);
		boolean days = step.compareTo(Duration.ofDays(1)) >= 0;
		DateTimeFormatter format = DateTimeFormatter.ofPattern(days ? "yyyy-MM-dd" : step.toSeconds() < 60
				? "MM-dd HH:mm:ss" : "MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics metrics = g.getFontMetrics();
		long stepMillis = step.toMillis();
		long tick = Math.floorDiv(scale.from().toEpochMilli(), stepMillis) * stepMillis + stepMillis;
		for (int guard = 0; tick <= scale.to().toEpochMilli() && guard < 200; tick += stepMillis, guard++) {
			Instant at = Instant.ofEpochMilli(tick);
			int x = (int) Math.round(scale.x(at));
			g.setColor(new Color(0xe6e6e6));
			if (above) {
				g.drawLine(x, TOP, x, TOP + laneCount * LANE_HEIGHT);
			}
			g.setColor(Color.GRAY);
			g.drawLine(x, above ? y : y - 4, x, above ? y + 5 : y + 1);
			String label = format.format(at);
			g.setColor(Color.DARK_GRAY);
			g.drawString(label, x - metrics.stringWidth(label) / 2, above ? y - 4 : y + 16);
		}
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
		g.drawString(above ? "occurred (UTC)" : "discovered (UTC)", 8, above ? y - 4 : y + 16);
	}

	/** Picks the tick step that gives at most about this many ticks over a span. */
	static Duration step(Duration span, int ticks) {
		for (Duration step : STEPS) {
			if (span.toMillis() / step.toMillis() <= Math.max(2, ticks)) {
				return step;
			}
		}
		return STEPS[STEPS.length - 1];
	}

	private static void drawEntries(Graphics2D g, Scale scale, Timeline entries, int top) {
		int occurredY = top + LANE_HEIGHT / 4 + 2;
		int discoveredY = top + 3 * LANE_HEIGHT / 4;
		g.setStroke(new BasicStroke(1f));
		for (TimelineEntry entry : entries.entries()) {
			double x = scale.x(entry.occurred());
			double seen = scale.x(entry.discovered());
			Color color = COLORS.get(entry.kind());
			if (Math.abs(seen - x) >= 2) {
				g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40));
				g.draw(new java.awt.geom.Line2D.Double(x, occurredY, seen, discoveredY));
			}
			g.setColor(color);
			g.fill(new Ellipse2D.Double(x - 4, occurredY - 4, 8, 8));
			g.draw(diamond(seen, discoveredY, 4));
			if (entry.starred()) {
				g.setColor(new Color(0xe0a800));
				g.setStroke(new BasicStroke(2f));
				g.draw(new Ellipse2D.Double(x - 7, occurredY - 7, 14, 14));
				g.setStroke(new BasicStroke(1f));
			}
		}
	}

	private static Path2D diamond(double x, double y, double r) {
		Path2D shape = new Path2D.Double();
		shape.moveTo(x, y - r);
		shape.lineTo(x + r, y);
		shape.lineTo(x, y + r);
		shape.lineTo(x - r, y);
		shape.closePath();
		return shape;
	}

	private void drawLegend(Graphics2D g, int y) {
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics metrics = g.getFontMetrics();
		int x = LABEL_WIDTH;
		for (EntryKind kind : EntryKind.values()) {
			String label = kind.label().replace('_', ' ');
			g.setColor(COLORS.get(kind));
			g.fill(new Ellipse2D.Double(x, y - 8, 8, 8));
			g.setColor(Color.DARK_GRAY);
			g.drawString(label, x + 12, y);
			x += 12 + metrics.stringWidth(label) + 16;
		}
		g.drawString("● occurred   ◇ discovered   ○ starred", 8, y + 16);
	}

	private static String fit(Graphics2D g, String text, int width) {
		FontMetrics metrics = g.getFontMetrics();
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String shortened = text;
		while (!shortened.isEmpty() && metrics.stringWidth(shortened + "…") > width) {
			shortened = shortened.substring(0, shortened.length() - 1);
		}
		return shortened + "…";
	}
}
