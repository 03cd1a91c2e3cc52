package io.vigil.rules.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.VigilCommand;
import io.vigil.rules.bench.RulesBenchmark;

/** {@code vigil rules-benchmark}: ingest with and without 100 enabled rules, in the same run. */
@Component(service = VigilCommand.class)
public final class RulesBenchmarkCommand implements VigilCommand {

	@Override
	public String name() {
		return "rules-benchmark";
	}

	@Override
	public String summary() {
		return "Measures ingest with 100 enabled rules against ingest without rules, in the same run.";
	}

	@Override
	public String usage() {
		return """
				rules-benchmark [--events N] [--rounds R] [--work DIR] [--write-rules FILE]
				  --events N  events per run (default 200000)
				  --rounds R  pairs of runs, alternating which goes first (default 5)
				  --work DIR  where the throwaway workspaces go (default: a temporary folder)
				  --write-rules FILE  only write the benchmark's 100 rules to FILE, to read or test them
				Prints each run's rate and the ratio of the medians (goal: at least 0.9).""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--events", "--rounds", "--work", "--write-rules"), Set.of());
		if (arguments.value("--write-rules") != null) {
			Files.writeString(Path.of(arguments.value("--write-rules")), RulesBenchmark.ruleText());
			context.out().println("wrote " + RulesBenchmark.RULES + " rules to " + arguments.value("--write-rules"));
			return 0;
		}
		long events = arguments.number("--events", 200_000, 1000, 100_000_000);
		int rounds = (int) arguments.number("--rounds", 5, 1, 20);
		boolean temporary = arguments.value("--work") == null;
		Path work = temporary ? Files.createTempDirectory("vigil-rules-bench") : Path.of(arguments.value("--work"));
		RulesBenchmark.Result result;
		try {
			result = new RulesBenchmark(new RulesBenchmark.Settings(events, rounds, work), context.err()::println).run();
		} finally {
			if (temporary) {
				try (Stream<Path> walk = Files.walk(work)) {
					for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(path);
					}
				}
			}
		}
		context.out().println(String.format(Locale.ROOT, "ingest with %d rules / without: %.2f (median of %d rounds)", RulesBenchmark.RULES,
				result.ratio(), rounds));
		context.out().println(String.format(Locale.ROOT, "processor time per event without rules / with: %.2f", result.cpuRatio()));
		return 0;
	}
}
