package io.vigil.rules.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertStatus;
import io.vigil.rules.alerts.AlertsFixture;
import io.vigil.rules.alerts.Disposition;

/** The JSON every automated response sends: MozDef's alert, with Vigil's fields under "vigil". */
class AlertJsonTest {

	private static final Alert ALERT = new Alert(42, AlertsFixture.draft("rule-a", "k1", "10.0.0.1"),
			Instant.parse("2026-12-04T08:06:00Z"), AlertStatus.ESCALATED, Disposition.TRUE_POSITIVE, "bob", List.of());

	@Test
	void itHasMozDefsAlertFields() throws Exception {
		JsonNode json = new ObjectMapper().readTree(new String(AlertJson.bytes(ALERT), StandardCharsets.UTF_8));

		assertEquals("2026-12-04T08:01:00Z", json.get("utctimestamp").asText());
		assertEquals("ERROR", json.get("severity").asText());
		assertEquals("authentication", json.get("category").asText());
		assertEquals("5 failed logins from 10.0.0.1", json.get("summary").asText());
		assertEquals("attack.t1110", json.get("tags").get(1).asText());
		assertEquals(3, json.get("events").size());
		assertEquals("event-3", json.at("/events/0/documentid").asText());
		assertEquals("10.0.0.1", json.at("/events/0/documentsource/details/sourceipaddress").asText());
		assertFalse(json.at("/events/1").has("documentsource"));
	}

	@Test
	void itHasVigilsFieldsUnderVigil() throws Exception {
		JsonNode vigil = AlertJson.of(ALERT).get("vigil");

		assertEquals(42, vigil.get("alertid").asLong());
		assertEquals("rule-a", vigil.get("ruleid").asText());
		assertEquals(2, vigil.get("ruleversion").asInt());
		assertEquals("high", vigil.get("level").asText());
		assertEquals("T1110", vigil.get("attack").get(0).asText());
		assertEquals("details.sourceipaddress", vigil.get("groupfield").asText());
		assertEquals("10.0.0.1", vigil.get("groupvalue").asText());
		assertEquals(5, vigil.get("eventcount").asLong());
		assertEquals("2026-12-04T08:00:00Z", vigil.get("windowstart").asText());
		assertEquals("2026-12-04T08:05:00Z", vigil.get("windowend").asText());
		assertEquals("ESCALATED", vigil.get("status").asText());
		assertEquals("TRUE_POSITIVE", vigil.get("disposition").asText());
		assertEquals("bob", vigil.get("assignee").asText());
		assertEquals("summary", vigil.at("/matchedfields/event-3/1").asText());
	}

	@Test
	void mozdefSeveritiesReadBackAsTheSameLevels() {
		for (RuleLevel level : RuleLevel.values()) {
			assertEquals(level, RuleLevel.parse(AlertJson.mozdefSeverity(level)));
		}
	}
}
