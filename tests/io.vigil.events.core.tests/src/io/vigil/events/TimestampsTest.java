package io.vigil.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-03T20:48:20.123456+00:00 | 2026-12-03T20:48:20.123456Z
			2026-12-03T20:48:20Z             | 2026-12-03T20:48:20Z
			2026-12-03T20:48:20.5Z           | 2026-12-03T20:48:20.500Z
			2026-12-03T21:48:20+01:00        | 2026-12-03T20:48:20Z
			2026-12-03T15:48:20.1-05:00      | 2026-12-03T20:48:20.100Z
			2026-12-03T20:48:20.123456+0000  | 2026-12-03T20:48:20.123456Z
			2026-12-03 20:48:20              | 2026-12-03T20:48:20Z
			2026-12-03T20:48                 | 2026-12-03T20:48:00Z
			2026-12-03                       | 2026-12-03T00:00:00Z
			1796330900                       | 2026-12-03T20:48:20Z
			1796330900.25                    | 2026-12-03T20:48:20.250Z
			1796330900250                    | 2026-12-03T20:48:20.250Z
			""")
	void parsesWhatProducersWrite(String text, String expected) {
		assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text, ZoneOffset.UTC));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-30T10:00:00Z
			2026-12-03T25:00:00Z
			2026-12-03T20:48:20+25:00
			yesterday
			20261203
			""")
	void refusesWhatIsNoTime(String text) {
		assertTrue(Timestamps.parse(text, ZoneOffset.UTC).isEmpty(), text);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-03T20:48:20.123456789Z | 2026-12-03T20:48:20.123456+00:00
			1970-01-01T00:00:00Z           | 1970-01-01T00:00:00.000000+00:00
			9999-12-31T23:59:59.999999Z    | 9999-12-31T23:59:59.999999+00:00
			1969-12-31T23:59:59Z           | 1969-12-31T23:59:59.000000+00:00
			""")
	void formatsInUtcWithMicroseconds(String instant, String expected) {
		assertEquals(expected, Timestamps.format(Instant.parse(instant)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-03 10:00:00 | 2026-12-03T09:00:00Z
			""")
	void zonelessTimesAreInTheGivenZone(String text, String expected) {
		assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text, ZoneId.of("Europe/Berlin")));
	}
}
