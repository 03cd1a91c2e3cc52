package io.vigil.collect.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.bench.SensorBenchmark;
import io.vigil.collect.sensor.Sensor;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;

/** {@code vigil sensor-benchmark}: the sensor's publish rate against a bare publisher with confirms. */
@Component(service = VigilCommand.class)
public final class SensorBenchmarkCommand implements VigilCommand {

	@Override
	public String name() {
		return "sensor-benchmark";
	}

	@Override
	public String summary() {
		return "Measures the sensor's publish rate against a bare RabbitMQ publisher with confirms.";
	}

	@Override
	public String usage() {
		return """
				sensor-benchmark --amqp URI [--events N] [--batch N] [--runs R] [--dir DIR]
				""" + ConnectionOptions.USAGE + """

				  --events N   syslog lines to publish, on each side (default 100000)
				  --batch N    events between two waits for confirms, on both sides (default: the sensor's, 1000)
				  --runs R     runs of each side, alternating; the best counts (default 2)
				  --dir DIR    an empty folder to work in (default: a new temporary folder, deleted afterwards)
				Both sides publish to a temporary queue of their own, deleted at the end. The goal is a
				sensor rate of at least half the bare publisher's.""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--amqp", "--vhost", "--truststore", "--events", "--batch", "--runs", "--dir"), Set.of());
		AmqpSettings amqp = ConnectionOptions.settings(arguments, System.getenv(), "benchmark", null, null);
		boolean temporary = arguments.value("--dir") == null;
		Path folder = temporary ? Files.createTempDirectory("vigil-sensor-benchmark")
				: Files.createDirectories(Path.of(arguments.value("--dir")));
		try {
			SensorBenchmark.Settings settings = new SensorBenchmark.Settings(amqp,
					(int) arguments.number("--events", 100_000, 1, 100_000_000),
					(int) arguments.number("--batch", Sensor.DEFAULT_BATCH, 1, 100_000),
					(int) arguments.number("--runs", 2, 1, 100), folder);
			SensorBenchmark.Result result = SensorBenchmark.run(settings, new PrintingLog(context.err()));
			result.report().forEach(context.out()::println);
			context.out().flush();
		} catch (IOException e) {
			throw new CommandException("the benchmark failed: " + e.getMessage(), e);
		} finally {
			if (temporary) {
				deleteTree(folder);
			}
		}
		return 0;
	}

	private static void deleteTree(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
