package io.vigil.events.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.Reference;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.events.EventWorkspaceParticipant;
import io.vigil.events.ingest.IngestReport;
import io.vigil.events.ingest.Ingester;
import io.vigil.events.read.Format;
import io.vigil.events.read.ReaderOptions;

/** {@code vigil ingest}: reads events from files, folders or standard input into the store. */
@Component(service = VigilCommand.class)
public final class IngestCommand implements VigilCommand {

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<EventWorkspaceParticipant> participants;

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public String summary() {
		return "Reads events from files, folders or standard input into the event store.";
	}

	@Override
	public String usage() {
		return ("""
				ingest [--format F] [--zone ZONE] [--threads N] [--commit-interval S] PATH...
				  PATH         a file, a folder (read recursively) or - for standard input; gzip files are read too
				  --format F   read every input as F: %s (default: detect per input)
				  --zone ZONE  the time zone of timestamps that carry none, such as Europe/Berlin (default: UTC)
				  --threads N  worker threads that parse, normalize and index (default: one per processor, 2 to 4)
				  --commit-interval S  make what was stored durable every S seconds (default: 10); the progress
				               line counts durable events only
				The last line is 'ingested N events, rejected M'; before it, 'rejects: FILE' names the file
				that lists each rejected record with its input, line and reason. Events already stored are
				stored again as the same event, never twice.""").replace("%s", Format.names());
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--format", "--zone", "--threads", "--commit-interval"), Set.of());
		List<Ingester.Source> sources = sources(arguments, context);
		Ingester.Settings settings = new Ingester.Settings(ReaderArguments.format(arguments),
				new ReaderOptions(ReaderArguments.zone(arguments), Clock.systemUTC().instant(), ""),
				(int) arguments.number("--threads", Ingester.Settings.defaultThreads(), 1, 64),
				Duration.ofSeconds(arguments.number("--commit-interval", Ingester.COMMIT_INTERVAL.toSeconds(), 1, 3600)),
				null);
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC());
				AutoCloseable joined = EventWorkspaceParticipant.joinAll(participants, events, context.err()::println)) {
			IngestReport report = events.ingester(settings).ingest(sources, context.progress());
			events.records().recordImport(report, "command");
			if (report.rejects() != null) {
				context.out().println("rejects: " + report.rejects());
			}
			context.out().println(report.summary());
		}
		return 0;
	}

	private static List<Ingester.Source> sources(Arguments arguments, CommandContext context) throws CommandException {
		if (arguments.positional().isEmpty()) {
			throw new CommandException("give at least one file, folder or - (standard input) to read");
		}
		List<Ingester.Source> sources = new ArrayList<>();
		for (String argument : arguments.positional()) {
			if (argument.equals("-")) {
				sources.add(Ingester.Source.of("-", context.in()));
				continue;
			}
			Path path = Path.of(argument).toAbsolutePath().normalize();
			if (!Files.exists(path)) {
				throw new CommandException("no such file or folder: " + argument);
			}
			if (!Files.isReadable(path)) {
				throw new CommandException("cannot read " + argument + ": permission denied");
			}
			sources.add(Ingester.Source.of(path));
		}
		return sources;
	}
}
