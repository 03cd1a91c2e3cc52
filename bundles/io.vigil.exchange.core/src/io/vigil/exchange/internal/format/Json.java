package io.vigil.exchange.internal.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of bundles and key files. Written canonically: object fields sorted by name, no
 * whitespace, UTF-8; so equal content always gives equal bytes and equal hashes.
 */
public final class Json {

	/** The mapper for all exchange JSON. */
	public static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	/** Returns the canonical bytes of a JSON tree. */
	public static byte[] canonical(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(sorted(node));
		} catch (IOException e) {
			throw new IllegalStateException("a JSON tree always serializes", e);
		}
	}

	/** Returns a copy of a tree whose object fields are sorted by name, at every depth. */
	public static JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			List<String> names = new ArrayList<>();
			object.properties().forEach(property -> names.add(property.getKey()));
			names.sort(null);
			ObjectNode copy = MAPPER.createObjectNode();
			for (String name : names) {
				copy.set(name, sorted(object.get(name)));
			}
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = MAPPER.createArrayNode();
			array.forEach(item -> copy.add(sorted(item)));
			return copy;
		}
		return node;
	}

	/** Parses bytes as a JSON object, or returns {@code null} when they are not one. */
	public static ObjectNode parseObject(byte[] bytes) {
		try {
			return MAPPER.readTree(bytes) instanceof ObjectNode object ? object : null;
		} catch (IOException e) {
			return null;
		}
	}

	/** Returns a text field, or {@code null} when it is missing or not text. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isTextual() ? value.asText() : null;
	}

	/** Returns a base64 field decoded, or {@code null} when missing or malformed. */
	public static byte[] base64(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(text);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Returns bytes as base64 text. */
	public static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
