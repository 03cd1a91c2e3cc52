package io.vigil.events.internal.commands;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandException;
import io.vigil.events.read.Format;

/** The options of commands that read events: {@code --format F} and {@code --zone ZONE}. */
public final class ReaderArguments {

	private ReaderArguments() {
	}

	/** Returns the format forced with {@code --format}, or empty to detect it per input. */
	public static Optional<Format> format(Arguments arguments) throws CommandException {
		String name = arguments.value("--format");
		if (name == null) {
			return Optional.empty();
		}
		Optional<Format> format = Format.of(name);
		if (format.isEmpty()) {
			throw new CommandException("unknown format '" + name + "'; the formats are " + Format.names());
		}
		return format;
	}

	/** Returns the zone of timestamps without one, from {@code --zone}; UTC by default. */
	public static ZoneId zone(Arguments arguments) throws CommandException {
		String zone = arguments.value("--zone");
		if (zone == null) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone);
		} catch (DateTimeException e) {
			throw new CommandException("unknown time zone '" + zone
					+ "'; use a name such as Europe/Berlin or an offset such as +01:00", e);
		}
	}
}
