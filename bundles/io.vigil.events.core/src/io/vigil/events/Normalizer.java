package io.vigil.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings an event read from any format into Vigil's canonical MozDef shape, in place:
 * timestamps in UTC, a severity by its RFC 5424 name, tags as an array of strings and details as
 * an object. A mandatory field that is missing is filled with a stated default and listed under
 * {@code vigil.filled}, or, where no default would be true, listed under {@code vigil.missing};
 * nothing is invented silently. Thread-safe.
 */
public final class Normalizer {

	/** The category of an event that names none. */
	public static final String DEFAULT_CATEGORY = "event";

	private final ZoneId zoneless;
	private final Clock clock;

	/**
	 * Creates a normalizer.
	 *
	 * @param zoneless the zone of timestamps that carry none
	 * @param clock the clock for {@code receivedtimestamp}
	 */
	public Normalizer(ZoneId zoneless, Clock clock) {
		this.zoneless = zoneless;
		this.clock = clock;
	}

	/** The outcome: the normalized event and its time, or the reason it was refused. */
	public record Result(ObjectNode event, Instant utcTimestamp, String rejection) {

		/** Returns whether the event was refused. */
		public boolean isRejected() {
			return rejection != null;
		}
	}

	/**
	 * Normalizes an event.
	 *
	 * @param event the event as a reader produced it; changed in place
	 * @param format the reader's format name, recorded in {@code vigil.format}
	 * @param origin where it was read, such as {@code /var/log/auth.log}, recorded with the line
	 * @param line the line it started on, or 0 when it has none
	 */
	public Result normalize(ObjectNode event, String format, String origin, long line) {
		ObjectNode vigil = JsonNodeFactory.instance.objectNode();
		Instant received = clock.instant();
		TimeOutcome time = normalizeTimes(event, vigil, received);
		if (time.problem() != null) {
			return new Result(null, null, time.problem());
		}
		normalizeSeverity(event, vigil);
		normalizeCategory(event, vigil);
		normalizeTags(event, vigil);
		normalizeDetails(event, vigil);
		flagMissing(event, vigil, EventFields.HOSTNAME);
		flagMissing(event, vigil, EventFields.SUMMARY);
		if (!event.hasNonNull(EventFields.SOURCE)) {
			event.put(EventFields.SOURCE, format);
		}
		vigil.put("format", format);
		ObjectNode where = vigil.putObject("origin");
		where.put("name", origin);
		if (line > 0) {
			where.put("line", line);
		}
		event.set(EventFields.VIGIL, vigil);
		return new Result(event, time.time(), null);
	}

	/** The event's time, or why it has none. */
	private record TimeOutcome(Instant time, String problem) {
	}

	private TimeOutcome normalizeTimes(ObjectNode event, ObjectNode vigil, Instant received) {
		JsonNode utc = event.get(EventFields.UTC_TIMESTAMP);
		JsonNode original = event.get(EventFields.TIMESTAMP);
		Optional<Instant> time = Optional.empty();
		if (present(utc)) {
			time = parseTime(utc);
			if (time.isEmpty()) {
				return new TimeOutcome(null, "utctimestamp '" + shorten(utc.asText()) + "' is not a timestamp");
			}
		} else if (present(original)) {
			time = parseTime(original);
			if (time.isEmpty()) {
				return new TimeOutcome(null, "timestamp '" + shorten(original.asText()) + "' is not a timestamp");
			}
		}
		if (time.isEmpty()) {
			time = Optional.of(received);
			filled(vigil, EventFields.UTC_TIMESTAMP);
		}
		event.put(EventFields.UTC_TIMESTAMP, Timestamps.format(time.get()));
		if (!present(original)) {
			event.put(EventFields.TIMESTAMP, event.get(EventFields.UTC_TIMESTAMP).asText());
		}
		JsonNode receivedText = event.get(EventFields.RECEIVED_TIMESTAMP);
		Optional<Instant> receivedTime = present(receivedText) ? parseTime(receivedText) : Optional.empty();
		event.put(EventFields.RECEIVED_TIMESTAMP, Timestamps.format(receivedTime.orElse(received)));
		return new TimeOutcome(time.get().truncatedTo(ChronoUnit.MICROS), null);
	}

	private Optional<Instant> parseTime(JsonNode value) {
		if (value.isNumber()) {
			return Timestamps.ofEpoch(value.asDouble());
		}
		return Timestamps.parse(value.asText(), zoneless);
	}

	private static void normalizeSeverity(ObjectNode event, ObjectNode vigil) {
		JsonNode severity = event.get(EventFields.SEVERITY);
		if (!present(severity)) {
			event.put(EventFields.SEVERITY, Severity.INFO.name());
			filled(vigil, EventFields.SEVERITY);
			return;
		}
		Optional<Severity> parsed = Severity.parse(severity.asText());
		if (parsed.isEmpty()) {
			vigil.putObject("original").set(EventFields.SEVERITY, severity);
			event.put(EventFields.SEVERITY, Severity.INFO.name());
			filled(vigil, EventFields.SEVERITY);
			return;
		}
		event.put(EventFields.SEVERITY, parsed.get().name());
	}

	private static void normalizeCategory(ObjectNode event, ObjectNode vigil) {
		JsonNode category = event.get(EventFields.CATEGORY);
		if (!present(category)) {
			event.put(EventFields.CATEGORY, DEFAULT_CATEGORY);
			filled(vigil, EventFields.CATEGORY);
		} else if (!category.isTextual()) {
			event.put(EventFields.CATEGORY, category.asText());
		}
	}

	private static void normalizeTags(ObjectNode event, ObjectNode vigil) {
		JsonNode tags = event.get(EventFields.TAGS);
		if (tags == null || tags.isNull()) {
			return;
		}
		ArrayNode normalized = JsonNodeFactory.instance.arrayNode();
		if (tags.isArray()) {
			tags.forEach(tag -> {
				if (!tag.isNull()) {
					normalized.add(tag.isTextual() ? tag.asText() : tag.toString());
				}
			});
		} else if (tags.isTextual()) {
			for (String tag : tags.asText().split(",")) {
				if (!tag.isBlank()) {
					normalized.add(tag.strip());
				}
			}
		} else {
			vigil.putObject("original").set(EventFields.TAGS, tags);
			normalized.add(tags.toString());
		}
		event.set(EventFields.TAGS, normalized);
	}

	private static void normalizeDetails(ObjectNode event, ObjectNode vigil) {
		JsonNode details = event.get(EventFields.DETAILS);
		if (details == null || details.isNull()) {
			event.putObject(EventFields.DETAILS);
		} else if (!details.isObject()) {
			// A scalar or array under details keeps its value, under a key that says so.
			ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
			wrapped.set("value", details);
			event.set(EventFields.DETAILS, wrapped);
			vigil.withArray("wrapped").add(EventFields.DETAILS);
		}
		removeNulls((ObjectNode) event.get(EventFields.DETAILS));
	}

	private static void removeNulls(ObjectNode object) {
		object.properties().removeIf(entry -> entry.getValue().isNull());
	}

	private static void flagMissing(ObjectNode event, ObjectNode vigil, String field) {
		JsonNode value = event.get(field);
		if (!present(value)) {
			event.remove(field);
			vigil.withArray("missing").add(field);
		}
	}

	private static void filled(ObjectNode vigil, String field) {
		vigil.withArray("filled").add(field);
	}

	private static boolean present(JsonNode value) {
		return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
	}

	private static String shorten(String text) {
		return text.length() <= 80 ? text : text.substring(0, 80) + "...";
	}
}
