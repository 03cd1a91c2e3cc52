package io.vigil.incidents.internal.commands;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.incidents.CustodyEntry;
import io.vigil.incidents.Evidence;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentMetrics;
import io.vigil.incidents.IncidentTask;
import io.vigil.incidents.KeyDate;
import io.vigil.incidents.Measure;
import io.vigil.incidents.Note;
import io.vigil.incidents.Observable;
import io.vigil.incidents.PromotedItem;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;

/** How {@code vigil incident} prints incidents and metrics as text. */
final class IncidentText {

	/** How many timeline entries {@code incident show} prints. */
	static final int SHORT_TIMELINE = 20;

	private static final ObjectMapper JSON = new ObjectMapper();

	private IncidentText() {
	}

	static String row(Incident incident) {
		return String.format(Locale.ROOT, "%s  %-8s %-6s %-15s %-12s %-16s %s", incident.id(), incident.severity().label(),
				incident.status().label(), incident.phase().label(), incident.owner().isEmpty() ? "-" : incident.owner(),
				incident.tlp().label(), incident.title());
	}

	static void show(Incident incident, PrintWriter out) {
		out.println(incident.id() + "  " + incident.title());
		out.println("severity " + incident.severity().label() + ", " + incident.status().label() + ", phase "
				+ incident.phase().label() + ", owner " + (incident.owner().isEmpty() ? "nobody" : incident.owner()) + ", "
				+ incident.tlp().label());
		out.println("created " + incident.created() + ", updated " + incident.updated());
		text(out, "Summary", incident.summary());
		out.println();
		out.println("Key dates:");
		for (KeyDate date : KeyDate.values()) {
			out.println("  " + pad(date.label()) + incident.dates().get(date).map(Object::toString).orElse("-"));
		}
		text(out, "Theories", incident.fields().theories());
		text(out, "Mitigations", incident.fields().mitigations());
		text(out, "Lessons learned", incident.fields().lessonsLearned());
		list(out, "References", incident.references());
		list(out, "ATT&CK techniques", incident.techniques());
		section(out, "Notes", incident.notes().size());
		for (Note note : incident.notes()) {
			out.println("  " + note.time() + "  " + note.author() + ": " + note.text());
		}
		section(out, "Tasks", incident.tasks().size());
		for (IncidentTask task : incident.tasks()) {
			out.println("  [" + (task.done() ? "x" : " ") + "] " + task.title()
					+ (task.assignee().isEmpty() ? "" : " (" + task.assignee() + ")")
					+ (task.due() == null ? "" : " due " + task.due()));
		}
		section(out, "Observables", incident.observables().size());
		for (Observable observable : incident.observables()) {
			out.println("  " + pad(observable.kind().label()) + observable.value()
					+ (observable.comment().isEmpty() ? "" : "  (" + observable.comment() + ")"));
		}
		section(out, "Evidence", incident.evidence().size());
		for (Evidence evidence : incident.evidence()) {
			out.println("  " + evidence.name() + "  " + evidence.size() + " bytes  " + evidence.mediaType());
			out.println("    SHA-256 " + evidence.sha256());
			for (CustodyEntry entry : evidence.custody()) {
				out.println("    " + entry.when() + "  " + entry.action().label() + " by " + entry.who()
						+ (entry.detail().isEmpty() ? "" : "  " + entry.detail()));
			}
		}
		section(out, "Promoted items", incident.items().size());
		for (PromotedItem item : incident.items()) {
			out.println("  " + item.occurred() + "  " + pad(item.kind().label()) + item.sourceId() + "  " + item.title());
		}
		timeline(incident, out);
	}

	private static void timeline(Incident incident, PrintWriter out) {
		Timeline timeline = Timeline.of(incident);
		section(out, "Timeline", timeline.size());
		List<TimelineEntry> shown = timeline.entries().subList(0, Math.min(SHORT_TIMELINE, timeline.size()));
		for (TimelineEntry entry : shown) {
			out.println("  " + entry.occurred() + "  " + (entry.starred() ? "* " : "  ") + pad(entry.kind().label())
					+ entry.title());
		}
		if (timeline.size() > shown.size()) {
			out.println("  ... " + (timeline.size() - shown.size()) + " more (vigil incident timeline " + incident.id()
					+ ")");
		}
	}

