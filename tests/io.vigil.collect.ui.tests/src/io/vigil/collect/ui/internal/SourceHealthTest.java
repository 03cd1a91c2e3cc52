package io.vigil.collect.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.collect.SourceHealth;
import io.vigil.collect.SourceStats;

/** When a source counts as silent, and how the warning reads. */
class SourceHealthTest {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	private static SourceStats.Reading reading(String name, String state, Instant lastArrival) {
		return new SourceStats.Reading(name, SourceStats.Kind.CONNECTION, state, 3, 0, 0, lastArrival, lastArrival,
				Duration.ZERO, false);
	}

	@Test
	void aRunningSourceQuietForLongerThanItsSettingIsSilent() {
		SourceHealth row = SourceHealth.of(reading("mozdef", "connected", NOW.minus(Duration.ofMinutes(12))), TEN_MINUTES,
				NOW.minus(Duration.ofHours(1)), NOW);

		assertTrue(row.silent());
		assertEquals(Duration.ofMinutes(12), row.silentFor());
		assertEquals("source mozdef silent for 12 min", HealthLabels.warning(List.of(row)));
	}

	@Test
	void aSourceThatNeverSentCountsFromWhenItWasFirstSeen() {
		assertFalse(SourceHealth.of(reading("new", "connecting", null), TEN_MINUTES, NOW.minusSeconds(30), NOW).silent());
		assertTrue(SourceHealth.of(reading("old", "reconnecting: refused", null), TEN_MINUTES,
				NOW.minus(Duration.ofMinutes(11)), NOW).silent());
	}

	@Test
	void stoppedAndDisabledSourcesAreNeverSilent() {
		Instant longAgo = NOW.minus(Duration.ofDays(1));
		SourceHealth stopped = SourceHealth.of(reading("a", "stopped", longAgo), TEN_MINUTES, longAgo, NOW);
		SourceHealth disabled = SourceHealth.of(reading("b", SourceHealth.DISABLED, longAgo), TEN_MINUTES, longAgo, NOW);

		assertFalse(stopped.silent());
		assertFalse(disabled.silent());
		assertNull(HealthLabels.warning(List.of(stopped, disabled)));
	}

	@Test
	void numbersReadShortly() {
		assertEquals("0", HealthLabels.rate(0));
		assertEquals("2.5", HealthLabels.rate(2.5));
		assertEquals("1,234", HealthLabels.count(1234));
		assertEquals("—", HealthLabels.time(null));
		assertEquals("2026-12-04 10:00:00", HealthLabels.time(NOW));
	}
}
