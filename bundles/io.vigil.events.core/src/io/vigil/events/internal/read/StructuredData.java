package io.vigil.events.internal.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structured data of an RFC 5424 message: the nil value {@code -}, or elements such as
 * {@code [exampleSDID@32473 iut="3" eventSource="App"]}, read into an object of objects by
 * element id and parameter name. A parameter given twice in an element becomes an array.
 */
final class StructuredData {

	private static final String MALFORMED = "malformed structured data: ";

	private final String text;
	private final ObjectNode elements = JsonSupport.MAPPER.createObjectNode();
	private int position;

	private StructuredData(String text) {
		this.text = text;
	}

	/**
	 * Parses the structured data at the start of a text.
	 *
	 * @param text the rest of the message after its MSGID
	 * @return the parsed data; {@link #end()} tells where the message text starts
	 * @throws MalformedRecordException if the structured data is not well formed
	 */
	static StructuredData parse(String text) throws MalformedRecordException {
		StructuredData data = new StructuredData(text);
		data.parseElements();
		return data;
	}

	/** Returns the elements by id, empty for {@code -}. */
	ObjectNode elements() {
		return elements;
	}

	/** Returns the index in the text just after the structured data. */
	int end() {
		return position;
	}

	private void parseElements() throws MalformedRecordException {
		if (text.startsWith("-")) {
			position = 1;
		} else if (!text.startsWith("[")) {
			throw new MalformedRecordException(MALFORMED + "expected '-' or '[' after the message id");
		}
		while (position < text.length() && text.charAt(position) == '[') {
			position++;
			element();
		}
		if (position < text.length() && text.charAt(position) != ' ') {
			throw new MalformedRecordException(MALFORMED + "expected a space before the message, found '"
					+ text.charAt(position) + "'");
		}
	}

	private void element() throws MalformedRecordException {
		String id = name();
		if (id.isEmpty()) {
			throw new MalformedRecordException(MALFORMED + "an element has no id");
		}
		JsonNode existing = elements.get(id);
		ObjectNode parameters = existing instanceof ObjectNode object ? object : elements.putObject(id);
		while (true) {
			if (position >= text.length()) {
				throw new MalformedRecordException(MALFORMED + "element [" + id + " never closes");
			}
			char c = text.charAt(position++);
			if (c == ']') {
				return;
			}
			if (c != ' ') {
				throw new MalformedRecordException(MALFORMED + "unexpected '" + c + "' in element [" + id);
			}
			parameter(id, parameters);
		}
	}

	private void parameter(String id, ObjectNode parameters) throws MalformedRecordException {
		String name = name();
		if (name.isEmpty() || !consume('=') || !consume('"')) {
			throw new MalformedRecordException(MALFORMED + "expected name=\"value\" or ']' in element [" + id);
		}
		String value = value(id, name);
		JsonNode previous = parameters.get(name);
		if (previous == null) {
			parameters.put(name, value);
		} else if (previous instanceof ArrayNode values) {
			values.add(value);
		} else {
			parameters.putArray(name).add(previous).add(value);
		}
	}

	private String value(String id, String name) throws MalformedRecordException {
		StringBuilder value = new StringBuilder();
		while (position < text.length()) {
			char c = text.charAt(position++);
			if (c == '"') {
				return value.toString();
			}
			// RFC 5424 escapes only '"', '\' and ']'; a backslash before anything else is kept.
			if (c == '\\' && position < text.length() && "\"\\]".indexOf(text.charAt(position)) >= 0) {
				c = text.charAt(position++);
			}
			value.append(c);
		}
		throw new MalformedRecordException(MALFORMED + "the value of " + name + " in [" + id + " never closes");
	}

	private String name() {
		int start = position;
		while (position < text.length() && " ]=\"".indexOf(text.charAt(position)) < 0) {
			position++;
		}
		return text.substring(start, position);
	}

	private boolean consume(char expected) {
		if (position < text.length() && text.charAt(position) == expected) {
			position++;
			return true;
		}
		return false;
	}
}
