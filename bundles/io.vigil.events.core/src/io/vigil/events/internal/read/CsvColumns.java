package io.vigil.events.internal.read;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.Timestamps;

/**
 * What the columns of a CSV header mean. Names are matched without regard to case: one column
 * holds the time ({@code utctimestamp}, {@code @timestamp}, {@code timestamp}, {@code datetime},
 * {@code time} or {@code date}, in that order of preference; a {@code time} column that holds
 * only a clock time is read together with a {@code date} column), some are MozDef fields
 * ({@code host} for {@code hostname}, {@code message} for {@code summary}, ...), and the rest go
 * into the details under their names in lower case, with spaces and dots turned into
 * underscores. Common names of the standard details ({@code src_ip}, {@code dst_port},
 * {@code user}, ...) are given their standard keys.
 */
final class CsvColumns {

	private static final List<String> TIME_NAMES = List.of("utctimestamp", "@timestamp", "timestamp", "datetime",
			"time", "date");
	private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
			Map.entry("category", EventFields.CATEGORY), Map.entry("severity", EventFields.SEVERITY),
			Map.entry("hostname", EventFields.HOSTNAME), Map.entry("host", EventFields.HOSTNAME),
			Map.entry("processname", EventFields.PROCESS_NAME), Map.entry("process", EventFields.PROCESS_NAME),
			Map.entry("processid", EventFields.PROCESS_ID), Map.entry("pid", EventFields.PROCESS_ID),
			Map.entry("source", EventFields.SOURCE), Map.entry("summary", EventFields.SUMMARY),
			Map.entry("message", EventFields.SUMMARY), Map.entry("msg", EventFields.SUMMARY),
			Map.entry("tags", EventFields.TAGS));
	private static final Map<String, String> DETAIL_NAMES = Map.ofEntries(
			Map.entry("src_ip", EventBuilder.SOURCE_IP), Map.entry("srcip", EventBuilder.SOURCE_IP),
			Map.entry("source_ip", EventBuilder.SOURCE_IP), Map.entry("src_port", EventBuilder.SOURCE_PORT),
			Map.entry("srcport", EventBuilder.SOURCE_PORT), Map.entry("source_port", EventBuilder.SOURCE_PORT),
			Map.entry("dst_ip", EventBuilder.DESTINATION_IP), Map.entry("dest_ip", EventBuilder.DESTINATION_IP),
			Map.entry("dstip", EventBuilder.DESTINATION_IP), Map.entry("destination_ip", EventBuilder.DESTINATION_IP),
			Map.entry("dst_port", EventBuilder.DESTINATION_PORT), Map.entry("dest_port", EventBuilder.DESTINATION_PORT),
			Map.entry("dstport", EventBuilder.DESTINATION_PORT),
			Map.entry("destination_port", EventBuilder.DESTINATION_PORT), Map.entry("user", EventBuilder.USERNAME),
			Map.entry("user_name", EventBuilder.USERNAME), Map.entry("proto", EventBuilder.PROTOCOL));

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
	private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d{0,17})\\.\\d{1,15}");

	private final List<String> names;
	private final String[] fields;
	private final String[] detailKeys;
	private final int timeColumn;
	private final int dateColumn;
	private final String problem;

	/**
	 * Reads a header.
	 *
	 * @param header the header's fields
	 * @param headerProblem why the header line could not be read whole, or {@code null}
	 */
	CsvColumns(List<String> header, String headerProblem) {
		this.names = header.stream().map(String::strip).toList();
		this.fields = new String[names.size()];
		this.detailKeys = new String[names.size()];
		this.timeColumn = timeColumn();
		this.dateColumn = timeColumn >= 0 && lowerCase(names.get(timeColumn)).equals("time") ? indexOf("date") : -1;
		assignColumns();
		if (headerProblem != null) {
			this.problem = "the header cannot be read: " + headerProblem;
		} else {
			this.problem = timeColumn < 0 ? "the header has no time column (one of " + String.join(", ", TIME_NAMES)
					+ ")" : null;
		}
	}

	/** Returns how many columns the header has. */
	int size() {
		return names.size();
	}

	/** Returns why no row can be read with this header, or {@code null}. */
	String problem() {
		return problem;
	}

	private int timeColumn() {
		for (String wanted : TIME_NAMES) {
			int column = indexOf(wanted);
			if (column >= 0) {
				return column;
			}
		}
		return -1;
	}

	private int indexOf(String wanted) {
		for (int column = 0; column < names.size(); column++) {
			if (lowerCase(names.get(column)).equals(wanted)) {
				return column;
			}
		}
		return -1;
	}

	/** The first column with a field's name sets the field; later ones become details. */
	private void assignColumns() {
		Set<String> taken = new HashSet<>();
		for (int column = 0; column < names.size(); column++) {
			if (column == timeColumn || column == dateColumn) {
				continue;
			}
			String field = FIELD_NAMES.get(lowerCase(names.get(column)));
			if (field != null && taken.add(field)) {
				fields[column] = field;
				continue;
			}
			String key = detailKey(names.get(column), column);
			detailKeys[column] = taken.add("details." + key) ? key : key + "_" + (column + 1);
		}
	}

	private static String detailKey(String name, int column) {
		String key = lowerCase(name);
		key = key.startsWith("details.") ? key.substring("details.".length()) : key;
		key = key.replaceAll("[\\s.]+", "_");
		if (key.isEmpty()) {
			return "column" + (column + 1);
		}
		return DETAIL_NAMES.getOrDefault(key, key);
	}

	/**
	 * Turns a row into an event.
	 *
	 * @param values the row's fields, as many as the header's
	 * @param zone the zone of times written without one
	 * @throws MalformedRecordException if the row has no usable time
	 */
	ObjectNode toEvent(List<String> values, ZoneId zone) throws MalformedRecordException {
		String written = values.get(timeColumn).strip();
		EventBuilder event = new EventBuilder().time(time(written, values, zone), written);
		for (int column = 0; column < values.size(); column++) {
			String value = values.get(column).strip();
			if (!value.isEmpty() && column != timeColumn && column != dateColumn) {
				put(column, value, event);
			}
		}
		if (!event.has(EventFields.SOURCE)) {
			event.set(EventFields.SOURCE, "csv");
		}
		return event.build();
	}

	private Instant time(String written, List<String> values, ZoneId zone) throws MalformedRecordException {
		String column = names.get(timeColumn);
		if (written.isEmpty()) {
			throw new MalformedRecordException("no time: column '" + column + "' is empty");
		}
		Optional<Instant> time = Timestamps.parse(written, zone);
		if (time.isEmpty() && dateColumn >= 0) {
			time = Timestamps.parse(values.get(dateColumn).strip() + " " + written, zone);
		}
		return time.orElseThrow(() -> new MalformedRecordException("no time: column '" + column + "' has '" + written
				+ "', which is neither ISO 8601 nor epoch time"));
	}

	private void put(int column, String value, EventBuilder event) {
		String field = fields[column];
		if (field == null) {
			event.detail(detailKeys[column], typed(value));
			return;
		}
		switch (field) {
		case EventFields.SEVERITY -> severity(value, event);
		case EventFields.PROCESS_ID -> event.processId(value);
		case EventFields.TAGS -> {
			for (String tag : value.split("[,;]")) {
				event.tag(tag.strip());
			}
		}
		default -> event.set(field, value);
		}
	}

	/** A severity that is not one keeps its text in the details rather than being guessed. */
	private static void severity(String value, EventBuilder event) {
		Severity.parse(value).ifPresentOrElse(event::severity, () -> event.detail("severity", value));
	}

	/** Numbers become JSON numbers and {@code true}/{@code false} booleans; the rest stays text. */
	private static JsonNode typed(String value) {
		JsonNodeFactory factory = JsonSupport.MAPPER.getNodeFactory();
		if (INTEGER.matcher(value).matches()) {
			return factory.numberNode(Long.parseLong(value));
		}
		if (DECIMAL.matcher(value).matches()) {
			return factory.numberNode(Double.parseDouble(value));
		}
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return factory.booleanNode(Boolean.parseBoolean(value));
		}
		return factory.textNode(value);
	}

	private static String lowerCase(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}
}
