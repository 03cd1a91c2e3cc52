package io.vigil.rules.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.store.StoredEvent;

/**
 * One event as rules look at it: each field path is resolved once however many rules ask. Not
 * thread-safe; one view per event and thread.
 */
public final class EventView {

	private static final List<String> MISSING = List.of();
	private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

	private final String id;
	private final Instant time;
	private final ObjectNode json;
	private final Map<String, List<String>> values = new HashMap<>();
	private final Map<String, List<String>> lowerValues = new HashMap<>();
	private final Map<String, List<java.math.BigDecimal>> numbers = new HashMap<>();
	private final Map<String, List<byte[]>> addresses = new HashMap<>();

	/** Makes a view of an event. */
	public EventView(String id, Instant time, ObjectNode json) {
		this.id = id;
		this.time = time;
		this.json = json;
	}

	/** Returns the event's id. */
	public String id() {
		return id;
	}

	/** Returns the event's time. */
	public Instant time() {
		return time;
	}

	/** Returns the whole event. */
	public ObjectNode json() {
		return json;
	}

	/**
	 * Returns the values at a field path as text: one for a scalar, one per element for an array
	 * of scalars, none when the field is missing or null. Objects are given as JSON.
	 */
	public List<String> values(String path) {
		List<String> known = values.get(path);
		if (known == null) {
			known = lookUp(path);
			values.put(path, known);
		}
		return known;
	}

	/** Returns {@link #values(String)} in lower case (of the root locale). */
	public List<String> lowerValues(String path) {
		List<String> known = lowerValues.get(path);
		if (known == null) {
			List<String> original = values(path);
			known = new ArrayList<>(original.size());
			for (String value : original) {
				known.add(value.toLowerCase(Locale.ROOT));
			}
			lowerValues.put(path, known);
		}
		return known;
	}

	/** Returns the values at a path that are numbers, parsed once. */
	public List<java.math.BigDecimal> numbers(String path) {
		List<java.math.BigDecimal> known = numbers.get(path);
		if (known == null) {
			known = new ArrayList<>();
			for (String value : values(path)) {
				try {
					known.add(new java.math.BigDecimal(value.trim()));
				} catch (NumberFormatException e) {
					// not a number: no comparison holds for it
				}
			}
			numbers.put(path, known);
		}
		return known;
	}

	/**
	 * Returns the values at a path that are IP address literals, as their bytes (4 or 16), parsed
	 * once. Names are never looked up.
	 */
	public List<byte[]> addresses(String path) {
		List<byte[]> known = addresses.get(path);
		if (known == null) {
			known = new ArrayList<>();
			for (String value : values(path)) {
				byte[] address = address(value.trim());
				if (address != null) {
					known.add(address);
				}
			}
			addresses.put(path, known);
		}
		return known;
	}

	/** Returns the bytes of an IPv4 or IPv6 literal, or {@code null} for anything else. */
	public static byte[] address(String text) {
		if (text.isEmpty() || !LITERAL.matcher(text).matches() || (text.indexOf('.') < 0 && text.indexOf(':') < 0)) {
			return null;
		}
		try {
			return java.net.InetAddress.getByName(text).getAddress();
		} catch (java.net.UnknownHostException e) {
			return null;
		}
	}

	/** Returns whether the event has the field, with any value but null. */
	public boolean has(String path) {
		return !values(path).isEmpty();
	}

	/** Returns the first value at a path, or an empty string. */
	public String first(String path) {
		List<String> found = values(path);
		return found.isEmpty() ? "" : found.get(0);
	}

	private List<String> lookUp(String path) {
		JsonNode node = StoredEvent.resolve(json, path);
		if (node == null || node.isNull() || node.isMissingNode()) {
			return MISSING;
		}
		if (!node.isArray()) {
			return List.of(text(node));
		}
		List<String> elements = new ArrayList<>(node.size());
		for (JsonNode element : node) {
			if (!element.isNull()) {
				elements.add(text(element));
			}
		}
		return elements;
	}

	private static String text(JsonNode node) {
		return node.isValueNode() ? node.asText() : node.toString();
	}
}
