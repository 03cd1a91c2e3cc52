package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.ReadRecord;

class MozDefJsonReaderTest {

	@Test
	void readsJsonLinesAndRejectsOnlyTheBrokenOne() throws IOException {
		List<ReadRecord> records = read("""
				{"summary": "one", "category": "a"}
				{"summary": "two", "category":
				{"summary": "three"}

				[1, 2]
				{"summary": "four"}
				""");

		assertEquals(5, records.size());
		assertEquals("one", records.get(0).event().get("summary").asText());
		assertEquals(2, records.get(1).line());
		assertTrue(records.get(1).rejection().contains("never closes before line 3"), records.get(1).rejection());
		assertEquals("three", records.get(2).event().get("summary").asText());
		assertEquals(3, records.get(2).line());
		assertEquals(5, records.get(3).line());
		assertEquals("not a JSON object", records.get(3).rejection());
		assertEquals("four", records.get(4).event().get("summary").asText());
		assertEquals(6, records.get(4).line());
	}

	@Test
	void readsPrettyPrintedObjectsOneAfterAnother() throws IOException {
		List<ReadRecord> records = read("""
				{
				  "summary": "one {braces} in a string",
				  "details": {"list": [{"a": 1}, {"b": 2}]}
				}
				{
				  "summary": "two"
				}
				""");

		assertEquals(2, records.size());
		assertEquals("one {braces} in a string", records.get(0).event().get("summary").asText());
		assertEquals(2, records.get(0).event().at("/details/list/1/b").asInt());
		assertEquals(5, records.get(1).line());
	}

	@Test
	void readsAnArrayOfEvents() throws IOException {
		List<ReadRecord> records = read("""
				[
				  {"summary": "one"},
				  "not an object",
				  {"summary": "three"}
				]
				""");

		assertEquals(3, records.size());
		assertEquals("one", records.get(0).event().get("summary").asText());
		assertEquals("an array element is not a JSON object", records.get(1).rejection());
		assertEquals(4, records.get(2).line());
	}

	@Test
	void aSyntaxErrorInAnArrayRejectsTheRestWithItsPosition() throws IOException {
		List<ReadRecord> records = read("[{\"summary\": \"one\"},\n {\"summary\" \"two\"}]");

		assertEquals(2, records.size());
		assertEquals(2, records.get(1).line());
		assertTrue(records.get(1).rejection().startsWith("malformed JSON at column"), records.get(1).rejection());
	}

	@Test
	void anObjectCutOffAtTheEndIsRejected() throws IOException {
		List<ReadRecord> records = read("{\"summary\": \"one\"}\n{\"summary\":\n\"two\"");

		assertEquals(2, records.size());
		assertEquals("JSON object starting on line 2 is cut off at the end of the input", records.get(1).rejection());
	}

	static List<ReadRecord> read(String text) throws IOException {
		EventInput input = EventInput.of("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		List<ReadRecord> records = new ArrayList<>();
		try (MozDefJsonReader reader = new MozDefJsonReader(input)) {
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record.resolve());
			}
			assertNull(reader.next());
		}
		return records;
	}
}
