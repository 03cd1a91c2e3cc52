package io.vigil.events.internal.read;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.ReadRecord;

/**
 * The common part of the readers of JSON lines in a producer's own shape (Zeek, Suricata): one
 * JSON object a line, each turned into a MozDef event by the subclass. A line that is not a
 * JSON object is rejected with the parser's reason.
 */
abstract class JsonLinesReader implements EventReader {

	/** Text after the object would otherwise be dropped without a word. */
	private static final ObjectReader JSON = JsonSupport.MAPPER.reader()
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final EventInput input;
	private TextLines lines;

	/** Creates a reader of an input. */
	JsonLinesReader(EventInput input) {
		this.input = input;
	}

	@Override
	public final ReadRecord next() throws IOException {
		if (lines == null) {
			lines = new TextLines(input);
		}
		TextLines.Line line = lines.next();
		if (line == null) {
			return null;
		}
		if (line.truncated()) {
			return line.tooLong();
		}
		try {
			JsonNode node = JSON.readTree(line.text());
			if (node == null || !node.isObject()) {
				return line.rejected("not a JSON object");
			}
			return ReadRecord.event(line.number(), line.text(), toEvent((ObjectNode) node));
		} catch (JsonProcessingException e) {
			return line.rejected(notJson(line.text(), e));
		} catch (MalformedRecordException e) {
			return line.rejected(e.getMessage());
		}
	}

	/**
	 * Turns one record into an event.
	 *
	 * @param record the parsed line; the subclass may reuse its nodes
	 * @throws MalformedRecordException if the record cannot be an event, such as without a time
	 */
	abstract ObjectNode toEvent(ObjectNode record) throws MalformedRecordException;

	/** Says why a line is not JSON; subclasses may recognise what it is instead. */
	String notJson(String line, JsonProcessingException e) {
		return JsonSupport.describe(e);
	}

	@Override
	public final void close() throws IOException {
		input.close();
	}
}
