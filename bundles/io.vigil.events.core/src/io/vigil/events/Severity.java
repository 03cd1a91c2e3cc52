package io.vigil.events;

import java.util.Locale;
import java.util.Optional;

/**
 * Event severities: the RFC 5424 levels by their MozDef names, in capitals. The numeric code is
 * the syslog severity (0 is the most severe).
 */
public enum Severity {
	/** System is unusable. */
	EMERGENCY(0),
	/** Action must be taken immediately. */
	ALERT(1),
	/** Critical conditions. */
	CRITICAL(2),
	/** Error conditions. */
	ERROR(3),
	/** Warning conditions. */
	WARNING(4),
	/** Normal but significant. */
	NOTICE(5),
	/** Informational. */
	INFO(6),
	/** Debug-level messages. */
	DEBUG(7);

	private final int code;

	Severity(int code) {
		this.code = code;
	}

	/** Returns the syslog severity code, 0 (EMERGENCY) to 7 (DEBUG). */
	public int code() {
		return code;
	}

	/** Returns the severity with a syslog code. */
	public static Severity ofCode(int code) {
		if (code < 0 || code > 7) {
			throw new IllegalArgumentException("syslog severities are 0 to 7, not " + code);
		}
		return values()[code];
	}

	/**
	 * Reads a severity as producers write it: the names in any case, their common short forms
	 * ({@code warn}, {@code err}, {@code crit}, {@code emerg}, {@code information}, ...) and the
	 * codes 0 to 7.
	 *
	 * @return the severity, or empty when the text is none of those
	 */
	public static Optional<Severity> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip().toUpperCase(Locale.ROOT);
		if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '7') {
			return Optional.of(ofCode(value.charAt(0) - '0'));
		}
		return Optional.ofNullable(switch (value) {
		case "EMERGENCY", "EMERG", "PANIC" -> EMERGENCY;
		case "ALERT" -> ALERT;
		case "CRITICAL", "CRIT", "FATAL" -> CRITICAL;
		case "ERROR", "ERR" -> ERROR;
		case "WARNING", "WARN" -> WARNING;
		case "NOTICE" -> NOTICE;
		case "INFO", "INFORMATION", "INFORMATIONAL" -> INFO;
		case "DEBUG", "TRACE" -> DEBUG;
		default -> null;
		});
	}
}
