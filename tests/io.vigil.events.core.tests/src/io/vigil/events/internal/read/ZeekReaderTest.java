package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

class ZeekReaderTest {

	private static final String CONN = "{\"_path\": \"conn\", \"ts\": 1796330900.123456, \"uid\": \"CaB3xk2q1Wd9\", "
			+ "\"id.orig_h\": \"10.0.0.1\", \"id.orig_p\": 51234, \"id.resp_h\": \"10.0.0.2\", \"id.resp_p\": 443, "
			+ "\"proto\": \"tcp\", \"service\": \"ssl\", \"duration\": 1.5, \"conn_state\": \"SF\", "
			+ "\"tunnel_parents\": []}";

	@Test
	void readsAConnRecord() throws IOException {
		ReadRecord record = readOne(CONN, "");

		assertEquals(CONN, record.raw());
		JsonNode event = record.event();
		assertEquals("2026-12-03T20:48:20.123456+00:00", event.get("utctimestamp").asText());
		assertEquals("1796330900.123456", event.get("timestamp").asText());
		assertEquals("zeek", event.get("category").asText());
		assertEquals("conn", event.get("source").asText());
		assertEquals("INFO", event.get("severity").asText());
		assertEquals("10.0.0.1:51234 -> 10.0.0.2:443 tcp ssl SF", event.get("summary").asText());
		assertNull(event.get("hostname"));
	}

	@Test
	void aRecordsFieldsAreDetailsWithUnderscoresForDots() throws IOException {
		JsonNode details = readOne(CONN, "").event().get("details");

		assertEquals("CaB3xk2q1Wd9", details.get("uid").asText());
		assertEquals("10.0.0.1", details.get("id_orig_h").asText());
		assertEquals(443, details.get("id_resp_p").asInt());
		assertEquals(1.5, details.get("duration").asDouble());
		assertTrue(details.get("tunnel_parents").isArray());
		assertFalse(details.has("id.orig_h"));
		assertEquals("10.0.0.1", details.get("sourceipaddress").asText());
		assertTrue(details.get("sourceport").isNumber());
		assertEquals(51234, details.get("sourceport").asInt());
		assertEquals("10.0.0.2", details.get("destinationipaddress").asText());
		assertEquals(443, details.get("destinationport").asInt());
		assertEquals("tcp", details.get("protocol").asText());
	}

