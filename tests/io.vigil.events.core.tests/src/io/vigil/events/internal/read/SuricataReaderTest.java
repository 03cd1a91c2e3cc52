package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;

class SuricataReaderTest {

	private static final String ALERT = "{\"timestamp\": \"2026-12-03T20:48:20.123456+0000\", \"flow_id\": 1234567890, "
			+ "\"in_iface\": \"eth0\", \"event_type\": \"alert\", \"src_ip\": \"192.0.2.7\", \"src_port\": 40022, "
			+ "\"dest_ip\": \"10.0.0.2\", \"dest_port\": 22, \"proto\": \"TCP\", \"host\": \"sensor1\", "
			+ "\"alert\": {\"action\": \"allowed\", \"gid\": 1, \"signature_id\": 9000001, \"rev\": 2, "
			+ "\"signature\": \"VIGIL TEST ssh scan\", \"category\": \"Attempted Information Leak\", \"severity\": 2}}";

	@Test
	void readsAnAlert() throws IOException {
		ReadRecord record = readOne(ALERT);

		assertEquals(ALERT, record.raw());
		JsonNode event = record.event();
		assertEquals("2026-12-03T20:48:20.123456+00:00", event.get("utctimestamp").asText());
		assertEquals("2026-12-03T20:48:20.123456+0000", event.get("timestamp").asText());
		assertEquals("suricata", event.get("category").asText());
		assertEquals("alert", event.get("source").asText());
		assertEquals("sensor1", event.get("hostname").asText());
		assertEquals("WARNING", event.get("severity").asText());
		assertEquals("Suricata alert: VIGIL TEST ssh scan 192.0.2.7:40022 -> 10.0.0.2:22",
				event.get("summary").asText());
		assertEquals("[\"suricata-alert\"]", event.get("tags").toString());
	}

	@Test
	void anAlertKeepsAllFieldsAndGetsTheStandardDetails() throws IOException {
		JsonNode details = readOne(ALERT).event().get("details");

		assertEquals(1234567890L, details.get("flow_id").asLong());
		assertEquals("eth0", details.get("in_iface").asText());
		assertEquals("allowed", details.at("/alert/action").asText());
		assertEquals("VIGIL TEST ssh scan", details.get("signature").asText());
		assertTrue(details.get("signatureid").isNumber());
		assertEquals(9000001, details.get("signatureid").asInt());
		assertEquals("Attempted Information Leak", details.get("alertcategory").asText());
		assertEquals("192.0.2.7", details.get("sourceipaddress").asText());
		assertEquals(40022, details.get("sourceport").asInt());
		assertEquals("10.0.0.2", details.get("destinationipaddress").asText());
		assertEquals(22, details.get("destinationport").asInt());
		assertEquals("TCP", details.get("protocol").asText());
	}

	@ParameterizedTest(name = "alert severity {0} is {1}")
	@CsvSource(textBlock = """
			1, CRITICAL
			2, WARNING
			3, NOTICE
			4, WARNING
			""")
	void anAlertsSeverityComesFromItsOwn(int severity, String expected) throws IOException {
		String line = ALERT.replace("\"severity\": 2", "\"severity\": " + severity);

		assertEquals(expected, readOne(line).event().get("severity").asText());
	}

