package io.vigil.events.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vigil.events.store.StoreFixture;
import io.vigil.events.store.StoreSnapshot;
import io.vigil.events.store.StoredEvent;

class EventQueryParserTest {

	@TempDir
	static Path folder;

	private static StoreFixture fixture;
	private static StoreSnapshot snapshot;
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

	@BeforeAll
	static void fill() throws IOException {
		fixture = StoreFixture.with(folder, """
				{"utctimestamp": "2026-12-01T10:00:00Z", "category": "authentication", "hostname": "web1",
				 "summary": "Failed password for root from 10.0.0.5 port 51000 ssh2",
				 "details": {"sourceipaddress": "10.0.0.5", "destinationport": 22, "username": "root", "success": false}}""",
				"""
				{"utctimestamp": "2026-12-01T11:00:00Z", "category": "authentication", "hostname": "web1",
				 "summary": "Accepted publickey for alice from 10.0.0.9 port 51001 ssh2",
				 "details": {"sourceipaddress": "10.0.0.9", "destinationport": 22, "username": "alice", "success": true}}""",
				"""
				{"utctimestamp": "2026-12-02T09:00:00Z", "category": "authentication", "hostname": "web2",
				 "summary": "Failed password for bob from 192.168.1.7 port 40000 ssh2",
				 "details": {"sourceipaddress": "192.168.1.7", "destinationport": 2222, "username": "bob", "success": false}}""",
				"""
				{"utctimestamp": "2026-12-02T12:00:00Z", "category": "syslog", "hostname": "web2",
				 "summary": "Connection closed by 2001:db8::5", "tags": ["ipv6", "sshd"],
				 "details": {"sourceipaddress": "2001:db8::5"}}""",
				"""
				{"utctimestamp": "2026-12-03T01:00:00Z", "category": "execve", "hostname": "db1",
				 "summary": "Execve: ls -la", "details": {"command": "ls -la", "pid": 4242}}""");
		snapshot = fixture.snapshot();
	}

	@AfterAll
	static void close() throws IOException {
		snapshot.close();
		fixture.close();
	}

	@ParameterizedTest(name = "{0} matches {1}")
	@CsvSource(delimiter = '|', textBlock = """
			category:authentication                                                                   | 3
			category:Authentication                                                                   | 3
			details.sourceipaddress:10.0.0.0/8                                                        | 2
			category:authentication AND details.sourceipaddress:10.0.0.0/8 AND NOT details.success:true | 1
			details.sourceipaddress:10.0.0.5                                                          | 1
			details.sourceipaddress:[10.0.0.0 TO 10.0.0.6]                                            | 1
			details.sourceipaddress:2001:db8::/32                                                     | 1
			details.sourceipaddress:"2001:db8::5"                                                     | 1
			details.destinationport:22                                                                | 2
			details.destinationport:[1000 TO *]                                                       | 1
			details.destinationport:>=22                                                              | 3
			details.destinationport:>22                                                               | 1
			details.destinationport:<100                                                              | 2
			details.pid:4242                                                                          | 1
			summary:"failed password"                                                                 | 2
			summary:failed                                                                            | 2
			failed password                                                                           | 2
			failed OR accepted                                                                        | 3
			hostname:web*                                                                             | 4
			hostname:web1                                                                             | 2
			tags:sshd                                                                                 | 1
			details.command:"ls -la"                                                                  | 1
			_exists_:details.username                                                                 | 3
			details.username:*                                                                        | 3
			NOT category:authentication                                                               | 2
			category:(authentication OR execve)                                                       | 4
			-category:syslog AND hostname:web2                                                        | 1
			utctimestamp:2026-12-01                                                                   | 2
			utctimestamp:[2026-12-02 TO 2026-12-03}                                                   | 2
			utctimestamp:[-48h TO now]                                                                | 3
			'utctimestamp:>=2026-12-02T12:00:00Z'                                                     | 2
			details.success:false                                                                     | 2
			nosuchfield:value                                                                         | 0
			*                                                                                         | 5
			''                                                                                        | 5
			""")
	void counts(String query, long expected) throws Exception {
		EventQueryParser parser = new EventQueryParser(snapshot.fields(), CLOCK);

		assertEquals(expected, snapshot.count(parser.parse(query == null ? "" : query)));
	}

	@Test
	void eventsAreFoundByTheirIds() throws Exception {
		EventQueryParser parser = new EventQueryParser(snapshot.fields(), CLOCK);
		List<String> ids = snapshot.top(parser.parse("hostname:web1"), 10, true).stream().map(StoredEvent::id).toList();

		String query = "vigil.id:(" + ids.get(0).toUpperCase(Locale.ROOT) + " OR " + ids.get(1) + ")";

		assertEquals(2, snapshot.count(parser.parse(query)));
		assertEquals(1, snapshot.count(parser.parse("vigil.id:" + ids.get(0))));
		assertTrue(parser.warnings().isEmpty(), parser.warnings().toString());
	}

	@Test
	void aFieldNoEventHasIsAWarningNotAnError() throws Exception {
		EventQueryParser parser = new EventQueryParser(snapshot.fields(), CLOCK);

		parser.parse("nosuchfield:value");

		assertEquals("no event has the field 'nosuchfield'", parser.warnings().get(0));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			category:(authentication           | 24 | the query ends too early
			category:)                         |  9 | unexpected ')'
			details.sourceipaddress:10.0.0.0/33 | 24 | the prefix of '10.0.0.0/33' must be between 0 and 32
			'utctimestamp:[yesterday TO now]'  | 14 | 'yesterday' is not a time
			summary:"unclosed                  | 17 | the query ends inside a quote
			a AND AND b                        |  6 | unexpected 'AND'
			""")
	void syntaxErrorsSayWhatAndWhere(String query, int position, String message) {
		EventQueryParser parser = new EventQueryParser(snapshot.fields(), CLOCK);

		QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> parser.parse(query));

		assertTrue(error.getMessage().startsWith(message), error.getMessage());
		assertEquals(position, error.position(), error.describe());
	}
}
