package io.vigil.events.internal.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.bench.EventBenchmark;
import io.vigil.events.ingest.Ingester;

/** {@code vigil benchmark}: measures the event store against bare Lucene, side by side. */
@Component(service = VigilCommand.class)
public final class BenchmarkCommand implements VigilCommand {

	@Override
	public String name() {
		return "benchmark";
	}

	@Override
	public String summary() {
		return "Measures ingest, search and freshness of the event store against bare Lucene.";
	}

	@Override
	public String usage() {
		return """
				benchmark [--events N] [--seed S] [--runs R] [--freshness SECONDS] [--dir DIR] [--keep]
				  --events N           events to generate and ingest (default 1000000)
				  --seed S             the generator's seed (default 42)
				  --runs R             timed runs of each search (default 30)
				  --freshness SECONDS  how long to measure freshness during continuous ingest (default 10)
				  --threads N          Vigil's ingest worker threads (default: as vigil ingest)
				  --dir DIR            an empty folder to work in (default: a new temporary folder)
				  --keep               keep the generated file, workspace and bare index
				Prints Vigil's figures beside bare Lucene's, with their ratios and goals.""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--events", "--seed", "--runs", "--freshness", "--dir", "--threads"), Set.of("--keep"));
		Path work = workFolder(arguments.value("--dir"));
		EventBenchmark.Settings settings = new EventBenchmark.Settings(
				arguments.number("--events", 1_000_000, 1000, 100_000_000), arguments.number("--seed", 42, 0, Long.MAX_VALUE),
				(int) arguments.number("--runs", 30, 5, 10_000),
				work, Duration.ofSeconds(arguments.number("--freshness", 10, 2, 3600)),
				(int) arguments.number("--threads", Ingester.Settings.defaultThreads(), 1, 64));
		try {
			EventBenchmark.Result result = new EventBenchmark(settings,
					line -> context.err().println("vigil: benchmark: " + line)).run();
			print(context.out(), result);
		} finally {
			if (!arguments.has("--keep")) {
				delete(work);
			} else {
				context.err().println("vigil: benchmark: kept " + work);
			}
		}
		return 0;
	}

	private static Path workFolder(String dir) throws IOException, CommandException {
		if (dir == null) {
			return Files.createTempDirectory("vigil-benchmark-");
		}
		Path folder = Path.of(dir).toAbsolutePath();
		Files.createDirectories(folder);
		try (Stream<Path> entries = Files.list(folder)) {
			if (entries.findAny().isPresent()) {
				throw new CommandException("--dir " + dir + " is not empty");
			}
		}
		return folder;
	}

	private static void print(PrintWriter out, EventBenchmark.Result result) {
		out.printf(Locale.ROOT, "Vigil event store benchmark: %d events, Java %s, %d processors%n", result.events(),
				Runtime.version(), Runtime.getRuntime().availableProcessors());
		out.println();
		out.printf(Locale.ROOT, "ingest       vigil %,.0f events/s   bare Lucene %,.0f events/s   ratio %.2f (goal >= 0.80)%n",
				result.vigilRate(), result.bareRate(), result.ingestRatio());
		out.println();
		out.println("search       vigil median   vigil p99   bare median   bare p99   ratio at median (goal <= 1.50)");
		for (EventBenchmark.Latency latency : result.searches()) {
			out.printf(Locale.ROOT, "  %-10s %9.2f ms %9.2f ms %10.2f ms %8.2f ms   %.2f%n", latency.name(),
					latency.vigilMedian(), latency.vigilP99(), latency.bareMedian(), latency.bareP99(), latency.ratio());
		}
		out.println();
		out.printf(Locale.ROOT, "freshness    median %.0f ms   p99 %.0f ms over %d events during continuous ingest (goal p99 <= 1000 ms)%n",
				result.freshnessMedian(), result.freshnessP99(), result.probes());
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
