package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.read.Format;
import io.vigil.events.read.LineInput;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

class SyslogReaderTest {

	@Test
	void readsRfc3164WithPriority() throws IOException {
		String line = "<38>Dec  3 20:48:20 web1 sshd[812]: Connection closed by 10.0.0.5 port 51234";

		ReadRecord record = readOne(line);

		JsonNode event = record.event();
		assertEquals(1, record.line());
		assertEquals(line, record.raw());
		assertEquals("2026-12-03T20:48:20.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("Dec  3 20:48:20", event.get("timestamp").asText());
		assertEquals("syslog", event.get("category").asText());
		assertEquals("INFO", event.get("severity").asText());
		assertEquals("web1", event.get("hostname").asText());
		assertEquals("sshd", event.get("processname").asText());
		assertTrue(event.get("processid").isNumber());
		assertEquals(812, event.get("processid").asInt());
		assertEquals("syslog", event.get("source").asText());
		assertEquals("Connection closed by 10.0.0.5 port 51234", event.get("summary").asText());
		assertEquals("auth", event.at("/details/facility").asText());
		assertTrue(event.at("/details/severityassumed").isMissingNode());
	}

	@Test
	void withoutPriorityTheSeverityIsAssumedAndSaysSo() throws IOException {
		JsonNode event = readOne("Dec 03 07:01:02 db2 cron[77]: (root) CMD (run-parts /etc/cron.hourly)").event();

		assertEquals("2026-12-03T07:01:02.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("INFO", event.get("severity").asText());
		assertTrue(event.at("/details/severityassumed").asBoolean());
		assertTrue(event.at("/details/facility").isMissingNode());
		assertEquals("cron", event.get("processname").asText());
	}

	@Test
	void thePriorityGivesFacilityAndSeverity() throws IOException {
		JsonNode event = readOne("<131>Dec  3 20:48:20 web1 app: disk failing").event();

		assertEquals("ERROR", event.get("severity").asText());
		assertEquals("local0", event.at("/details/facility").asText());
	}

	@ParameterizedTest(name = "{1} read near {0}")
	@CsvSource(delimiter = '|', textBlock = """
			2027-01-02T00:00:00Z | Dec 31 23:00:00 | 2026-12-31T23:00:00.000000+00:00
			2027-01-02T00:00:00Z | Jan  2 10:00:00 | 2027-01-02T10:00:00.000000+00:00
			2027-01-02T00:00:00Z | Jan  3 10:00:00 | 2026-01-03T10:00:00.000000+00:00
			2026-12-31T23:30:00Z | Jan  1 00:10:00 | 2027-01-01T00:10:00.000000+00:00
			2027-03-01T00:00:00Z | Feb 29 12:00:00 | 2024-02-29T12:00:00.000000+00:00
			""")
	void aDateWithoutYearIsPlacedAtMostADayAfterTheReference(String reference, String time, String expected)
			throws IOException {
		ReaderOptions options = new ReaderOptions(ZoneOffset.UTC, Instant.parse(reference), "");

		ReadRecord record = ReaderTesting.readOne(Format.SYSLOG, time + " host app: x", options);

		assertEquals(expected, record.event().get("utctimestamp").asText());
	}

	@Test
	void aDateWithoutZoneIsReadInTheOptionsZone() throws IOException {
		ReaderOptions options = ReaderTesting.options(ZoneId.of("Europe/Berlin"), "");

		ReadRecord record = ReaderTesting.readOne(Format.SYSLOG, "Dec  3 20:48:20.25 web1 app: x", options);

		assertEquals("2026-12-03T19:48:20.250000+00:00", record.event().get("utctimestamp").asText());
	}

	@Test
	void aLineWithoutHostKeepsTheTag() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 kernel: eth0: link up").event();

		assertTrue(event.get("hostname") == null);
		assertEquals("kernel", event.get("processname").asText());
		assertTrue(event.get("processid") == null);
		assertEquals("eth0: link up", event.get("summary").asText());
	}

	@Test
	void readsRfc5424WithStructuredData() throws IOException {
		String line = "<165>1 2026-12-03T20:48:20.003Z web1 app 42 ID47 [exampleSDID@32473 iut=\"3\" "
				+ "eventSource=\"App\" note=\"a \\\"quoted\\\" \\] text\"][origin ip=\"10.0.0.1\" ip=\"10.0.0.2\"] "
				+ "\uFEFFdisk is full";

		JsonNode event = readOne(line).event();

		assertEquals("2026-12-03T20:48:20.003000+00:00", event.get("utctimestamp").asText());
		assertEquals("2026-12-03T20:48:20.003Z", event.get("timestamp").asText());
		assertEquals("NOTICE", event.get("severity").asText());
		assertEquals("local4", event.at("/details/facility").asText());
		assertEquals("web1", event.get("hostname").asText());
		assertEquals("app", event.get("processname").asText());
		assertEquals(42, event.get("processid").asInt());
		assertEquals("ID47", event.at("/details/msgid").asText());
		assertEquals("3", event.at("/details/structureddata/exampleSDID@32473/iut").asText());
		assertEquals("App", event.at("/details/structureddata/exampleSDID@32473/eventSource").asText());
		assertEquals("a \"quoted\" ] text", event.at("/details/structureddata/exampleSDID@32473/note").asText());
		assertEquals("10.0.0.2", event.at("/details/structureddata/origin/ip/1").asText());
		assertEquals("disk is full", event.get("summary").asText());
	}

	@Test
	void rfc5424NilValuesAreLeftOut() throws IOException {
		JsonNode event = readOne("<14>1 2026-12-03T20:48:20+01:00 - - - - -").event();

		assertEquals("2026-12-03T19:48:20.000000+00:00", event.get("utctimestamp").asText());
		for (String field : List.of("hostname", "processname", "processid", "summary")) {
			assertTrue(event.get(field) == null, field);
		}
		assertTrue(event.at("/details/msgid").isMissingNode());
		assertTrue(event.at("/details/structureddata").isMissingNode());
	}

	@Test
	void readsRsyslogIsoTimes() throws IOException {
		List<ReadRecord> records = read("""
				2026-12-03T20:48:20.123456+00:00 web1 sshd[812]: Server listening on 0.0.0.0 port 22.
				<86>2026-12-03T21:48:20.5+01:00 web1 su: pam_unix(su:session): session opened for user root
				""");

		JsonNode first = records.get(0).event();
		assertEquals("2026-12-03T20:48:20.123456+00:00", first.get("utctimestamp").asText());
		assertEquals("2026-12-03T20:48:20.123456+00:00", first.get("timestamp").asText());
		assertEquals("web1", first.get("hostname").asText());
		assertEquals(812, first.get("processid").asInt());
		JsonNode second = records.get(1).event();
		assertEquals("2026-12-03T20:48:20.500000+00:00", second.get("utctimestamp").asText());
		assertEquals("authpriv", second.at("/details/facility").asText());
		assertEquals("su", second.get("processname").asText());
		assertEquals("pam_unix(su:session): session opened for user root", second.get("summary").asText());
	}

	@Test
	void anAcceptedSshLoginIsAnAuthentication() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 web1 sshd[812]: Accepted publickey for alice from 10.0.0.5 "
				+ "port 51234 ssh2: ED25519 SHA256:q1w2e3r4t5").event();

