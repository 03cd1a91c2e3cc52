package io.vigil.rules.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.bench.EventGenerator;
import io.vigil.events.ingest.Ingester;
import io.vigil.rules.LibraryRule;
import io.vigil.rules.RuleRunner;
import io.vigil.rules.RuleWorkspace;

/**
 * Measures what running rules costs ingest: the same generated events are ingested into fresh
 * workspaces without rules and with {@link #RULES} enabled rules (single-event and correlation
 * rules), in pairs that alternate which goes first after uncounted warm-up pairs. Each pair's
 * runs follow each other, so they share the state of the machine (JIT, page cache, other load);
 * the median of the pairs' ratios is the result.
 */
public final class RulesBenchmark {

	/** How many rules the measured run enables. */
	public static final int RULES = 100;

	/**
	 * How many uncounted pairs come first. With two, rates still climbed through the measured
	 * rounds (the JIT compiling, which costs the side with rules more) and round ratios ranged
	 * from 0.79 to 1.02; with four they are level and within a few hundredths of each other.
	 */
	private static final int WARM_UP_PAIRS = 4;

	/**
	 * What to measure.
	 *
	 * @param events how many events each run ingests
	 * @param rounds how many pairs of runs
	 * @param work a folder for the workspaces and the input
	 */
	public record Settings(long events, int rounds, Path work) {
	}

	/**
	 * What was measured.
	 *
	 * @param bareRates ingest rates without rules, events per second
	 * @param ruleRates ingest rates with the rules
	 * @param alerts alerts stored in each run with rules
	 * @param bareCpu the process's processor time per event without rules, microseconds
	 * @param ruleCpu the same with the rules, the alert writer included
	 */
	public record Result(double[] bareRates, double[] ruleRates, long[] alerts, double[] bareCpu, double[] ruleCpu) {

		/** Returns the ratio of one round: the rate with rules over the rate without. */
		public double ratio(int round) {
			return ruleRates[round] / bareRates[round];
		}

		/** Returns the median of the rounds' ratios. */
		public double ratio() {
			double[] ratios = new double[ruleRates.length];
			for (int round = 0; round < ratios.length; round++) {
				ratios[round] = ratio(round);
			}
			return median(ratios);
		}

		/**
		 * Returns the median over the rounds of processor time per event without rules over with
		 * them: what the rules cost in work, which other load on the machine disturbs less than rates.
		 */
		public double cpuRatio() {
			double[] ratios = new double[ruleCpu.length];
			for (int round = 0; round < ratios.length; round++) {
				ratios[round] = bareCpu[round] / ruleCpu[round];
			}
			return median(ratios);
		}
	}

	private final Settings settings;
	private final Consumer<String> log;
	private Workspace bareWorkspace;
	private Workspace ruleWorkspace;

	/** Makes a benchmark that reports its steps to a log. */
	public RulesBenchmark(Settings settings, Consumer<String> log) {
		this.settings = settings;
		this.log = log;
	}

	/** Runs the benchmark. */
	public Result run() throws Exception {
		Files.createDirectories(settings.work());
		Path input = settings.work().resolve("events.jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
			new EventGenerator(7).write(settings.events(), out);
		}
		log.accept("generated " + settings.events() + " events");
		try (Workspace bare = Workspace.open(settings.work().resolve("without-rules"), "rules benchmark");
				Workspace ruled = Workspace.open(settings.work().resolve("with-rules"), "rules benchmark")) {
			bareWorkspace = bare;
			ruleWorkspace = ruled;
			return measure(input);
		} finally {
			deleteTree(settings.work().resolve("without-rules"));
			deleteTree(settings.work().resolve("with-rules"));
		}
	}