	static Stream<Arguments> otherEventTypes() {
		return Stream.of(
				arguments("dns", "INFO", "\"dns\": {\"type\": \"query\", \"rrname\": \"example.com\", "
						+ "\"rrtype\": \"A\"}",
						"10.0.0.1 -> 10.0.0.53 dns query example.com A"),
				arguments("dns", "INFO", "\"dns\": {\"queries\": [{\"rrname\": \"example.org\", "
						+ "\"rrtype\": \"AAAA\"}]}",
						"10.0.0.1 -> 10.0.0.53 dns query example.org AAAA"),
				arguments("http", "INFO", "\"http\": {\"hostname\": \"www.example.com\", \"url\": \"/a\", "
						+ "\"http_method\": \"GET\", \"status\": 200}",
						"10.0.0.1 -> 10.0.0.53 http GET www.example.com/a 200"),
				arguments("tls", "INFO", "\"tls\": {\"sni\": \"www.example.com\", \"version\": \"TLS 1.3\"}",
						"10.0.0.1:5353 -> 10.0.0.53:53 tls www.example.com TLS 1.3"),
				arguments("flow", "INFO", "\"app_proto\": \"dns\", \"flow\": {\"state\": \"established\"}",
						"10.0.0.1:5353 -> 10.0.0.53:53 UDP dns established"),
				arguments("fileinfo", "INFO", "\"fileinfo\": {\"filename\": \"/setup.exe\", \"size\": 1024}",
						"10.0.0.1 -> 10.0.0.53 fileinfo /setup.exe"),
				arguments("anomaly", "WARNING", "\"anomaly\": {\"type\": \"decode\", \"event\": \"ipv4.trunc_pkt\"}",
						"10.0.0.1:5353 -> 10.0.0.53:53 anomaly decode ipv4.trunc_pkt"),
				arguments("smb", "INFO", "\"smb\": {\"command\": \"SMB2_COMMAND_READ\"}",
						"smb 10.0.0.1:5353 -> 10.0.0.53:53 UDP"));
	}

	@ParameterizedTest(name = "{0}: {3}")
	@MethodSource("otherEventTypes")
	void otherEventTypesHaveTheirOwnSummaries(String type, String severity, String fields, String summary)
			throws IOException {
		String line = "{\"timestamp\": \"2026-12-03T20:48:20.000001+0000\", \"event_type\": \"" + type
				+ "\", \"src_ip\": \"10.0.0.1\", \"src_port\": 5353, \"dest_ip\": \"10.0.0.53\", \"dest_port\": 53, "
				+ "\"proto\": \"UDP\", " + fields + "}";

		JsonNode event = readOne(line).event();

		assertEquals(type, event.get("source").asText());
		assertEquals(severity, event.get("severity").asText());
		assertEquals(summary, event.get("summary").asText());
		assertNull(event.get("tags"));
	}

	@Test
	void statsHaveNoEndpoints() throws IOException {
		JsonNode event = readOne("{\"timestamp\": \"2026-12-03T20:48:20.000000+0000\", \"event_type\": \"stats\", "
				+ "\"stats\": {\"uptime\": 3600, \"capture\": {\"kernel_packets\": 10}}}").event();

		assertEquals("Suricata stats, uptime 3600 s", event.get("summary").asText());
		assertEquals(10, event.at("/details/stats/capture/kernel_packets").asInt());
		assertNull(event.at("/details").get("sourceipaddress"));
	}

	@Test
	void badLinesAreRejectedWithTheirReason() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.SURICATA, """
				{"timestamp": "2026-12-03T20:48:20.000000+0000", "event_type": "flow",
				"just a string"
				{"event_type": "flow", "flow_id": 1}
				{"timestamp": "soon", "event_type": "flow"}
				{"timestamp": "2026-12-03T20:48:21.000000+0000", "event_type": "flow"}
				""");

		assertEquals(5, records.size());
		assertTrue(records.get(0).rejection().startsWith("malformed JSON"), records.get(0).rejection());
		assertEquals("not a JSON object", records.get(1).rejection());
		assertEquals("no timestamp field: expected ISO 8601 such as 2026-12-03T20:48:20.123456+0000",
				records.get(2).rejection());
		assertEquals("timestamp is not a time: 'soon'", records.get(3).rejection());
		assertEquals(5, records.get(4).line());
		assertEquals("flow", records.get(4).event().get("source").asText());
	}

	private static ReadRecord readOne(String line) throws IOException {
		return ReaderTesting.readOne(Format.SURICATA, line, ReaderTesting.OPTIONS);
	}
}
