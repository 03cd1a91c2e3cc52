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
import java.time.format.ResolverStyle;
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
			.optionalEnd().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

	/** The hand-written formatter covers years 1970 to 9999. */
	private static final long MAX_FAST_SECONDS = 253_402_300_800L;

	/** Epoch values above this are milliseconds, not seconds (year 5138 in seconds). */
	private static final double MILLIS_THRESHOLD = 1e11;

	private Timestamps() {
	}

	/** Formats an instant the way Vigil stores it: {@code 2026-12-03T20:48:20.123456+00:00}. */
	public static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < 0 || seconds >= MAX_FAST_SECONDS) {
			return UTC_FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
		}
		// Written by hand: this runs for every event, and a formatter costs several times more.
		LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
		char[] text = "0000-00-00T00:00:00.000000+00:00".toCharArray();
		digits(text, 0, 4, time.getYear());
		digits(text, 5, 2, time.getMonthValue());
		digits(text, 8, 2, time.getDayOfMonth());
		digits(text, 11, 2, time.getHour());
		digits(text, 14, 2, time.getMinute());
		digits(text, 17, 2, time.getSecond());
		digits(text, 20, 6, instant.getNano() / 1000);
		return new String(text);
	}

	private static void digits(char[] text, int at, int width, int value) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	/**
	 * Parses the common ISO 8601 shape {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}
	 * without a formatter, or returns {@code null} for any other text.
	 */
	private static Instant parseIsoQuickly(String value) {
		int length = value.length();
		if (length < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':') {
			return null;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 2);
		int day = number(value, 8, 2);
		int hour = number(value, 11, 2);
		int minute = number(value, 14, 2);
		int second = number(value, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59
				|| hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		int at = 19;
		long nanos = 0;
		if (value.charAt(at) == '.') {
			int start = ++at;
			while (at < length && Character.isDigit(value.charAt(at)) && at - start < 9) {
				nanos = nanos * 10 + (value.charAt(at) - '0');
				at++;
			}
			if (at == start) {
				return null;
			}
			for (int i = at - start; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds = offset(value, at);
		if (offsetSeconds == Integer.MIN_VALUE) {
			return null;
		}
		try {
			long days = LocalDate.of(year, month, day).toEpochDay();
			long seconds = days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
			return Instant.ofEpochSecond(seconds, nanos);
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** Reads {@code Z}, {@code +HH:MM} or {@code -HH:MM} ending the text at an index. */
	private static int offset(String value, int at) {
		int rest = value.length() - at;
		if (rest == 1 && (value.charAt(at) == 'Z' || value.charAt(at) == 'z')) {
			return 0;
		}
		if (rest != 6 || value.charAt(at + 3) != ':') {
			return Integer.MIN_VALUE;
		}
		char sign = value.charAt(at);
		int hours = number(value, at + 1, 2);
		int minutes = number(value, at + 4, 2);
		if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3600 + minutes * 60;
		return sign == '+' ? seconds : -seconds;
	}

	private static int number(String value, int at, int width) {
		int result = 0;
		for (int i = at; i < at + width; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
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
		Instant quick = parseIsoQuickly(value);
		if (quick != null) {
			return Optional.of(quick);
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
