package io.vigil.events.internal.read;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.Timestamps;

/**
 * Builds one event in MozDef shape for a reader. Text that is {@code null} or blank is left out
 * rather than stored empty, so that an event holds only what its source said. The top-level
 * fields come out in their usual order, whatever order the reader set them in.
 */
final class EventBuilder {

	/** Details key of the source IP address. */
	static final String SOURCE_IP = "sourceipaddress";
	/** Details key of the source port. */
	static final String SOURCE_PORT = "sourceport";
	/** Details key of the destination IP address. */
	static final String DESTINATION_IP = "destinationipaddress";
	/** Details key of the destination port. */
	static final String DESTINATION_PORT = "destinationport";
	/** Details key of the user name. */
	static final String USERNAME = "username";
	/** Details key of whether an attempt succeeded. */
	static final String SUCCESS = "success";
	/** Details key of the network protocol. */
	static final String PROTOCOL = "protocol";

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
	private static final int MAX_PORT = 65535;

	private final ObjectNode fields = JsonSupport.MAPPER.createObjectNode();
	private final ObjectNode details = JsonSupport.MAPPER.createObjectNode();
	private final Set<String> tags = new LinkedHashSet<>();

	/** Sets {@code utctimestamp} and, when given, {@code timestamp} as the source wrote it. */
	EventBuilder time(Instant instant, String original) {
		fields.put(EventFields.UTC_TIMESTAMP, Timestamps.format(instant));
		return set(EventFields.TIMESTAMP, original);
	}

	/** Sets a top-level text field, unless the value is {@code null} or blank. */
	EventBuilder set(String field, String value) {
		if (hasText(value)) {
			fields.put(field, value);
		}
		return this;
	}

	/** Sets the severity. */
	EventBuilder severity(Severity severity) {
		fields.put(EventFields.SEVERITY, severity.name());
		return this;
	}

	/** Sets {@code processid}: a JSON number when the text is an integer, else the text. */
	EventBuilder processId(String text) {
		if (hasText(text)) {
			fields.set(EventFields.PROCESS_ID, numberOrText(text));
		}
		return this;
	}

	/** Adds a tag, unless it is blank or already there. */
	EventBuilder tag(String tag) {
		if (hasText(tag)) {
			tags.add(tag);
		}
		return this;
	}

	/** Returns whether a top-level field is set. */
	boolean has(String field) {
		return fields.has(field);
	}

	/** Returns the details object, for values the other methods do not cover. */
	ObjectNode details() {
		return details;
	}

	/** Puts a text detail, unless the value is {@code null} or blank. */
	EventBuilder detail(String key, String value) {
		if (hasText(value)) {
			details.put(key, value);
		}
		return this;
	}

	/** Puts a number detail. */
	EventBuilder detail(String key, long value) {
		details.put(key, value);
		return this;
	}

	/** Puts a boolean detail. */
	EventBuilder detail(String key, boolean value) {
		details.put(key, value);
		return this;
	}

	/** Puts a JSON detail, unless it is {@code null}, JSON null or missing. */
	EventBuilder detail(String key, JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			details.set(key, value);
		}
		return this;
	}

	/** Puts a port detail as a JSON number, unless the text is not a port number. */
	EventBuilder port(String key, String text) {
		if (text != null && INTEGER.matcher(text).matches()) {
			long port = Long.parseLong(text);
			if (port >= 0 && port <= MAX_PORT) {
				details.put(key, port);
			}
		}
		return this;
	}

	/** Returns the event, its top-level fields in {@link EventFields#TOP_LEVEL} order. */
	ObjectNode build() {
		ObjectNode event = JsonSupport.MAPPER.createObjectNode();
		for (String field : EventFields.TOP_LEVEL) {
			if (fields.has(field)) {
				event.set(field, fields.get(field));
			} else if (field.equals(EventFields.TAGS) && !tags.isEmpty()) {
				ArrayNode array = event.putArray(field);
				tags.forEach(array::add);
			} else if (field.equals(EventFields.DETAILS) && !details.isEmpty()) {
				event.set(field, details);
			}
		}
		return event;
	}

	/** Returns a JSON number for an integer text (up to 18 digits), else a JSON string. */
	static JsonNode numberOrText(String text) {
		if (INTEGER.matcher(text).matches()) {
			return JsonSupport.MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
		}
		return JsonSupport.MAPPER.getNodeFactory().textNode(text);
	}

	/** Returns whether a text is neither {@code null} nor blank. */
	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}
}
