package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.read.Format;
import io.vigil.events.read.LineInput;
import io.vigil.events.read.ReadRecord;

class CsvReaderTest {

	@Test
	void readsMozDefColumnsIntoTheirFields() throws IOException {
		List<ReadRecord> records = read("""
				utctimestamp,category,severity,hostname,processname,processid,source,summary,tags
				2026-12-03T20:48:20.123456+00:00,authentication,warn,web1,sshd,812,auth.log,Failed login,"ssh, brute; x"
				""");

		ReadRecord record = records.get(0);
		assertEquals(2, record.line());
		assertEquals("2026-12-03T20:48:20.123456+00:00,authentication,warn,web1,sshd,812,auth.log,Failed login,"
				+ "\"ssh, brute; x\"", record.raw());
		JsonNode event = record.event();
		assertEquals("2026-12-03T20:48:20.123456+00:00", event.get("utctimestamp").asText());
		assertEquals("2026-12-03T20:48:20.123456+00:00", event.get("timestamp").asText());
		assertEquals("authentication", event.get("category").asText());
		assertEquals("WARNING", event.get("severity").asText());
		assertEquals("web1", event.get("hostname").asText());
		assertEquals("sshd", event.get("processname").asText());
		assertTrue(event.get("processid").isNumber());
		assertEquals(812, event.get("processid").asInt());
		assertEquals("auth.log", event.get("source").asText());
		assertEquals("Failed login", event.get("summary").asText());
		assertEquals("[\"ssh\",\"brute\",\"x\"]", event.get("tags").toString());
		assertNull(event.get("details"));
	}

	@Test
	void otherColumnsAreTypedDetails() throws IOException {
		JsonNode event = readOne("""
				Time,Host,Message,PID,Source IP,dst_port,User,Bytes Out,Ratio,Blocked,Mode,Note,details.Rule Name
				1796330900,db2,backup done,abc,10.0.0.1,443,alice,1024,0.25,TRUE,0755,,R-7
				""").event();

		assertEquals("2026-12-03T20:48:20.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("db2", event.get("hostname").asText());
		assertEquals("backup done", event.get("summary").asText());
		assertEquals("abc", event.get("processid").asText());
		assertEquals("csv", event.get("source").asText());
		assertNull(event.get("category"), "the normalizer fills the category");
		assertNull(event.get("severity"));
		JsonNode details = event.get("details");
		assertEquals("10.0.0.1", details.get("sourceipaddress").asText());
		assertTrue(details.get("destinationport").isNumber());
		assertEquals(443, details.get("destinationport").asInt());
		assertEquals("alice", details.get("username").asText());
		assertTrue(details.get("bytes_out").isIntegralNumber());
		assertEquals(1024, details.get("bytes_out").asInt());
		assertEquals(0.25, details.get("ratio").asDouble());
		assertTrue(details.get("blocked").isBoolean());
		assertTrue(details.get("blocked").asBoolean());
		assertEquals("0755", details.get("mode").asText());
		assertFalse(details.has("note"), "empty values are left out");
		assertEquals("R-7", details.get("rule_name").asText());
	}

	@Test
	void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
		List<ReadRecord> records = read("""
				time,summary,detail
				2026-12-03T20:48:20Z,"one, with ""quotes""\", "spaced"
				2026-12-03T20:48:21Z,"two lines
				and a half",x
				2026-12-03T20:48:22Z,three,y
				""");

		assertEquals(3, records.size());
		assertEquals("one, with \"quotes\"", records.get(0).event().get("summary").asText());
		assertEquals("spaced", records.get(0).event().at("/details/detail").asText());
		ReadRecord twoLines = records.get(1);
		assertEquals(3, twoLines.line());
		assertEquals("2026-12-03T20:48:21Z,\"two lines\nand a half\",x", twoLines.raw());
		assertEquals("two lines\nand a half", twoLines.event().get("summary").asText());
		assertEquals(5, records.get(2).line());
	}

	@ParameterizedTest(name = "separator {0}")
	@ValueSource(strings = { ";", "\t" })
	void theSeparatorIsFoundInTheHeader(String separator) throws IOException {
		String text = String.join(separator, "time", "host", "summary", "\"notes, free\"") + "\n"
				+ String.join(separator, "2026-12-03T20:48:20Z", "web1", "a, b", "c") + "\n";

		List<ReadRecord> records = read(text);

		assertEquals(1, records.size());
		assertEquals("a, b", records.get(0).event().get("summary").asText());
		assertEquals("web1", records.get(0).event().get("hostname").asText());
		assertEquals("c", records.get(0).event().at("/details/notes,_free").asText());
	}

