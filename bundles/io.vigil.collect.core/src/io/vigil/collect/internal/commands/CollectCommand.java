package io.vigil.collect.internal.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.Reference;

import io.vigil.collect.LiveIntake;
import io.vigil.collect.SourceStats;
import io.vigil.collect.amqp.AmqpCollector;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.events.EventWorkspaceParticipant;

/** {@code vigil collect}: a collector connection, consuming events from RabbitMQ into the store. */
@Component(service = VigilCommand.class)
public final class CollectCommand implements VigilCommand {

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<EventWorkspaceParticipant> participants;

	@Override
	public String name() {
		return "collect";
	}

	@Override
	public String summary() {
		return "Collects events from a RabbitMQ broker into the event store until interrupted.";
	}

	@Override
	public String usage() {
		return """
				collect --amqp URI [--exchange X]... [--routing-key K] [--queue Q] [--name N] [--status S] [--for S] [--idle S]
				""" + ConnectionOptions.USAGE + """

				  --exchange X      consume from exchange X (repeatable); default: MozDef's eventtask, events
				                    (mozdef.event) and alerts (mozdef.alert); missing exchanges are declared durable
				  --routing-key K   the routing key to bind with --exchange (default: MozDef's, or # on others)
				  --queue Q         the durable queue to consume (default: vigil.collector); malformed messages
				                    move to Q.rejected with the reason in the x-vigil-reason header
				  --name N          the connection's name in status lines and events (default: the broker's host)
				  --status S        print a status line every S seconds (default: 5)
				  --for S           stop after S seconds (default: run until interrupted)
				  --idle S          stop once no message arrived for S seconds and everything is acknowledged
				A message is acknowledged only once its event is durably stored; interrupting (Ctrl+C) commits
				and stops cleanly, and messages not yet acknowledged wait in the queue for the next run.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--amqp", "--vhost", "--truststore", "--exchange", "--routing-key", "--queue", "--name", "--status",
						"--for", "--idle"),
				Set.of());
		if (!arguments.positional().isEmpty()) {
			throw new CommandException("collect takes options only, not '" + arguments.positional().get(0)
					+ "'; see vigil help collect");
		}
		String name = arguments.value("--name");
		AmqpSettings settings = ConnectionOptions.settings(arguments, System.getenv(), name == null ? "collector" : name,
				arguments.value("--queue"), ConnectionOptions.bindings(arguments));
		if (name == null) {
			settings = new AmqpSettings(hostOf(settings), settings.uri(), settings.virtualHost(), settings.username(),
					settings.password(), settings.trustStore(), settings.trustStorePassword(), settings.queue(),
					settings.bindings(), settings.prefetch());
		}
		ConnectionOptions.check(settings);
		Duration status = ConnectionOptions.seconds(arguments, "--status", 5, 86_400);
		Duration limit = ConnectionOptions.seconds(arguments, "--for", 0, 365L * 86_400);
		Duration idle = ConnectionOptions.seconds(arguments, "--idle", 0, 86_400);
		UntilStopped until = new UntilStopped();
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC());
				AutoCloseable joined = EventWorkspaceParticipant.joinAll(participants, events, context.err()::println);
				LiveIntake live = LiveIntake.start(events, LiveIntake.COMMIT_INTERVAL, "collect")) {
			AmqpCollector collector = new AmqpCollector(settings, live.intake(), live.commits(), live.registry(),
					new PrintingLog(context.err()), workers());
			collector.start();
			context.out().println("collecting from " + settings.displayUri() + ", queue " + settings.queue() + " bound to "
					+ settings.bindings());
			context.out().flush();
			StatusLine line = new StatusLine(collector, live, context);
			String why;
			try {
				why = until.await(status == null ? Duration.ofSeconds(5) : status, limit, line::print,
						() -> idle != null && line.idleFor(idle));
			} finally {
				collector.close();
			}
			live.commits().commitNow();
			line.print();
			context.out().println("stopped (" + why + "): stored " + collector.stored() + " events, rejected "
					+ collector.rejected());
			context.out().flush();
		} finally {
			until.finished();
		}
		return 0;
	}

	private static String hostOf(AmqpSettings settings) {
		String shown = settings.displayUri();
		int scheme = shown.indexOf("://");
		return scheme < 0 ? shown : shown.substring(scheme + 3);
	}

	static int workers() {
		return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/** The periodic status line: state, events per second, totals. */
	private static final class StatusLine {

		private final AmqpCollector collector;
		private final LiveIntake live;
		private final CommandContext context;
		private long lastStored = -1;
		private long lastChange = System.nanoTime();

		StatusLine(AmqpCollector collector, LiveIntake live, CommandContext context) {
			this.collector = collector;
			this.live = live;
			this.context = context;
		}

		void print() {
			SourceStats.Reading reading = live.registry().read().stream()
					.filter(r -> r.kind() == SourceStats.Kind.CONNECTION).findFirst().orElseThrow();
			long stored = collector.stored() + collector.rejected();
			if (stored != lastStored) {
				lastStored = stored;
				lastChange = System.nanoTime();
			}
			context.out().println(String.format(Locale.ROOT, "%s %s %s: %.0f events/s, total %d, rejects %d, lag %s",
					Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), collector.settings().name(),
					reading.state(), reading.perSecond(), collector.stored(), collector.rejected(), lag(reading.lag())));
			context.out().flush();
		}

		boolean idleFor(Duration idle) {
			return collector.state() == AmqpCollector.State.CONNECTED && System.nanoTime() - lastChange >= idle.toNanos()
					&& live.commits().durable() >= live.commits().ticketsTaken();
		}

		private static String lag(Duration lag) {
			return lag.toMillis() < 10_000 ? lag.toMillis() + " ms" : lag.toSeconds() + " s";
		}
	}
}
