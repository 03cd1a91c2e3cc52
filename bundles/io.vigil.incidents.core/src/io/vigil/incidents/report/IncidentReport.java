package io.vigil.incidents.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.incidents.CustodyEntry;
import io.vigil.incidents.Evidence;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentMetrics;
import io.vigil.incidents.IncidentTask;
import io.vigil.incidents.KeyDate;
import io.vigil.incidents.Measure;
import io.vigil.incidents.Note;
import io.vigil.incidents.Observable;
import io.vigil.incidents.timeline.LaneKey;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.report.ReportDocument;
import io.vigil.report.ReportFormat;
import io.vigil.report.ReportWriter;

/**
 * The report a handler hands over about an incident: summary, key dates and the times they give,
 * the timeline (as a chart and as a table), observables, ATT&amp;CK techniques, evidence with its
 * hashes and chain of custody, tasks, notes, analysis and lessons learned. The same document is
 * written as Markdown, HTML or PDF.
 */
public final class IncidentReport {

	/** The timeline table lists at most this many entries; the chart shows them all. */
	public static final int MAX_TABLE_ENTRIES = 2000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

	private final Incident incident;
	private final Timeline timeline;
	private final Instant generated;

	/**
	 * Makes the report of an incident.
	 *
	 * @param timeline the incident's timeline, with its marks
	 * @param generated when the report is made, printed in it
	 */
	public IncidentReport(Incident incident, Timeline timeline, Instant generated) {
		this.incident = incident;
		this.timeline = timeline;
		this.generated = generated;
	}

	/** Writes the report in a format. */
	public void write(ReportFormat format, Path out) throws IOException {
		ReportWriter.write(document(), format, out);
	}

	/** Returns the report as a document. */
	public ReportDocument document() throws IOException {
		ReportDocument.Builder report = ReportDocument.builder(incident.title())
				.fact("Incident", incident.id())
				.fact("Severity", label(incident.severity().name()))
				.fact("Status", label(incident.status().name()) + ", phase " + label(incident.phase().name()))
				.fact("Owner", incident.owner())
				.fact("TLP", "TLP:" + incident.tlp().name().replace('_', '+'))
				.fact("Report made", TIME.format(generated));
		report.section("Summary").paragraph(incident.summary().isBlank() ? "No summary yet." : incident.summary());
		keyDates(report);
		timeline(report);
		observables(report);
		techniques(report);
		evidence(report);
		tasks(report);
		analysis(report);
		notes(report);
		if (!incident.references().isEmpty()) {
			report.section("References").bullets(incident.references());
		}
		return report.build();
	}

