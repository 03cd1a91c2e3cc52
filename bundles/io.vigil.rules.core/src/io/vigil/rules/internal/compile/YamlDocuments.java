package io.vigil.rules.internal.compile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the documents of a YAML text into JSON trees and remembers the line of every node and
 * key, so that problems can name where they are.
 */
final class YamlDocuments {

	private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** One document and the lines of its parts. */
	record Document(JsonNode root, int line, Lines lines) {
	}

	/** Where the nodes and keys of a document are. */
	static final class Lines {

		private final Map<JsonNode, Integer> nodes = new IdentityHashMap<>();
		private final Map<JsonNode, Map<String, Integer>> keys = new IdentityHashMap<>();
		private final int fallback;

		Lines(int fallback) {
			this.fallback = fallback;
		}

		/** Returns the line a node starts on, or the document's line. */
		int of(JsonNode node) {
			return nodes.getOrDefault(node, fallback);
		}

		/** Returns the line of a key in an object, or the object's line. */
		int of(JsonNode object, String key) {
			Map<String, Integer> lines = keys.get(object);
			Integer line = lines == null ? null : lines.get(key);
			return line != null ? line : of(object);
		}
	}

	/** A YAML text that is not well formed, with the line of the fault. */
	static final class SyntaxException extends Exception {

		private static final long serialVersionUID = 1L;
		private final int line;

		SyntaxException(int line, String message) {
			super(message);
			this.line = line;
		}

		int line() {
			return line;
		}
	}

	private YamlDocuments() {
	}

	/** Reads every document of a text; empty documents are left out. */
	static List<Document> read(String text) throws SyntaxException {
		List<Document> documents = new ArrayList<>();
		try (JsonParser parser = FACTORY.createParser(text)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				int line = parser.currentTokenLocation().getLineNr();
				Lines lines = new Lines(line);
				JsonNode root = value(parser, token, lines);
				// A trailing '---' makes an empty document, which Jackson reads as null or "".
				if (!root.isNull() && !(root.isTextual() && root.asText().isEmpty())) {
					documents.add(new Document(root, line, lines));
				}
			}
		} catch (JsonProcessingException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw new SyntaxException(line, "not well-formed YAML: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new SyntaxException(0, "cannot read the YAML: " + e.getMessage());
		}
		return documents;
	}

	private static JsonNode value(JsonParser parser, JsonToken token, Lines lines) throws IOException {
		int line = parser.currentTokenLocation().getLineNr();
		JsonNode node = switch (token) {
			case START_OBJECT -> object(parser, lines);
			case START_ARRAY -> array(parser, lines);
			case VALUE_STRING -> NODES.textNode(parser.getText());
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
			case VALUE_TRUE -> NODES.booleanNode(true);
			case VALUE_FALSE -> NODES.booleanNode(false);
			case VALUE_NULL -> NODES.nullNode();
			default -> NODES.textNode(parser.getText());
		};
		lines.nodes.put(node, line);
		return node;
	}

	private static ObjectNode object(JsonParser parser, Lines lines) throws IOException {
		ObjectNode object = NODES.objectNode();
		Map<String, Integer> keyLines = new HashMap<>();
		lines.keys.put(object, keyLines);
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
			String key = parser.currentName();
			keyLines.put(key, parser.currentTokenLocation().getLineNr());
			object.set(key, value(parser, parser.nextToken(), lines));
		}
		if (token != JsonToken.END_OBJECT) {
			throw new IOException("unexpected " + token + " in a mapping");
		}
		return object;
	}

	private static ArrayNode array(JsonParser parser, Lines lines) throws IOException {
		ArrayNode array = NODES.arrayNode();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
			array.add(value(parser, token, lines));
		}
		return array;
	}
}