	private static void section(PrintWriter out, String title, int count) {
		out.println();
		out.println(title + " (" + count + "):");
	}

	private static void text(PrintWriter out, String title, String text) {
		if (!text.isBlank()) {
			out.println();
			out.println(title + ":");
			text.lines().forEach(line -> out.println("  " + line));
		}
	}

	private static void list(PrintWriter out, String title, List<String> values) {
		section(out, title, values.size());
		values.forEach(value -> out.println("  " + value));
	}

	private static String pad(String label) {
		return String.format(Locale.ROOT, "%-14s", label);
	}

	static void metrics(List<IncidentMetrics> metrics, PrintWriter out) {
		out.println(String.format(Locale.ROOT, "%-15s %12s %12s %12s %12s", "incident", "detect", "verify", "contain",
				"mitigate"));
		for (IncidentMetrics one : metrics) {
			out.println(String.format(Locale.ROOT, "%-15s %12s %12s %12s %12s", one.incidentId(),
					shown(one, Measure.TIME_TO_DETECT), shown(one, Measure.TIME_TO_VERIFY),
					shown(one, Measure.TIME_TO_CONTAIN), shown(one, Measure.TIME_TO_MITIGATE)));
		}
		Map<Measure, IncidentMetrics.Summary> summaries = IncidentMetrics.summarize(metrics);
		for (String line : List.of("median", "mean", "count")) {
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-15s", line));
			for (Measure measure : Measure.values()) {
				IncidentMetrics.Summary summary = summaries.get(measure);
				String value = switch (line) {
					case "median" -> summary.medianValue().map(IncidentText::duration).orElse("-");
					case "mean" -> summary.meanValue().map(IncidentText::duration).orElse("-");
					default -> Integer.toString(summary.count());
				};
				row.append(String.format(Locale.ROOT, " %12s", value));
			}
			out.println(row);
		}
	}

	private static String shown(IncidentMetrics metrics, Measure measure) {
		return metrics.get(measure).map(IncidentText::duration).orElse("-");
	}

	/** Returns a duration as days, hours, minutes and seconds ({@code 1d2h3m4s}, {@code -5m}). */
	static String duration(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		Duration positive = duration.abs();
		StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
		long days = positive.toDays();
		int hours = positive.toHoursPart();
		int minutes = positive.toMinutesPart();
		int seconds = positive.toSecondsPart();
		if (days > 0) {
			text.append(days).append('d');
		}
		if (hours > 0) {
			text.append(hours).append('h');
		}
		if (minutes > 0) {
			text.append(minutes).append('m');
		}
		if (seconds > 0 || text.length() <= 1) {
			text.append(seconds).append('s');
		}
		return text.toString();
	}

	static ObjectNode metricsJson(List<IncidentMetrics> metrics) {
		ObjectNode root = JSON.createObjectNode();
		for (IncidentMetrics one : metrics) {
			ObjectNode node = root.withArray("incidents").addObject();
			node.put("id", one.incidentId());
			if (one.start() == null) {
				node.putNull("start");
			} else {
				node.put("start", one.start().toString());
			}
			for (Measure measure : Measure.values()) {
				one.get(measure).ifPresentOrElse(value -> node.put(measure.label(), value.toString()),
						() -> node.putNull(measure.label()));
			}
		}
		root.withArray("incidents");
		ObjectNode summary = root.putObject("summary");
		IncidentMetrics.summarize(metrics).forEach((measure, value) -> {
			ObjectNode node = summary.putObject(measure.label());
			node.put("count", value.count());
			value.medianValue().ifPresentOrElse(d -> node.put("median", d.toString()), () -> node.putNull("median"));
			value.meanValue().ifPresentOrElse(d -> node.put("mean", d.toString()), () -> node.putNull("mean"));
		});
		return root;
	}
}
