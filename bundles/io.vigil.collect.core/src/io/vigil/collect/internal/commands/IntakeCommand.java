package io.vigil.collect.internal.commands;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.Reference;

import io.vigil.collect.LiveIntake;
import io.vigil.collect.SourceStats;
import io.vigil.collect.http.HttpIntake;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.events.EventWorkspaceParticipant;

/** {@code vigil intake}: MozDef's HTTP intake API, storing what is posted until interrupted. */
@Component(service = VigilCommand.class)
public final class IntakeCommand implements VigilCommand {

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<EventWorkspaceParticipant> participants;

	/** The environment variable a bearer token is read from, so that it never shows in a process list. */
	static final String TOKEN_VARIABLE = "VIGIL_INTAKE_TOKEN";

	@Override
	public String name() {
		return "intake";
	}

	@Override
	public String summary() {
		return "Accepts events over HTTP (MozDef's intake API) into the event store until interrupted.";
	}

	@Override
	public String usage() {
		return """
				intake [--port P] [--bind HOST] [--max-bytes N] [--status S] [--for S]
				  --port P        the port (default: 8080; 0 picks a free one, printed on the first line)
				  --bind HOST     the address to listen on (default: 127.0.0.1, this machine only)
				  --max-bytes N   the largest request body accepted (default: 16 MiB); larger ones get 413
				  --status S      print a status line every S seconds (default: 5)
				  --for S         stop after S seconds (default: run until interrupted)
				With $VIGIL_INTAKE_TOKEN set, requests need the header Authorization: Bearer <token>.
				Endpoints: POST /events (one JSON event), POST /_bulk (a JSON array, or one event per line;
				Elasticsearch action lines such as {"index":{}} are skipped), POST /custom/<source>, GET /status.
				The answer is 200 with {"stored":N,"rejected":M} once the events are durably stored; a body
				with no usable event gets 400 and the reason (with the line), a too large one 413.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--port", "--bind", "--max-bytes", "--status", "--for"), Set.of());
		if (!arguments.positional().isEmpty()) {
			throw new CommandException("intake takes options only, not '" + arguments.positional().get(0)
					+ "'; see vigil help intake");
		}
		HttpIntake.Settings settings = new HttpIntake.Settings(arguments.value("--bind"),
				(int) arguments.number("--port", HttpIntake.DEFAULT_PORT, 0, 65_535), System.getenv(TOKEN_VARIABLE),
				(int) arguments.number("--max-bytes", HttpIntake.DEFAULT_MAX_BYTES, 1, Integer.MAX_VALUE - 1));
		Duration status = ConnectionOptions.seconds(arguments, "--status", 5, 86_400);
		Duration limit = ConnectionOptions.seconds(arguments, "--for", 0, 365L * 86_400);
		UntilStopped until = new UntilStopped();
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC());
				AutoCloseable joined = EventWorkspaceParticipant.joinAll(participants, events, context.err()::println);
				LiveIntake live = LiveIntake.start(events, LiveIntake.COMMIT_INTERVAL, "intake")) {
			String why;
			try (HttpIntake intake = new HttpIntake(settings, live, new PrintingLog(context.err()))) {
				try {
					intake.start();
				} catch (IOException e) {
					throw new CommandException(e.getMessage(), e);
				}
				context.out().println("listening on http://" + intake.address()
						+ (settings.token() == null ? "" : " (bearer token required)"));
				context.out().flush();
				why = until.await(status == null ? Duration.ofSeconds(5) : status, limit, () -> print(live, context),
						() -> false);
			}
			print(live, context);
			SourceStats.Reading reading = live.registry().read().get(0);
			context.out().println("stopped (" + why + "): stored " + reading.total() + " events, rejected " + reading.rejected());
			context.out().flush();
		} finally {
			until.finished();
		}
		return 0;
	}

	private static void print(LiveIntake live, CommandContext context) {
		for (SourceStats.Reading reading : live.registry().read()) {
			if (reading.kind() == SourceStats.Kind.HTTP_INTAKE) {
				context.out().println(String.format(Locale.ROOT, "%s intake %s %s: %.0f events/s, total %d, rejects %d",
						Instant.now().truncatedTo(ChronoUnit.SECONDS), reading.name(), reading.state(), reading.perSecond(),
						reading.total(), reading.rejected()));
			}
		}
		context.out().flush();
	}
}
