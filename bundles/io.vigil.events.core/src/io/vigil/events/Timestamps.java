package io.vigil.events;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading the timestamps that event producers write, and writing the one form Vigil stores:
 * ISO 8601 in UTC with microseconds and an explicit {@code +00:00} offset, as MozDef did.
 */
public final class Timestamps {

	/** How Vigil writes {@code utctimestamp} and {@code receivedtimestamp}. */
	private static final DateTimeFormatter UTC_FORMAT = new DateTimeFormatterBuilder()
			.appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
			.appendLiteral("+00:00").toFormatter(Locale.ROOT).withZone(ZoneOffset.UTC);

	/** ISO 8601 date-time with an optional fraction, 'T' or space, and an optional offset. */
	private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder().parseCaseInsensitive()
			.append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().optionalStart().appendLiteral('T')
			.optionalEnd().optionalStart().appendLiteral(' ').optionalEnd().appendPattern("HH:mm").optionalStart()
			.appendPattern(":ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
			.optionalEnd().optionalEnd().optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().optionalStart()
			.appendOffset("+HHMM", "Z").optionalEnd().optionalStart().appendOffset("+HH", "Z").optionalEnd()
			.optionalEnd().toFormatter(Locale.ROOT);

	/** Epoch values above this are milliseconds, not seconds (year 5138 in seconds). */
	private static final double MILLIS_THRESHOLD = 1e11;

	private Timestamps() {
	}

	/** Formats an instant the way Vigil stores it: {@code 2026-12-03T20:48:20.123456+00:00}. */
	public static String format(Instant instant) {
		return UTC_FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Parses a timestamp: ISO 8601 with or without an offset ({@code Z}, {@code +00:00},
	 * {@code +0000}), with 'T' or a space, or epoch seconds or milliseconds as digits.
	 *
	 * @param text the timestamp
	 * @param zoneless the zone of a timestamp that gives none
	 * @return the instant, or empty when the text is not a timestamp
	 */
	public static Optional<Instant> parse(String text, ZoneId zoneless) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		if (value.isEmpty()) {
			return Optional.empty();
		}
		if (isEpochNumber(value)) {
			return ofEpoch(new BigDecimal(value).doubleValue());
		}
		try {
			var parsed = ISO_LENIENT.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
			if (parsed instanceof OffsetDateTime offset) {
				return Optional.of(offset.toInstant());
			}
			if (parsed instanceof LocalDateTime local) {
				return Optional.of(local.atZone(zoneless).toInstant());
			}
			return Optional.of(((LocalDate) parsed).atStartOfDay(zoneless).toInstant());
		} catch (DateTimeException e) {
			return Optional.empty();
		}
	}

	/** Returns whether a timestamp text carries its own zone or offset. */
	public static boolean hasZone(String text) {
		String value = text.strip();
		if (isEpochNumber(value)) {
			return true;
		}
		int time = value.indexOf(':');
		if (time < 0) {
			return false;
		}
		String rest = value.substring(time);
		return rest.endsWith("Z") || rest.endsWith("z") || rest.indexOf('+') >= 0 || rest.indexOf('-') >= 0;
	}

	/**
	 * Converts epoch seconds (with a fraction) or milliseconds to an instant.
	 *
	 * @return the instant, or empty for a negative or non-finite value
	 */
	public static Optional<Instant> ofEpoch(double value) {
		if (!Double.isFinite(value) || value < 0) {
			return Optional.empty();
		}
		double seconds = value >= MILLIS_THRESHOLD ? value / 1000 : value;
		long whole = (long) Math.floor(seconds);
		long micros = Math.round((seconds - whole) * 1_000_000);
		return Optional.of(Instant.ofEpochSecond(whole).plus(micros, ChronoUnit.MICROS));
	}

	private static boolean isEpochNumber(String value) {
		int digits = 0;
		boolean dot = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			} else if (c == '.' && !dot) {
				dot = true;
			} else {
				return false;
			}
		}
		// Eight digits or fewer would be a compact date (20261203), which is not epoch time.
		return digits >= 9;
	}
}
