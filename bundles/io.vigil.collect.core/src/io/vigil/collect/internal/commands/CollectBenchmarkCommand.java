package io.vigil.collect.internal.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.bench.CollectorBenchmark;
import io.vigil.collect.bench.SensorBenchmark;
import io.vigil.collect.sensor.Sensor;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.VigilCommand;

/** {@code vigil collect-benchmark}: Vigil's collector and sensor against bare RabbitMQ clients. */
@Component(service = VigilCommand.class)
public final class CollectBenchmarkCommand implements VigilCommand {

	@Override
	public String name() {
		return "collect-benchmark";
	}

	@Override
	public String summary() {
		return "Measures the collector and the sensor against bare RabbitMQ clients on the same broker.";
	}

	@Override
	public String usage() {
		return """
				collect-benchmark [--amqp URI] [--events N] [--rounds R]
				  --amqp URI    the broker (default: amqp://127.0.0.1:5672); temporary queues and exchanges
				                (vigil.bench.*) are made and deleted
				  --events N    messages per round (default 100000)
				  --rounds R    rounds of each side, alternating which goes first (default 3)
				Collector: durable at-least-once collection (parse, normalize, index, journal, then ack)
				against a bare consumer with manual acks draining the same messages. Sensor: following a
				syslog file (read, parse, normalize, publish, confirm, checkpoint) against a bare publisher
				with confirms in batches of the same size. Prints each round, the medians and the ratios
				against the goal (at least 0.5).""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--amqp", "--events", "--rounds"), Set.of());
		String uri = arguments.value("--amqp") == null ? "amqp://127.0.0.1:5672" : arguments.value("--amqp");
		Path work = Files.createTempDirectory("vigil-collect-benchmark");
		try {
			CollectorBenchmark.Settings settings = new CollectorBenchmark.Settings(uri,
					arguments.number("--events", 100_000, 1_000, 10_000_000), (int) arguments.number("--rounds", 3, 1, 50),
					work);
			CollectorBenchmark.Result result = new CollectorBenchmark(settings, line -> {
				context.err().println("vigil: collect-benchmark: " + line);
				context.err().flush();
			}).run();
			print(context.out(), "collector", "bare consumer (manual acks)", "Vigil collector (durable, then acked)",
					result.bare(), result.vigil(), result.ratio());
			SensorBenchmark.Result sensor = SensorBenchmark.run(new SensorBenchmark.Settings(
					AmqpSettings.of("benchmark", uri), (int) settings.events(), Sensor.DEFAULT_BATCH, settings.rounds(),
					Files.createDirectories(work.resolve("sensor"))), new PrintingLog(context.err()));
			sensor.report().forEach(context.out()::println);
			context.out().flush();
		} finally {
			delete(work);
		}
		return 0;
	}

	static void print(PrintWriter out, String what, String bareName, String vigilName, List<Double> bare,
			List<Double> vigil, double ratio) {
		out.println(String.format(Locale.ROOT, "%-40s %s msg/s", bareName, rates(bare)));
		out.println(String.format(Locale.ROOT, "%-40s %s msg/s", vigilName, rates(vigil)));
		out.println(String.format(Locale.ROOT, "%s ratio (median Vigil / median bare): %.2f (goal at least 0.5: %s)", what,
				ratio, ratio >= 0.5 ? "met" : "NOT met"));
		out.flush();
	}

	private static String rates(List<Double> values) {
		StringBuilder text = new StringBuilder();
		for (double value : values) {
			text.append(String.format(Locale.ROOT, "%,10.0f", value));
		}
		return text.toString();
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
