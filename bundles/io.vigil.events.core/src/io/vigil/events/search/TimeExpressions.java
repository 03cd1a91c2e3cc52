package io.vigil.events.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.events.Timestamps;

/**
 * Times as users type them for a search range: ISO 8601 ({@code 2026-12-03},
 * {@code 2026-12-03T10:00}, {@code 2026-12-03T10:00:00+01:00}; without an offset, UTC), epoch
 * seconds, {@code now}, and times relative to now: {@code -24h}, {@code -15m}, {@code now-7d},
 * with units {@code s}, {@code m}, {@code h}, {@code d} and {@code w}.
 */
public final class TimeExpressions {

	private static final Pattern RELATIVE = Pattern.compile("(?:now)?\\s*([-+])\\s*(\\d+)\\s*([smhdw])");

	private TimeExpressions() {
	}

	/**
	 * Parses a time.
	 *
	 * @param text what the user typed
	 * @param clock the clock for "now"
	 * @return the instant, or empty when the text is no time Vigil understands
	 */
	public static Optional<Instant> parse(String text, Clock clock) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.equals("now")) {
			return Optional.of(clock.instant());
		}
		Matcher relative = RELATIVE.matcher(value);
		if (relative.matches()) {
			Duration amount = unit(relative.group(3)).multipliedBy(Long.parseLong(relative.group(2)));
			Instant now = clock.instant();
			return Optional.of(relative.group(1).equals("-") ? now.minus(amount) : now.plus(amount));
		}
		return Timestamps.parse(text.strip(), ZoneOffset.UTC);
	}

	private static Duration unit(String unit) {
		return switch (unit) {
		case "s" -> Duration.ofSeconds(1);
		case "m" -> Duration.ofMinutes(1);
		case "h" -> Duration.ofHours(1);
		case "d" -> Duration.ofDays(1);
		default -> Duration.ofDays(7);
		};
	}
}
