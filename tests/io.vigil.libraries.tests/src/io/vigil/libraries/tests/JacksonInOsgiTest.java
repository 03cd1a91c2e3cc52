package io.vigil.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Jackson with its YAML and java.time modules resolves and works inside OSGi. */
class JacksonInOsgiTest {

	@Test
	void readsASigmaLikeYamlDocument() throws Exception {
		String yaml = """
				title: Repeated failed logins
				level: high
				detection:
				  selection:
				    EventID: 4625
				  condition: selection
				""";

		JsonNode rule = new YAMLMapper().readTree(yaml);

		assertEquals("high", rule.path("level").asText());
		assertEquals(4625, rule.path("detection").path("selection").path("EventID").asInt());
	}

	@Test
	void writesTimestampsAsIsoText() throws Exception {
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
				.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

		String json = mapper.writeValueAsString(Map.of("utctimestamp", Instant.parse("2026-12-03T10:15:30Z")));

		assertEquals("{\"utctimestamp\":\"2026-12-03T10:15:30Z\"}", json);
	}
}
