package io.vigil.events.internal.read;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading scalar fields out of the JSON records of the JSON-lines readers. */
final class JsonFields {

	private JsonFields() {
	}

	/**
	 * Returns a scalar field as text, following a path of object keys.
	 *
	 * @param node the record
	 * @param path the keys from the record down to the field
	 * @return the text of a string, number or boolean; {@code null} when the field is missing,
	 *         null, empty or not a scalar
	 */
	static String text(JsonNode node, String... path) {
		JsonNode value = node;
		for (String key : path) {
			value = value.path(key);
		}
		if (!value.isValueNode() || value.isNull()) {
			return null;
		}
		String text = value.asText();
		return text.isEmpty() ? null : text;
	}
}
