package io.vigil.collect.internal.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Component;

import io.vigil.collect.amqp.AmqpPublisher;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;

/**
 * {@code vigil publish}: sends JSON lines to a broker as they are, one message each, the way a
 * MozDef sensor would; for replaying events into collectors and for tests.
 */
@Component(service = VigilCommand.class)
public final class PublishCommand implements VigilCommand {

	private static final int BATCH = 1_000;

	@Override
	public String name() {
		return "publish";
	}

	@Override
	public String summary() {
		return "Publishes JSON lines (one event each) to a RabbitMQ exchange, with publisher confirms.";
	}

	@Override
	public String usage() {
		return """
				publish --amqp URI [--exchange X] [--routing-key K] FILE|-...
				""" + ConnectionOptions.USAGE + """

				  --exchange X      the exchange (default: eventtask, MozDef's direct exchange)
				  --routing-key K   the routing key (default: MozDef's for its exchanges, else the exchange's name)
				  FILE              a file of JSON lines, or - for standard input; each non-blank line is one message
				Messages are persistent and go out in confirmed batches of 1000; the last line is
				'published N messages'. Lines are sent as they are: collectors refuse malformed ones.""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--amqp", "--vhost", "--truststore", "--exchange", "--routing-key"), Set.of());
		if (arguments.positional().isEmpty()) {
			throw new CommandException("give at least one file of JSON lines, or - for standard input");
		}
		String exchange = arguments.value("--exchange") == null ? "eventtask" : arguments.value("--exchange");
		AmqpSettings.Binding known = AmqpSettings.Binding.forExchange(exchange, arguments.value("--routing-key"));
		AmqpSettings.Binding target = known.routingKey().equals("#") ? new AmqpSettings.Binding(exchange, known.type(), exchange)
				: known;
		AmqpSettings settings = ConnectionOptions.settings(arguments, System.getenv(), "publish", null, List.of(target));
		List<Path> files = files(arguments);
		long published = 0;
		IProgressMonitor progress = context.progress();
		progress.beginTask("publishing", IProgressMonitor.UNKNOWN);
		try (AmqpPublisher publisher = open(settings, target)) {
			for (int i = 0; i < arguments.positional().size(); i++) {
				Path file = files.get(i);
				try (BufferedReader lines = file == null
						? new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8))
						: Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					published += publish(lines, publisher, progress);
				}
			}
			publisher.confirm();
		} finally {
			progress.done();
		}
		context.out().println("published " + published + " messages");
		return 0;
	}

	private static AmqpPublisher open(AmqpSettings settings, AmqpSettings.Binding target) throws CommandException {
		try {
			return AmqpPublisher.open(settings, target, "publish");
		} catch (IOException | java.util.concurrent.TimeoutException e) {
			throw new CommandException(e.getMessage(), e);
		}
	}

	private static long publish(BufferedReader lines, AmqpPublisher publisher, IProgressMonitor progress)
			throws IOException, InterruptedException {
		long published = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			if (line.isBlank()) {
				continue;
			}
			publisher.publish(line.getBytes(StandardCharsets.UTF_8));
			published++;
			if (publisher.unconfirmed() >= BATCH) {
				publisher.confirm();
				progress.subTask(published + " messages");
				progress.worked(1);
			}
		}
		return published;
	}

	private static List<Path> files(Arguments arguments) throws CommandException {
		List<Path> files = new ArrayList<>();
		for (String argument : arguments.positional()) {
			if (argument.equals("-")) {
				files.add(null);
				continue;
			}
			Path file = Path.of(argument);
			if (!Files.isReadable(file)) {
				throw new CommandException("cannot read " + argument);
			}
			files.add(file);
		}
		return files;
	}
}
