package io.vigil.incidents;

import java.util.Locale;

/**
 * A response time measured between an incident's dates. Each starts from the incident's start
 * (detect) or its detection (the others) and ends at one key date.
 */
public enum Measure {
	/** From the start (the first event, or a chosen start) to {@link KeyDate#DETECTED}. */
	TIME_TO_DETECT(KeyDate.DETECTED),
	/** From detection to {@link KeyDate#VERIFIED}. */
	TIME_TO_VERIFY(KeyDate.VERIFIED),
	/** From detection to {@link KeyDate#CONTAINED}. */
	TIME_TO_CONTAIN(KeyDate.CONTAINED),
	/** From detection to {@link KeyDate#MITIGATED}. */
	TIME_TO_MITIGATE(KeyDate.MITIGATED);

	private final KeyDate end;

	Measure(KeyDate end) {
		this.end = end;
	}

	/** Returns the key date the measure ends at. */
	public KeyDate end() {
		return end;
	}

	/** Returns the name as the command line and exports write it ({@code time_to_detect}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
