package io.vigil.events.read;

import java.util.Locale;
import java.util.Optional;

/** The event formats Vigil reads. The names are what {@code --format} takes. */
public enum Format {
	/** MozDef JSON events: one object, an array of objects, or JSON lines. */
	MOZDEF("mozdef"),
	/** Syslog, RFC 3164 (with or without the priority) and RFC 5424, and rsyslog's ISO form. */
	SYSLOG("syslog"),
	/** Linux audit logs ({@code audit.log}): the records of one event become one event. */
	AUDIT("audit"),
	/** Zeek logs written as JSON lines. */
	ZEEK("zeek"),
	/** Suricata EVE JSON lines. */
	SURICATA("suricata"),
	/** Comma-separated values with a header line. */
	CSV("csv");

	private final String id;

	Format(String id) {
		this.id = id;
	}

	/** Returns the name used on the command line and stored in {@code vigil.format}. */
	public String id() {
		return id;
	}

	/** Returns the format with a command line name, ignoring case. */
	public static Optional<Format> of(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		for (Format format : values()) {
			if (format.id.equals(wanted)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/** Returns the command line names, for messages: {@code mozdef, syslog, ...}. */
	public static String names() {
		StringBuilder names = new StringBuilder();
		for (Format format : values()) {
			names.append(names.isEmpty() ? "" : ", ").append(format.id);
		}
		return names.toString();
	}
}
