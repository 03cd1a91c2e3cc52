package io.vigil.incidents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;

/** The store's JDBC helpers: UTC times, hashes for unique keys, and column limits. */
final class Sql {

	static final int PERSON = 256;
	static final int TITLE = 1024;
	static final int TEXT = 4096;
	static final int LONG_TEXT = 16000;
	static final int SOURCE_ID = 1024;
	static final int ENTRY_KEY = 2048;
	static final int TECHNIQUE = 32;

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	private Sql() {
	}

	private static Calendar utc() {
		// Derby may change the calendar it is given, so each call gets its own.
		return new GregorianCalendar(UTC, Locale.ROOT);
	}

	static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP);
		} else {
			statement.setTimestamp(index, Timestamp.from(instant), utc());
		}
	}

	static Instant time(ResultSet rows, int index) throws SQLException {
		Timestamp stamp = rows.getTimestamp(index, utc());
		return stamp == null ? null : stamp.toInstant();
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}

	/**
	 * Returns a text that fits its column, or refuses it.
	 *
	 * @throws IllegalArgumentException naming what was too long
	 */
	static String require(String text, String what, int limit) {
		String value = text == null ? "" : text;
		if (value.length() > limit) {
			throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + limit
					+ " are kept");
		}
		return value;
	}
}