		assertEquals("authentication", event.get("category").asText());
		JsonNode details = event.get("details");
		assertEquals("alice", details.get("username").asText());
		assertEquals("10.0.0.5", details.get("sourceipaddress").asText());
		assertTrue(details.get("sourceport").isNumber());
		assertEquals(51234, details.get("sourceport").asInt());
		assertTrue(details.get("success").isBoolean());
		assertTrue(details.get("success").asBoolean());
		assertEquals("publickey", details.get("authmethod").asText());
		assertEquals("ED25519", details.get("keytype").asText());
		assertEquals("SHA256:q1w2e3r4t5", details.get("keyfingerprint").asText());
	}

	@Test
	void failedAndInvalidSshLoginsAreUnsuccessfulAuthentications() throws IOException {
		List<ReadRecord> records = read("""
				Dec  3 20:48:20 web1 sshd[900]: Failed password for root from 192.0.2.7 port 40022 ssh2
				Dec  3 20:48:21 web1 sshd[900]: Failed password for invalid user admin from 192.0.2.7 port 40023 ssh2
				Dec  3 20:48:22 web1 sshd-session[901]: Invalid user oracle from 2001:db8::7 port 40024
				Dec  3 20:48:23 web1 sshd[900]: Accepted keyboard-interactive/pam for bob from 10.0.0.9 port 1022 ssh2
				""");

		JsonNode failed = records.get(0).event().get("details");
		assertEquals("authentication", records.get(0).event().get("category").asText());
		assertEquals("root", failed.get("username").asText());
		assertFalse(failed.get("success").asBoolean());
		assertEquals("password", failed.get("authmethod").asText());
		assertTrue(failed.get("invaliduser") == null);
		JsonNode invalidUser = records.get(1).event().get("details");
		assertEquals("admin", invalidUser.get("username").asText());
		assertTrue(invalidUser.get("invaliduser").asBoolean());
		assertEquals(40023, invalidUser.get("sourceport").asInt());
		JsonNode invalid = records.get(2).event().get("details");
		assertEquals("authentication", records.get(2).event().get("category").asText());
		assertEquals("oracle", invalid.get("username").asText());
		assertEquals("2001:db8::7", invalid.get("sourceipaddress").asText());
		assertFalse(invalid.get("success").asBoolean());
		assertEquals("keyboard-interactive/pam", records.get(3).event().at("/details/authmethod").asText());
	}

	@Test
	void aRepeatedMessageIsRecognisedInside() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 web1 sshd[900]: message repeated 3 times: [ Failed password "
				+ "for root from 192.0.2.7 port 40022 ssh2]").event();

		assertEquals("authentication", event.get("category").asText());
		assertEquals(3, event.at("/details/repeated").asInt());
		assertEquals("root", event.at("/details/username").asText());
	}

	@Test
	void readsSudoCommands() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ;"
				+ " COMMAND=/bin/ls -la /root").event();

		assertEquals("sudo", event.get("category").asText());
		JsonNode details = event.get("details");
		assertEquals("alice", details.get("username").asText());
		assertEquals("root", details.get("targetuser").asText());
		assertEquals("/bin/ls -la /root", details.get("command").asText());
		assertEquals("/home/alice", details.get("cwd").asText());
		assertEquals("pts/0", details.get("tty").asText());
		assertTrue(details.get("success").asBoolean());
	}

	@Test
	void aRefusedSudoCommandIsUnsuccessful() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 web1 sudo: mallory : user NOT in sudoers ; TTY=pts/1 ;"
				+ " PWD=/tmp ; USER=root ; COMMAND=/bin/sh").event();

		assertEquals("sudo", event.get("category").asText());
		assertEquals("user NOT in sudoers", event.at("/details/reason").asText());
		assertFalse(event.at("/details/success").asBoolean());
		assertEquals("/bin/sh", event.at("/details/command").asText());
	}

	@Test
	void otherSudoMessagesStaySyslog() throws IOException {
		JsonNode event = readOne("Dec  3 20:48:20 web1 sudo: pam_unix(sudo:session): session closed for user root")
				.event();

		assertEquals("syslog", event.get("category").asText());
	}

	@Test
	void badLinesAreRejectedWithTheirReasonAndTheRestIsRead() throws IOException {
		List<ReadRecord> records = read("""
				not syslog at all

				Foo  3 20:48:20 web1 app: bad month
				Feb 30 20:48:20 web1 app: bad day
				Dec  3 25:48:20 web1 app: bad hour
				<999>Dec  3 20:48:20 web1 app: bad priority
				<165>1 - web1 app 42 ID47 - nil time
				<165>1 2026-12-03T20:48:20Z web1 app 42 ID47 [unclosed a="1"
				<165>2 2026-12-03T20:48:20Z web1 app 42 ID47 - version two
				<165>1 2026-12-03T20:48:20Z web1 app
				Dec  3 20:48:20 web1 app: good
				""");

		assertEquals(10, records.size());
		assertEquals(List.of(1L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), records.subList(0, 9).stream()
				.map(ReadRecord::line).toList());
		assertEquals("no timestamp: expected 'Mmm dd hh:mm:ss', an ISO 8601 time or an RFC 5424 '<PRI>1 ' header"
				+ " at the start of the line", records.get(0).rejection());
		assertEquals("not syslog at all", records.get(0).raw());
		assertTrue(records.get(1).rejection().contains("'Foo' is not a month"), records.get(1).rejection());
		assertEquals("no such date: 'Feb 30 20:48:20'", records.get(2).rejection());
		assertEquals("no such time: 'Dec  3 25:48:20'", records.get(3).rejection());
		assertEquals("priority <999> is out of range: expected 0 to 191", records.get(4).rejection());
		assertEquals("no timestamp: the RFC 5424 timestamp is '-' (nil)", records.get(5).rejection());
		assertEquals("malformed structured data: element [unclosed never closes", records.get(6).rejection());
		assertTrue(records.get(7).rejection().startsWith("unsupported syslog version 2"), records.get(7).rejection());
		assertTrue(records.get(8).rejection().startsWith("RFC 5424 header cut short"), records.get(8).rejection());
		assertEquals("good", records.get(9).event().get("summary").asText());
		assertEquals(11, records.get(9).line());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			[a b]                | malformed structured data: expected name="value" or ']' in element [a
			[a b=1]              | malformed structured data: expected name="value" or ']' in element [a
			[a b="1]             | malformed structured data: the value of b in [a never closes
			[a b="1"x]           | malformed structured data: unexpected 'x' in element [a
			[]                   | malformed structured data: an element has no id
			[a b="1"]x           | malformed structured data: expected a space before the message, found 'x'
			x                    | malformed structured data: expected '-' or '[' after the message id
			""")
	void malformedStructuredDataIsRejected(String data, String reason) throws IOException {
		ReadRecord record = readOne("<165>1 2026-12-03T20:48:20Z web1 app 42 ID47 " + data + " message");

		assertEquals(reason, record.rejection());
	}

	@Test
	void aLineOverTheLimitIsRejected() throws IOException {
		String longLine = "Dec  3 20:48:20 web1 app: " + "x".repeat(LineInput.MAX_LINE);

		List<ReadRecord> records = read(longLine + "\nDec  3 20:48:21 web1 app: next\n");

		assertEquals(2, records.size());
		assertEquals("line longer than " + LineInput.MAX_LINE + " characters", records.get(0).rejection());
		assertEquals("next", records.get(1).event().get("summary").asText());
	}

	@Test
	void theSameLineAlwaysGivesTheSameRecord() throws IOException {
		String text = "\uFEFFDec  3 20:48:20 web1 app: same\r\n";

		assertEquals(read(text), read(text));
		assertEquals("Dec  3 20:48:20 web1 app: same", read(text).get(0).raw());
	}

	private static ReadRecord readOne(String text) throws IOException {
		return ReaderTesting.readOne(Format.SYSLOG, text, ReaderTesting.OPTIONS);
	}

	private static List<ReadRecord> read(String text) throws IOException {
		return ReaderTesting.read(Format.SYSLOG, text);
	}
}
