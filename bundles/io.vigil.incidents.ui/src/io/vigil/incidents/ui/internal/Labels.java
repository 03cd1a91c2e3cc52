package io.vigil.incidents.ui.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the incident parts write values for people: times in UTC, enum names in words. */
final class Labels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

	private Labels() {
	}

	/** Returns a time as {@code 2026-12-04 08:00:00} (UTC), empty for none. */
	static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	/**
	 * Reads a time typed as {@link #time(Instant)} writes it, or as ISO-8601; blank is none.
	 *
	 * @throws IllegalArgumentException naming the text and the forms expected
	 */
	static Instant parseTime(String text, String field) {
		String typed = text.strip();
		if (typed.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(typed);
		} catch (DateTimeParseException iso) {
			try {
				return LocalDateTime.parse(typed.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			} catch (DateTimeParseException local) {
				throw new IllegalArgumentException(
						field + ": '" + typed + "' is not a time (write 2026-12-04 08:00:00, in UTC)", local);
			}
		}
	}

	/** Returns an enum constant in words: {@code LESSONS_LEARNED} as {@code lessons learned}. */
	static String words(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** Returns the first line of a text, cut to a length. */
	static String oneLine(String text, int length) {
		String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
		return line.length() <= length ? line : line.substring(0, length - 1) + "\u2026";
	}

	/** Returns who is working here, for the store's "who" columns. */
	static String analyst() {
		return System.getProperty("user.name", "analyst");
	}
}
