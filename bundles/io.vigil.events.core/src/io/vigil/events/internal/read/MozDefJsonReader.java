package io.vigil.events.internal.read;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.LineInput;
import io.vigil.events.read.ReadRecord;

/**
 * MozDef JSON events: JSON lines, pretty-printed objects one after another, or one array of
 * objects. In line mode a broken object costs only its own lines: an object that never closes
 * ends where the next top-level object visibly starts.
 */
public final class MozDefJsonReader implements EventReader {

	/** A multi-line object longer than this is rejected rather than buffered further. */
	private static final int MAX_OBJECT_CHARS = 4 << 20;

	private final EventInput input;
	private LineInput lines;
	private JsonParser array;
	private String pending;
	private boolean started;

	/** Creates a reader of an input. */
	public MozDefJsonReader(EventInput input) {
		this.input = input;
	}

	@Override
	public ReadRecord next() throws IOException {
		if (!started) {
			started = true;
			String head = input.peek(4096).stripLeading();
			if (head.startsWith("\uFEFF")) {
				head = head.substring(1).stripLeading();
			}
			if (head.startsWith("[")) {
				array = JsonSupport.MAPPER.createParser(input.reader());
				array.nextToken();
			} else {
				lines = new LineInput(input.reader());
			}
		}
		return array != null ? nextInArray() : nextInLines();
	}

	private ReadRecord nextInArray() throws IOException {
		if (array.isClosed()) {
			return null;
		}
		long line = 0;
		try {
			JsonToken token = array.nextToken();
			line = array.currentLocation().getLineNr();
			if (token == null || token == JsonToken.END_ARRAY) {
				array.close();
				return null;
			}
			JsonNode element = JsonSupport.MAPPER.readTree(array);
			String raw = JsonSupport.MAPPER.writeValueAsString(element);
			if (!element.isObject()) {
				return ReadRecord.rejected(line, raw, "an array element is not a JSON object");
			}
			return ReadRecord.event(line, raw, (ObjectNode) element);
		} catch (JsonProcessingException e) {
			array.close();
			long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
			return ReadRecord.rejected(at, "",
					JsonSupport.describe(e) + "; the rest of the array cannot be read");
		}
	}

	private ReadRecord nextInLines() throws IOException {
		String line = pending != null ? pending : lines.next();
		pending = null;
		while (line != null && (line.isBlank() || line.equals("\uFEFF"))) {
			line = lines.next();
		}
		if (line == null) {
			return null;
		}
		long start = lines.lineNumber();
		if (lines.wasTruncated()) {
			return ReadRecord.rejected(start, line.substring(0, 200), "line longer than " + LineInput.MAX_LINE
					+ " characters");
		}
		String text = line.strip();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		// Most inputs are JSON lines: a line that closes like an object is parsed as one, and
		// only one that does not is scanned for an object spanning lines.
		if (text.startsWith("{") && !text.endsWith("}") && Braces.depthAfter(text) > 0) {
			return multiLine(text, start);
		}
		if (text.startsWith("{") && Braces.depthAfter(text) > 0) {
			// Closes like an object but opens more than it closes: it may start a multi-line one.
			ReadRecord record = parse(text, start);
			return record.isRejected() ? multiLine(text, start) : record;
		}
		// A whole line: parsing waits for whoever resolves it, which during ingest is a worker.
		return ReadRecord.deferred(start, text, (at, raw) -> parse(raw, at));
	}

	private ReadRecord multiLine(String first, long start) throws IOException {
		StringBuilder object = new StringBuilder(first);
		Braces braces = new Braces();
		braces.scan(first);
		String line;
		while ((line = lines.next()) != null) {
			String stripped = line.strip();
			if (braces.depth() == 1 && !braces.inString() && stripped.startsWith("{")) {
				// Directly inside an object a member must start with a key: a new object begins here.
				pending = line;
				return ReadRecord.rejected(start, object.toString(), "JSON object starting on line " + start
						+ " never closes before line " + lines.lineNumber());
			}
			object.append('\n').append(line);
			braces.scan(line);
			if (braces.depth() <= 0 && !braces.inString()) {
				return parse(object.toString(), start);
			}
			if (object.length() > MAX_OBJECT_CHARS) {
				return ReadRecord.rejected(start, object.substring(0, 200),
						"JSON object starting on line " + start + " is longer than " + MAX_OBJECT_CHARS + " characters");
			}
		}
		return ReadRecord.rejected(start, object.toString(), "JSON object starting on line " + start
				+ " is cut off at the end of the input");
	}

	private static ReadRecord parse(String text, long line) {
		try {
			JsonNode node = JsonSupport.MAPPER.readTree(text);
			if (node == null || !node.isObject()) {
				return ReadRecord.rejected(line, text, "not a JSON object");
			}
			return ReadRecord.event(line, text, (ObjectNode) node);
		} catch (JsonProcessingException e) {
			return ReadRecord.rejected(line, text, JsonSupport.describe(e));
		}
	}

	@Override
	public void close() throws IOException {
		if (array != null) {
			array.close();
		}
		input.close();
	}

	/** Counts brace depth across lines, outside JSON strings. */
	static final class Braces {

		private int depth;
		private boolean inString;
		private boolean escaped;

		static int depthAfter(String text) {
			Braces braces = new Braces();
			braces.scan(text);
			return braces.depth;
		}

		void scan(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (inString) {
					if (escaped) {
						escaped = false;
					} else if (c == '\\') {
						escaped = true;
					} else if (c == '"') {
						inString = false;
					}
				} else if (c == '"') {
					inString = true;
				} else if (c == '{' || c == '[') {
					depth++;
				} else if (c == '}' || c == ']') {
					depth--;
				}
			}
		}

		int depth() {
			return depth;
		}

		boolean inString() {
			return inString;
		}
	}
}