	private Result measure(Path input) throws Exception {
		// Both paths warm up uncounted: the first alerts also compile Derby's statements and bring
		// its code to the JIT, which a long-running Vigil does once.
		for (int pair = 1; pair <= WARM_UP_PAIRS; pair++) {
			ingest(input, false, "warm-up " + pair);
			ingest(input, true, "warm-up " + pair);
		}
		double[] bare = new double[settings.rounds()];
		double[] ruled = new double[settings.rounds()];
		long[] alerts = new long[settings.rounds()];
		double[] bareCpu = new double[settings.rounds()];
		double[] ruleCpu = new double[settings.rounds()];
		for (int round = 0; round < settings.rounds(); round++) {
			boolean rulesFirst = round % 2 == 1;
			for (int turn = 0; turn < 2; turn++) {
				boolean withRules = rulesFirst == (turn == 0);
				Run run = ingest(input, withRules, "round " + (round + 1));
				if (withRules) {
					ruled[round] = run.rate;
					alerts[round] = run.alerts;
					ruleCpu[round] = run.cpuPerEvent;
				} else {
					bare[round] = run.rate;
					bareCpu[round] = run.cpuPerEvent;
				}
			}
			log.accept(String.format(Locale.ROOT, "round %d ratio: %.2f (processor time: %.2f)", round + 1,
					ruled[round] / bare[round], bareCpu[round] / ruleCpu[round]));
		}
		return new Result(bare, ruled, alerts, bareCpu, ruleCpu);
	}

	private record Run(double rate, long alerts, double cpuPerEvent) {
	}

	/**
	 * Ingests into the workspace of its mode, emptied of events and alerts first. Each mode keeps
	 * one workspace (and its database) for all its runs, as a running Vigil does: what is measured
	 * is ingest, not opening a database.
	 */
	private Run ingest(Path input, boolean withRules, String label) throws Exception {
		Workspace workspace = withRules ? ruleWorkspace : bareWorkspace;
		empty(workspace);
		try (EventWorkspace events = EventWorkspace.open(workspace, Clock.systemUTC())) {
			RuleWorkspace rules = RuleWorkspace.open(events);
			RuleRunner runner = null;
			if (withRules) {
				if (rules.library().list().isEmpty()) {
					rules.library().save(ruleText(), "benchmark-rules.yml");
					for (LibraryRule rule : rules.library().list()) {
						rules.library().setEnabled(rule.id(), true);
					}
				}
				runner = rules.runner(log);
				runner.start();
			}
			long started = System.nanoTime();
			long cpuStarted = processCpuNanos();
			long gcStarted = gcMillis();
			events.ingester(Ingester.Settings.defaults()).ingest(List.of(Ingester.Source.of(input)), new NullProgressMonitor());
			double seconds = (System.nanoTime() - started) / 1e9;
			long stored = 0;
			if (runner != null) {
				runner.awaitStored(60_000);
				stored = runner.stored();
			}
			double cpuPerEvent = (processCpuNanos() - cpuStarted) / 1e3 / settings.events();
			long gc = gcMillis() - gcStarted;
			if (runner != null) {
				runner.close();
				StringBuilder top = new StringBuilder();
				rules.alerts().metrics().values().stream()
						.sorted((a, b) -> Long.compare(b.alerts(), a.alerts())).limit(3)
						.forEach(m -> top.append(top.isEmpty() ? "" : ", ").append(m.ruleId()).append(' ').append(m.alerts()));
				log.accept("  most alerts: " + top);
			}
			double rate = settings.events() / seconds;
			log.accept(String.format(Locale.ROOT, "%s %s: %.0f events/s, %.1f µs of processor per event, %d ms of"
					+ " collections%s", label, withRules ? "with " + RULES + " rules" : "without rules", rate, cpuPerEvent, gc,
					withRules ? ", " + stored + " alerts" : ""));
			return new Run(rate, stored, cpuPerEvent);
		}
	}

	/** Deletes a workspace's events and alerts, keeping its rules. */
	private static void empty(Workspace workspace) throws Exception {
		Path index = workspace.indexDirectory();
		if (Files.exists(index)) {
			deleteTree(index);
		}
		try (Connection connection = workspace.database().connect(); Statement statement = connection.createStatement()) {
			for (String table : List.of("ALERT_EVENT", "ALERT_NOTE", "ALERT_ACTION", "ALERT")) {
				try {
					statement.executeUpdate("DELETE FROM " + table);
				} catch (SQLException e) {
					// Not made yet: the first run of the workspace.
				}
			}
		}
	}

