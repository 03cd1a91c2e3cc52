package io.vigil.incidents.timeline;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes timeline entries as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled) or as JSON lines (one object per line).
 * Times are ISO-8601 in UTC ({@code 2026-12-04T08:00:00Z}).
 */
public final class TimelineExport {

	/** The CSV header, in column order. */
	public static final List<String> COLUMNS = List.of("occurred", "discovered", "kind", "title", "host", "user",
			"source", "origin_kind", "origin_id", "key", "starred", "tags", "comment");

	private static final ObjectMapper JSON = new ObjectMapper();

	private TimelineExport() {
	}

	/** Writes entries as CSV with a header line. */
	public static void csv(List<TimelineEntry> entries, Writer out) throws IOException {
		row(COLUMNS, out);
		for (TimelineEntry entry : entries) {
			row(List.of(time(entry.occurred()), time(entry.discovered()), entry.kind().label(), entry.title(),
					entry.host(), entry.user(), entry.source(), entry.originKind(), entry.originId(), entry.key(),
					Boolean.toString(entry.starred()), String.join(";", entry.tags()), entry.comment()), out);
		}
		out.flush();
	}

	private static void row(List<String> fields, Writer out) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quoted(fields.get(i)));
		}
		out.write("\r\n");
	}

	/** Returns a CSV field, quoted when it must be. */
	static String quoted(String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}

	/** Writes entries as JSON lines, one object per entry, each line ending in {@code \n}. */
	public static void jsonLines(List<TimelineEntry> entries, Writer out) throws IOException {
		for (TimelineEntry entry : entries) {
			out.write(JSON.writeValueAsString(json(entry)));
			out.write('\n');
		}
		out.flush();
	}

	/** Returns an entry as a JSON object with the CSV's columns as fields. */
	public static ObjectNode json(TimelineEntry entry) {
		ObjectNode node = JSON.createObjectNode();
		node.put("occurred", time(entry.occurred()));
		node.put("discovered", time(entry.discovered()));
		node.put("kind", entry.kind().label());
		node.put("title", entry.title());
		node.put("host", entry.host());
		node.put("user", entry.user());
		node.put("source", entry.source());
		node.put("origin_kind", entry.originKind());
		node.put("origin_id", entry.originId());
		node.put("key", entry.key());
		node.put("starred", entry.starred());
		entry.tags().forEach(node.putArray("tags")::add);
		if (entry.tags().isEmpty()) {
			node.putArray("tags");
		}
		node.put("comment", entry.comment());
		return node;
	}

	private static String time(Instant instant) {
		return instant.toString();
	}
}
