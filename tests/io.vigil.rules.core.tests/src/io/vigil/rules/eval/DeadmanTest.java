package io.vigil.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.store.StoredEvent;
import io.vigil.rules.CompileResult;
import io.vigil.rules.MappingProfiles;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleCompiler;
import io.vigil.rules.RuleKind;
import io.vigil.rules.alerts.AlertDraft;

/** A dead-man rule fires once when its source stops sending, and again after it resumes and stops. */
class DeadmanTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static Rule rule(String text) {
		CompileResult result = new RuleCompiler(MappingProfiles.defaults()).compile(text, "deadman");
		assertEquals(List.of(), result.problems());
		return result.rules().get(0);
	}

	private static ObjectNode event(String source) {
		return JSON.createObjectNode().put("source", source).put("summary", "heartbeat");
	}

	@Test
	void firesWhenTheSourceFallsSilentStreaming() {
		Rule rule = rule("""
				title: Sensor A went quiet
				logsource: {product: vigil}
				detection: {sel: {source: sensor-a}, condition: sel}
				vigil: {deadman: {timespan: 5m}}
				""");
		assertEquals(RuleKind.DEADMAN, rule.kind());
		List<AlertDraft> alerts = new ArrayList<>();
		RuleEngine engine = new RuleEngine(alerts::add);
		engine.setRules(List.of(rule), T0);
		for (int minute = 0; minute < 10; minute++) {
			engine.accept("a" + minute, T0.plusSeconds(60L * minute), event("sensor-a"));
			engine.accept("b" + minute, T0.plusSeconds(60L * minute + 30), event("sensor-b"));
			engine.tick(T0.plusSeconds(60L * minute + 59));
		}
		assertTrue(alerts.isEmpty(), "a source sending every minute is alive");
		for (int minute = 10; minute < 20; minute++) {
			engine.accept("b" + minute, T0.plusSeconds(60L * minute), event("sensor-b"));
			engine.tick(T0.plusSeconds(60L * minute + 59));
		}
		assertEquals(1, alerts.size(), "one alert per silence");
		assertEquals(T0.plusSeconds(60L * 9 + 300), alerts.get(0).time());
		engine.accept("a-back", T0.plusSeconds(60L * 20), event("sensor-a"));
		engine.tick(T0.plusSeconds(60L * 30));
		assertEquals(2, alerts.size());
	}

	@Test
	void backtestFindsTheSameSilence() {
		Rule rule = rule("""
				{"search_string": "source:sensor-a", "deadman": true, "time_window": 5,
				 "alert_category": "deadman", "alert_severity": "WARNING", "alert_summary": "Sensor A silent"}
				""");
		assertEquals(RuleKind.DEADMAN, rule.kind());
		List<StoredEvent> events = new ArrayList<>();
		for (int minute : new int[] { 0, 1, 2, 3, 12, 13 }) {
			events.add(new StoredEvent("a" + minute, T0.plusSeconds(60L * minute), event("sensor-a")));
		}
		List<AlertDraft> alerts = Backtest.run(List.of(rule), events);
		assertEquals(1, alerts.size());
		assertEquals(T0.plusSeconds(180 + 300), alerts.get(0).time());
		assertEquals("deadman", alerts.get(0).category());
	}

	@Test
	void mozdefThresholdCountsPerAggregationKey() {
		Rule rule = rule("""
				{"search_string": "category:authentication AND details.success:false",
				 "aggregation_key": "details.sourceipaddress", "time_window": 10, "num_aggregations": 3,
				 "alert_category": "bruteforce", "alert_severity": "NOTICE", "alert_tags": ["ssh"],
				 "alert_summary": "SSH failures"}
				""");
		assertEquals(RuleKind.THRESHOLD, rule.kind());
		List<StoredEvent> events = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			for (String address : new String[] { "10.0.0.1", "10.0.0.2" }) {
				ObjectNode login = JSON.createObjectNode().put("category", "authentication");
				login.putObject("details").put("sourceipaddress", address).put("success", !address.endsWith(".2") ? false : i % 2 == 0);
				events.add(new StoredEvent(address + i, T0.plusSeconds(30L * i), login));
			}
		}
		List<AlertDraft> alerts = Backtest.run(List.of(rule), events);
		assertEquals(1, alerts.size());
		assertEquals("10.0.0.1", alerts.get(0).groupValue());
		assertEquals(3, alerts.get(0).eventCount());
		assertEquals(List.of("ssh"), alerts.get(0).tags());
	}
}