	@Test
	void badRowsAreRejectedWithTheirReasonAndTheRestIsRead() throws IOException {
		List<ReadRecord> records = read("""
				time,host,summary,count
				2026-12-03T20:48:20Z,web1,too,many,fields
				yesterday,web1,bad time,1

				,web1,no time,1
				2026-12-03T20:48:23Z,web1,good,2
				2026-12-03T20:48:24Z,web1,"never closed,3
				""");

		assertEquals(5, records.size());
		assertEquals("row has 5 fields, the header has 4", records.get(0).rejection());
		assertEquals(2, records.get(0).line());
		assertEquals("no time: column 'time' has 'yesterday', which is neither ISO 8601 nor epoch time",
				records.get(1).rejection());
		assertEquals("no time: column 'time' is empty", records.get(2).rejection());
		assertEquals(5, records.get(2).line());
		assertEquals("good", records.get(3).event().get("summary").asText());
		assertEquals(2, records.get(3).event().at("/details/count").asInt());
		assertEquals("a quoted field of the record starting on line 7 never closes", records.get(4).rejection());
	}

	@Test
	void withoutATimeColumnEveryRowIsRejected() throws IOException {
		List<ReadRecord> records = read("""
				host,summary
				web1,one
				web2,two
				""");

		assertEquals(2, records.size());
		for (ReadRecord record : records) {
			assertEquals("the header has no time column (one of utctimestamp, @timestamp, timestamp, datetime,"
					+ " time, date)", record.rejection());
		}
		assertEquals(3, records.get(1).line());
	}

	@Test
	void anUnknownSeverityIsKeptAsADetail() throws IOException {
		JsonNode event = readOne("time,severity\n2026-12-03T20:48:20Z,Sev-9\n").event();

		assertNull(event.get("severity"));
		assertEquals("Sev-9", event.at("/details/severity").asText());
	}

	@Test
	void timesWithoutZoneAreReadInTheOptionsZone() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.CSV, """
				date,time,summary
				2026-12-03,20:48:20,clock only
				2026-12-03,2026-12-03 21:48:20,whole time
				""", ReaderTesting.options(ZoneId.of("Europe/Berlin"), "events.csv"));

		assertEquals("2026-12-03T19:48:20.000000+00:00", records.get(0).event().get("utctimestamp").asText());
		assertEquals("20:48:20", records.get(0).event().get("timestamp").asText());
		assertNull(records.get(0).event().at("/details").get("date"));
		assertEquals("2026-12-03T20:48:20.000000+00:00", records.get(1).event().get("utctimestamp").asText());
	}

	@Test
	void theTimeColumnIsChosenByPreference() throws IOException {
		JsonNode event = readOne("""
				time,@timestamp,summary
				2020-01-01T00:00:00Z,2026-12-03T20:48:20Z,x
				""").event();

		assertEquals("2026-12-03T20:48:20.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("2020-01-01T00:00:00Z", event.at("/details/time").asText());
	}

	@Test
	void aRepeatedColumnNameGoesToTheDetails() throws IOException {
		JsonNode event = readOne("""
				time,host,hostname,x,X
				2026-12-03T20:48:20Z,web1,web1.example.com,1,2
				""").event();

		assertEquals("web1", event.get("hostname").asText());
		assertEquals("web1.example.com", event.at("/details/hostname").asText());
		assertEquals(1, event.at("/details/x").asInt());
		assertEquals(2, event.at("/details/x_5").asInt());
	}

	@Test
	void blankLinesAByteOrderMarkAndCrLfAreFine() throws IOException {
		List<ReadRecord> records = read("\uFEFF\r\ntime,summary\r\n\r\n2026-12-03T20:48:20Z,one\r\n");

		assertEquals(1, records.size());
		assertEquals(4, records.get(0).line());
		assertEquals("one", records.get(0).event().get("summary").asText());
	}

	@Test
	void aLineOverTheLimitIsRejected() throws IOException {
		String longRow = "2026-12-03T20:48:20Z," + "x".repeat(LineInput.MAX_LINE);

		List<ReadRecord> records = read("time,summary\n" + longRow + "\n2026-12-03T20:48:21Z,next\n");

		assertEquals(2, records.size());
		assertEquals("line 2 is longer than " + LineInput.MAX_LINE + " characters", records.get(0).rejection());
		assertEquals(200, records.get(0).raw().length());
		assertEquals("next", records.get(1).event().get("summary").asText());
	}

	@Test
	void anEmptyInputOrAHeaderAloneHasNoRecords() throws IOException {
		assertEquals(List.of(), read(""));
		assertEquals(List.of(), read("time,summary\n"));
	}

	private static ReadRecord readOne(String text) throws IOException {
		return ReaderTesting.readOne(Format.CSV, text, ReaderTesting.OPTIONS);
	}

	private static List<ReadRecord> read(String text) throws IOException {
		return ReaderTesting.read(Format.CSV, text);
	}
}