	@Test
	void theFileNameGivesTheLogTypeWhenTheRecordDoesNot() throws IOException {
		JsonNode event = readOne("{\"ts\": 1796330900.5, \"uid\": \"C1\", \"id.orig_h\": \"10.0.0.1\", "
				+ "\"id.orig_p\": 5353, \"id.resp_h\": \"10.0.0.53\", \"id.resp_p\": 53, \"proto\": \"udp\", "
				+ "\"query\": \"example.com\", \"qtype_name\": \"A\", \"rcode_name\": \"NOERROR\"}",
				"dns.2026-12-03-20-00-00.log.gz").event();

		assertEquals("dns", event.get("source").asText());
		assertEquals("10.0.0.1 -> 10.0.0.53 dns query example.com A NOERROR", event.get("summary").asText());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			conn.log, conn
			conn.2026-12-03-20-00-00.log.gz, conn
			HTTP.LOG, http
			x509.log, x509
			capture.json, ''
			zeek, ''
			""")
	void readsLogTypesFromFileNames(String fileName, String logType) {
		assertEquals(logType.isEmpty() ? null : logType, ZeekReader.logTypeOfFile(fileName));
	}

	@Test
	void theFieldsGiveTheLogTypeAsALastResort() throws IOException {
		List<ReadRecord> records = read("""
				{"ts": 1796330900, "uid": "C2", "id.orig_h": "10.0.0.1", "id.resp_h": "10.0.0.2", "method": "GET", \
				"host": "www.example.com", "uri": "/index.html", "status_code": 200}
				{"ts": 1796330900, "uid": "C3", "id.orig_h": "10.0.0.1", "id.orig_p": 40000, "id.resp_h": "10.0.0.2", \
				"id.resp_p": 443, "server_name": "www.example.com", "version": "TLSv13"}
				{"ts": 1796330900, "uid": "C4", "id.orig_h": "10.0.0.1", "id.orig_p": 1, "id.resp_h": "10.0.0.2", \
				"id.resp_p": 2}
				""", "capture.json");

		assertEquals("http", records.get(0).event().get("source").asText());
		assertEquals("10.0.0.1 -> www.example.com GET /index.html 200", records.get(0).event().get("summary").asText());
		assertEquals("ssl", records.get(1).event().get("source").asText());
		assertEquals("10.0.0.1:40000 -> 10.0.0.2:443 ssl www.example.com TLSv13",
				records.get(1).event().get("summary").asText());
		assertEquals("zeek", records.get(2).event().get("source").asText());
		assertEquals("zeek 10.0.0.1:1 -> 10.0.0.2:2", records.get(2).event().get("summary").asText());
	}

	@Test
	void noticesAndWeirdsAreMoreSevere() throws IOException {
		List<ReadRecord> records = read("""
				{"_path": "notice", "ts": 1796330900.0, "note": "Scan::Port_Scan", \
				"msg": "10.0.0.9 scanned at least 15 unique ports", "src": "10.0.0.9", "dst": "10.0.0.2", "p": 22}
				{"_path": "weird", "ts": 1796330900.0, "uid": "C5", "id.orig_h": "10.0.0.1", "id.orig_p": 1, \
				"id.resp_h": "10.0.0.2", "id.resp_p": 2, "name": "bad_TCP_checksum", "notice": false}
				""", "");

		JsonNode notice = records.get(0).event();
		assertEquals("NOTICE", notice.get("severity").asText());
		assertEquals("Scan::Port_Scan: 10.0.0.9 scanned at least 15 unique ports", notice.get("summary").asText());
		assertEquals("10.0.0.9", notice.at("/details/sourceipaddress").asText());
		assertEquals("10.0.0.2", notice.at("/details/destinationipaddress").asText());
		assertEquals(22, notice.at("/details/destinationport").asInt());
		JsonNode weird = records.get(1).event();
		assertEquals("WARNING", weird.get("severity").asText());
		assertEquals("weird bad_TCP_checksum 10.0.0.1:1 -> 10.0.0.2:2", weird.get("summary").asText());
	}

	@Test
	void sshLoginsSaySuccess() throws IOException {
		JsonNode event = readOne("{\"_path\": \"ssh\", \"ts\": 1796330900.0, \"uid\": \"C6\", "
				+ "\"id.orig_h\": \"192.0.2.7\", \"id.orig_p\": 40022, \"id.resp_h\": \"10.0.0.2\", \"id.resp_p\": 22, "
				+ "\"auth_success\": false, \"client\": \"SSH-2.0-libssh_0.9.6\"}", "").event();

		assertFalse(event.at("/details/success").asBoolean());
		assertEquals("192.0.2.7:40022 -> 10.0.0.2:22 ssh login failed SSH-2.0-libssh_0.9.6",
				event.get("summary").asText());
	}

	@Test
	void readsIsoTimes() throws IOException {
		ReaderOptions options = ReaderTesting.options(ZoneOffset.ofHours(2), "conn.log");

		List<ReadRecord> records = ReaderTesting.read(Format.ZEEK, """
				{"ts": "2026-12-03T20:48:20.5Z", "uid": "C7"}
				{"ts": "2026-12-03T20:48:20", "uid": "C8"}
				""", options);

		assertEquals("2026-12-03T20:48:20.500000+00:00", records.get(0).event().get("utctimestamp").asText());
		assertEquals("2026-12-03T20:48:20.5Z", records.get(0).event().get("timestamp").asText());
		assertEquals("2026-12-03T18:48:20.000000+00:00", records.get(1).event().get("utctimestamp").asText());
	}

	@Test
	void badLinesAreRejectedWithTheirReason() throws IOException {
		List<ReadRecord> records = read("""
				#separator \\x09
				{"ts": 1796330900, "uid": oops}
				[1, 2]
				{"uid": "C9"}
				{"ts": "yesterday", "uid": "C10"}
				{"ts": 1796330900, "uid": "C11"} {"ts": 1796330901}

				{"ts": 1796330900, "uid": "C12"}
				""", "conn.log");

		assertEquals(7, records.size());
		assertEquals("a Zeek TSV header or comment; Vigil reads Zeek logs written as JSON (LogAscii::use_json=T)",
				records.get(0).rejection());
		assertTrue(records.get(1).rejection().startsWith("malformed JSON at column 27"), records.get(1).rejection());
		assertEquals("not a JSON object", records.get(2).rejection());
		assertEquals("no ts field: expected the time as epoch seconds or ISO 8601", records.get(3).rejection());
		assertEquals("ts is not a time: \"yesterday\"", records.get(4).rejection());
		assertEquals(6, records.get(5).line());
		assertTrue(records.get(5).rejection().startsWith("malformed JSON"), records.get(5).rejection());
		assertEquals(8, records.get(6).line());
		assertEquals("C12", records.get(6).event().at("/details/uid").asText());
	}

	private static ReadRecord readOne(String line, String fileName) throws IOException {
		return ReaderTesting.readOne(Format.ZEEK, line, ReaderTesting.options(ZoneOffset.UTC, fileName));
	}

	private static List<ReadRecord> read(String text, String fileName) throws IOException {
		return ReaderTesting.read(Format.ZEEK, text, ReaderTesting.options(ZoneOffset.UTC, fileName));
	}
}
