package io.vigil.events.internal.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;

/** {@code vigil retention}: shows or sets how long the workspace keeps events. */
@Component(service = VigilCommand.class)
public final class RetentionCommand implements VigilCommand {

	@Override
	public String name() {
		return "retention";
	}

	@Override
	public String summary() {
		return "Shows or sets how many days of events the workspace keeps (whole days drop).";
	}

	@Override
	public String usage() {
		return """
				retention [DAYS | forever]
				  DAYS     keep today (UTC) and the DAYS days before it; older days are dropped now and from
				           then on, and ingest rejects older events (MozDef kept 10 days online)
				  forever  keep every event (the default)""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of(), Set.of());
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC())) {
			if (!arguments.positional().isEmpty()) {
				List<LocalDate> dropped = events.setRetentionDays(days(arguments.positional().get(0)));
				if (!dropped.isEmpty()) {
					context.out().println("dropped    " + dropped.size() + " days (" + dropped.get(0) + " to "
							+ dropped.get(dropped.size() - 1) + ")");
				}
			}
			OptionalInt days = events.retentionDays();
			context.out().println("retention  " + (days.isEmpty() ? "forever"
					: days.getAsInt() + " days (keeps " + events.firstKeptDay() + " and later)"));
			List<LocalDate> stored = events.store().days();
			context.out().println("stored     " + stored.size() + " days"
					+ (stored.isEmpty() ? "" : " (" + stored.get(0) + " to " + stored.get(stored.size() - 1) + ")"));
		}
		return 0;
	}

	private static Integer days(String value) throws CommandException {
		if (value.equals("forever")) {
			return null;
		}
		try {
			int days = Integer.parseInt(value);
			if (days >= 1) {
				return days;
			}
		} catch (NumberFormatException e) {
			// Reported below, with what is allowed.
		}
		throw new CommandException("retention takes a number of days (1 or more) or 'forever', not '" + value + "'");
	}
}
