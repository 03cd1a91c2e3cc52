package io.vigil.events.store;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.internal.read.JsonSupport;

/**
 * An event as the store returns it.
 *
 * @param id the stable id
 * @param time its {@code utctimestamp}, to the millisecond
 * @param json the whole event
 */
public record StoredEvent(String id, Instant time, ObjectNode json) {

	/** Returns the whole event as indented JSON. */
	public String prettyJson() {
		try {
			return JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
		} catch (JsonProcessingException e) {
			return json.toString();
		}
	}

	/**
	 * Returns the value at a field path ({@code details.sourceipaddress}) as text: strings as they
	 * are, other values as JSON, arrays' elements joined with {@code ", "}; an empty string when
	 * the event has no such field.
	 */
	public String text(String path) {
		return text(resolve(json, path));
	}

	/**
	 * Returns the node at a path, or {@code null}. Keys may themselves contain dots
	 * ({@code id.orig_h}): a whole key is preferred to a shorter one at each level.
	 */
	public static JsonNode resolve(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode whole = node.get(path);
		if (whole != null) {
			return whole;
		}
		for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
			JsonNode child = node.get(path.substring(0, dot));
			if (child != null) {
				JsonNode found = resolve(child, path.substring(dot + 1));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		if (node.isArray()) {
			StringBuilder joined = new StringBuilder();
			node.forEach(element -> joined.append(joined.isEmpty() ? "" : ", ").append(text(element)));
			return joined.toString();
		}
		return node.isValueNode() ? node.asText() : node.toString();
	}
}