	/** Returns the rules: 70 single-event rules over the generated events' fields, 30 correlations. */
	public static String ruleText() {
		StringBuilder text = new StringBuilder();
		String[] words = { "payload", "bash -i", "nc -e", "wget", "chmod 777", "/etc/shadow", "base64 -d", "python -c",
				"crontab", "authorized_keys" };
		String[] users = { "root", "admin", "backup", "deploy", "guest", "oracle", "test" };
		for (int i = 0; i < 70; i++) {
			text.append("title: Single ").append(i).append("\nid: bench-single-").append(i).append('\n');
			switch (i % 7) {
				case 0 -> text.append("logsource: {product: linux, category: process_creation}\ndetection:\n  sel: {CommandLine|contains: '")
						.append(words[i % words.length]).append(i).append("'}\n  condition: sel\n");
				case 1 -> text.append("logsource: {category: authentication}\ndetection:\n  sel: {User: ").append(users[i % users.length])
						.append(", DestinationPort: 2222, details.success: true}\n  condition: sel\n");
				case 2 -> text.append("logsource: {category: authentication}\ndetection:\n  sel: {SourceIp|cidr: '203.0.")
						.append(i).append(".0/24'}\n  condition: sel\n");
				case 3 -> text.append("logsource: {product: linux, service: sudo}\ndetection:\n  sel: {summary|re: 'COMMAND=.*")
						.append(words[i % words.length].replace(" ", "\\\\s")).append("x").append(i).append("'}\n  condition: sel\n");
				case 4 -> text.append("logsource: {product: linux, service: sudo}\ndetection:\n  sel: {details.targetuser: postgres}\n")
						.append("  filter: {User: [alice, bob, carol, dave, deploy, backup, admin, root]}\n  condition: sel and not filter\n");
				case 5 -> text.append("logsource: {product: linux, category: process_creation}\ndetection:\n  sel: {hostname|startswith: 'dmz")
						.append(i).append("'}\n  keywords: ['").append(words[i % words.length]).append(i).append("']\n  condition: sel or keywords\n");
				default -> text.append("logsource: {category: webserver}\ndetection:\n  sel1: {cs-uri-stem|endswith: '.php")
						.append(i).append("'}\n  sel2: {sc-status|gte: 599}\n  condition: 1 of sel*\n");
			}
			text.append("---\n");
		}
		text.append("title: Failed login\nid: bench-failed\nname: bench_failed\nlogsource: {category: authentication}\n")
				.append("detection: {sel: {details.success: false}, condition: sel}\n---\n");
		for (int i = 0; i < 29; i++) {
			text.append("title: Correlation ").append(i).append("\nid: bench-corr-").append(i).append('\n');
			if (i % 3 == 0) {
				text.append("correlation:\n  type: event_count\n  rules: [bench_failed]\n  group-by: [SourceIp]\n  timespan: ")
						.append(5 + i).append("m\n  condition: {gte: ").append(40 + i).append("}\n");
			} else if (i % 3 == 1) {
				text.append("correlation:\n  type: value_count\n  rules: [bench_failed]\n  group-by: [SourceIp]\n  timespan: ")
						.append(10 + i).append("m\n  condition: {field: User, gte: ").append(8 + i % 4).append("}\n");
			} else {
				text.append("logsource: {category: authentication}\ndetection:\n  sel: {details.success: false, User: ")
						.append(users[i % users.length]).append("}\n  condition: sel\nvigil:\n  threshold: {group-by: [SourceIp], count: ")
						.append(30 + i).append(", timespan: 15m}\n");
			}
			text.append("---\n");
		}
		return text.toString();
	}

	/** Returns the time the garbage collectors report having spent, all of them together. */
	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionTime());
		}
		return total;
	}

	/** Returns the processor time this process has used, all its threads together. */
	private static long processCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
				.orElseThrow(() -> new IllegalStateException("this system does not report the process's processor time"));
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static void deleteTree(Path folder) throws IOException {
		List<Path> paths = new ArrayList<>();
		try (var walk = Files.walk(folder)) {
			walk.forEach(paths::add);
		}
		for (int i = paths.size() - 1; i >= 0; i--) {
			Files.deleteIfExists(paths.get(i));
		}
	}
}
