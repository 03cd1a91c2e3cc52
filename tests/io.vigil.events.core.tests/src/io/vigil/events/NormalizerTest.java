package io.vigil.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.internal.read.JsonSupport;

class NormalizerTest {

	private static final Instant NOW = Instant.parse("2026-12-03T20:00:00Z");
	private final Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void convertsTimesToUtcAndKeepsTheOriginal() throws Exception {
		Normalizer.Result result = normalize("""
				{"timestamp": "2026-12-03T21:30:00+01:00", "severity": "warn", "category": "authentication",
				 "hostname": "web1", "summary": "login", "tags": "a, b"}""");

		ObjectNode event = result.event();
		assertEquals("2026-12-03T20:30:00.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("2026-12-03T21:30:00+01:00", event.get("timestamp").asText());
		assertEquals("2026-12-03T20:00:00.000000+00:00", event.get("receivedtimestamp").asText());
		assertEquals(Instant.parse("2026-12-03T20:30:00Z"), result.utcTimestamp());
		assertEquals("WARNING", event.get("severity").asText());
		assertEquals("[\"a\",\"b\"]", event.get("tags").toString());
		assertFalse(event.at("/vigil").has("filled"), event.toString());
		assertFalse(event.at("/vigil").has("missing"), event.toString());
	}

	@Test
	void fillsAndFlagsWhatIsMissingWithoutInventingHostOrSummary() throws Exception {
		ObjectNode event = normalize("{\"details\": {\"a\": 1, \"b\": null}}").event();

		assertEquals("2026-12-03T20:00:00.000000+00:00", event.get("utctimestamp").asText());
		assertEquals("INFO", event.get("severity").asText());
		assertEquals("event", event.get("category").asText());
		assertFalse(event.has("hostname"));
		assertFalse(event.has("summary"));
		assertEquals("[\"utctimestamp\",\"severity\",\"category\"]", event.at("/vigil/filled").toString());
		assertEquals("[\"hostname\",\"summary\"]", event.at("/vigil/missing").toString());
		assertFalse(event.at("/details").has("b"));
		assertEquals("mozdef", event.get("source").asText());
		assertEquals("/tmp/in.json", event.at("/vigil/origin/name").asText());
		assertEquals(7, event.at("/vigil/origin/line").asInt());
	}

	@Test
	void anUnknownSeverityIsKeptAsTheOriginalAndFlagged() throws Exception {
		ObjectNode event = normalize("{\"utctimestamp\": 1796328000, \"severity\": \"bad\", \"summary\": \"x\"}").event();

		assertEquals("INFO", event.get("severity").asText());
		assertEquals("bad", event.at("/vigil/original/severity").asText());
		assertTrue(event.at("/vigil/filled").toString().contains("severity"));
		assertEquals("2026-12-03T20:00:00.000000+00:00", event.get("utctimestamp").asText());
	}

	@Test
	void rejectsATimestampThatIsNoTime() throws Exception {
		Normalizer.Result result = normalize("{\"utctimestamp\": \"yesterday-ish\", \"summary\": \"x\"}");

		assertTrue(result.isRejected());
		assertEquals("utctimestamp 'yesterday-ish' is not a timestamp", result.rejection());
	}

	@Test
	void wrapsDetailsThatAreNoObject() throws Exception {
		ObjectNode event = normalize("{\"summary\": \"x\", \"details\": \"free text\"}").event();

		assertEquals("free text", event.at("/details/value").asText());
		assertEquals("[\"details\"]", event.at("/vigil/wrapped").toString());
	}

	@Test
	void zonelessTimesUseTheConfiguredZone() throws Exception {
		Normalizer berlin = new Normalizer(ZoneId.of("Europe/Berlin"), Clock.fixed(NOW, ZoneOffset.UTC));
		ObjectNode event = (ObjectNode) JsonSupport.MAPPER.readTree("{\"timestamp\": \"2026-12-03 10:00:00\"}");

		assertEquals("2026-12-03T09:00:00.000000+00:00",
				berlin.normalize(event, "csv", "x", 1).event().get("utctimestamp").asText());
	}

	private Normalizer.Result normalize(String json) throws Exception {
		return normalizer.normalize((ObjectNode) JsonSupport.MAPPER.readTree(json), "mozdef", "/tmp/in.json", 7);
	}
}