	private void keyDates(ReportDocument.Builder report) {
		List<List<String>> rows = new ArrayList<>();
		for (KeyDate date : KeyDate.values()) {
			rows.add(List.of(label(date.name()), incident.dates().get(date).map(TIME::format).orElse("not yet")));
		}
		report.section("Key dates").table(List.of("Date", "When"), rows, List.of(1, 2));
		IncidentMetrics metrics = IncidentMetrics.of(incident);
		List<List<String>> measures = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			measures.add(List.of(label(measure.name()), metrics.get(measure).map(IncidentReport::duration).orElse("not known")));
		}
		report.subsection("Response times").table(List.of("Measure", "Time"), measures, List.of(1, 2));
	}

	private void timeline(ReportDocument.Builder report) throws IOException {
		report.section("Timeline");
		if (timeline.isEmpty()) {
			report.paragraph("The timeline has no entries yet.");
			return;
		}
		byte[] chart = new TimelineChart(timeline, LaneKey.HOST, incident.title() + " — timeline by host").png(1000);
		report.image(chart, "timeline", timeline.size() + " entries by host; dots when each happened, diamonds when it"
				+ " was discovered");
		List<List<String>> rows = new ArrayList<>();
		for (TimelineEntry entry : timeline.entries()) {
			if (rows.size() == MAX_TABLE_ENTRIES) {
				break;
			}
			rows.add(List.of(TIME.format(entry.occurred()), TIME.format(entry.discovered()), label(entry.kind().name()),
					entry.title() + (entry.starred() ? " ★" : "") + (entry.comment().isBlank() ? "" : "\n" + entry.comment()),
					String.join(" ", List.of(entry.host(), entry.user()).stream().filter(s -> !s.isBlank()).toList())));
		}
		report.table(List.of("Occurred", "Discovered", "Kind", "What", "Host, user"), rows, List.of(3, 3, 2, 6, 3));
		if (timeline.size() > MAX_TABLE_ENTRIES) {
			report.paragraph("The table lists the first " + MAX_TABLE_ENTRIES + " of " + timeline.size()
					+ " entries; `vigil incident timeline " + incident.id() + " --format csv` gives them all.");
		}
	}

	private void observables(ReportDocument.Builder report) {
		report.section("Observables");
		if (incident.observables().isEmpty()) {
			report.paragraph("None recorded.");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Observable observable : incident.observables()) {
			rows.add(List.of(label(observable.kind().name()), observable.value(), observable.comment()));
		}
		report.table(List.of("Kind", "Value", "Comment"), rows, List.of(1, 3, 3));
	}

	private void techniques(ReportDocument.Builder report) {
		report.section("ATT&CK techniques");
		if (incident.techniques().isEmpty()) {
			report.paragraph("None recorded.");
			return;
		}
		List<String> items = new ArrayList<>();
		for (String technique : incident.techniques()) {
			items.add(technique + " — " + NavigatorLayer.url(technique));
		}
		report.bullets(items);
	}

	private void evidence(ReportDocument.Builder report) {
		report.section("Evidence");
		if (incident.evidence().isEmpty()) {
			report.paragraph("None recorded.");
			return;
		}
		List<List<String>> hashes = new ArrayList<>();
		List<List<String>> details = new ArrayList<>();
		for (Evidence item : incident.evidence()) {
			hashes.add(List.of(item.name(), item.sha256(), Long.toString(item.size())));
			details.add(List.of(item.name(), item.addedBy() + ", " + TIME.format(item.addedAt()), item.description(),
					item.source()));
		}
		// The hash column is wide enough for the 64 digits on one line, so that they copy whole.
		report.table(List.of("Name", "SHA-256", "Bytes"), hashes, List.of(6, 18, 3));
		report.table(List.of("Name", "Added", "Description", "Source"), details, List.of(3, 3, 4, 4));
		report.subsection("Chain of custody");
		List<List<String>> custody = new ArrayList<>();
		for (Evidence item : incident.evidence()) {
			for (CustodyEntry entry : item.custody()) {
				custody.add(List.of(item.name(), TIME.format(entry.when()), entry.who(), label(entry.action().name()),
						entry.detail()));
			}
		}
		report.table(List.of("Item", "When", "Who", "What", "Detail"), custody, List.of(3, 3, 2, 2, 4));
	}

	private void tasks(ReportDocument.Builder report) {
		if (incident.tasks().isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (IncidentTask task : incident.tasks()) {
			rows.add(List.of(task.title(), task.assignee(), task.due() == null ? "" : TIME.format(task.due()),
					task.done() ? "done" + (task.doneAt() == null ? "" : " " + TIME.format(task.doneAt())) : "open"));
		}
		report.section("Tasks").table(List.of("Task", "Assignee", "Due", "State"), rows, List.of(4, 2, 3, 3));
	}

	private void analysis(ReportDocument.Builder report) {
		report.section("Analysis");
		report.subsection("Theories").paragraph(orNone(incident.fields().theories()));
		report.subsection("Mitigations").paragraph(orNone(incident.fields().mitigations()));
		report.subsection("Lessons learned").paragraph(orNone(incident.fields().lessonsLearned()));
	}

	private void notes(ReportDocument.Builder report) {
		if (incident.notes().isEmpty()) {
			return;
		}
		report.section("Notes");
		for (Note note : incident.notes()) {
			report.paragraph(TIME.format(note.time()) + ", " + note.author() + ":\n" + note.text());
		}
	}

	private static String orNone(String text) {
		return text == null || text.isBlank() ? "None written yet." : text;
	}

	private static String label(String constant) {
		String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Writes a duration as days, hours and minutes ({@code 2 d 3 h 5 min}). */
	static String duration(Duration duration) {
		if (duration.isNegative()) {
			return "-" + duration(duration.negated());
		}
		long days = duration.toDays();
		int hours = duration.toHoursPart();
		int minutes = duration.toMinutesPart();
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append(" d ");
		}
		if (days > 0 || hours > 0) {
			text.append(hours).append(" h ");
		}
		text.append(minutes).append(" min");
		if (days == 0 && hours == 0 && minutes == 0) {
			return duration.toSecondsPart() + " s";
		}
		return text.toString();
	}
}
