package io.vigil.incidents.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TimelineExportTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.250Z");

	private static final List<TimelineEntry> ENTRIES = List.of(
			new TimelineEntry("event:1", EntryKind.EVENT, T0, T0.plusSeconds(60), "login \"root\", failed", "web1",
					"root", "sshd", "event", "1", true, List.of("a", "b"), "line one\nline two"),
			new TimelineEntry("note:2", EntryKind.NOTE, T0.plusSeconds(5), T0.plusSeconds(5), "plain", "", "bob", "note",
					"note", "2", false, List.of(), ""));

	@Test
	void csvQuotesAsRfc4180Says() throws Exception {
		StringWriter out = new StringWriter();
		TimelineExport.csv(ENTRIES, out);
		assertEquals("occurred,discovered,kind,title,host,user,source,origin_kind,origin_id,key,starred,tags,comment\r\n"
				+ "2026-12-03T10:00:00.250Z,2026-12-03T10:01:00.250Z,event,\"login \"\"root\"\", failed\",web1,root,sshd,"
				+ "event,1,event:1,true,a;b,\"line one\nline two\"\r\n"
				+ "2026-12-03T10:00:05.250Z,2026-12-03T10:00:05.250Z,note,plain,,bob,note,note,2,note:2,false,,\r\n",
				out.toString());
	}

	@Test
	void jsonLinesHaveOneObjectPerEntry() throws Exception {
		StringWriter out = new StringWriter();
		TimelineExport.jsonLines(ENTRIES, out);
		String[] lines = out.toString().split("\n", -1);
		assertEquals(3, lines.length);
		assertEquals("", lines[2]);
		JsonNode first = new ObjectMapper().readTree(lines[0]);
		assertEquals("2026-12-03T10:00:00.250Z", first.get("occurred").asText());
		assertEquals("2026-12-03T10:01:00.250Z", first.get("discovered").asText());
		assertEquals("login \"root\", failed", first.get("title").asText());
		assertEquals(2, first.get("tags").size());
		assertEquals(0, new ObjectMapper().readTree(lines[1]).get("tags").size());
		assertEquals("line one\nline two", first.get("comment").asText());
	}
}
