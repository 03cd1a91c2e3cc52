package io.vigil.rules.internal.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.search.TimeExpressions;
import io.vigil.events.store.FacetCount;
import io.vigil.rules.CompileResult;
import io.vigil.rules.ImportReport;
import io.vigil.rules.LibraryRule;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleProblem;
import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.eval.Backtest;
import io.vigil.rules.eval.BacktestResult;

/** {@code vigil rules}: import, list, enable, disable and test alert rules. */
@Component(service = VigilCommand.class)
public final class RulesCommand implements VigilCommand {

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public String summary() {
		return "Imports, lists, enables and tests alert rules (Sigma and MozDef's alert JSON).";
	}

	@Override
	public String usage() {
		return """
				rules import PATH [--enable] | rules list | rules enable ID... | rules disable ID...
				rules test RULE_FILE [--from T] [--to T] [--count]
				  import PATH  imports a rule file, or every .yml, .yaml and .json file under a folder; prints
				               'imported N rules, unsupported M' and the reason for each rule not imported
				  --enable     enables the rules imported
				  list         prints every rule: id, enabled, level, kind, status, title (and why it is unmapped)
				  enable ID    runs the rule on every event stored from now on (disable stops it)
				  test FILE    runs the rules of FILE (and the library rules its correlations name) over the
				               stored events of the range, as streaming would, and prints the alerts they would
				               raise, alerts per day and the top grouped values; nothing is stored
				  --from T, --to T the range (ISO 8601, now, or relative like -24h; default: every event)
				  --count      print only the number of alerts""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--from", "--to"), Set.of("--enable", "--count"));
		List<String> positional = arguments.positional();
		if (positional.isEmpty()) {
			throw new CommandException("give what to do: import, list, enable, disable or test");
		}
		String action = positional.get(0);
		List<String> rest = positional.subList(1, positional.size());
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC())) {
			RuleWorkspace rules = RuleWorkspace.open(events);
			switch (action) {
				case "import" -> importRules(rules, one(rest, "import needs a PATH"), arguments.has("--enable"), context);
				case "list" -> list(rules, context);
				case "enable", "disable" -> enable(rules, rest, action.equals("enable"), context);
				case "test" -> test(rules, one(rest, "test needs a RULE_FILE"), arguments, context);
				default -> throw new CommandException("unknown action '" + action + "'; use import, list, enable, disable or test");
			}
		}
		return 0;
	}

	private static String one(List<String> rest, String message) throws CommandException {
		if (rest.size() != 1) {
			throw new CommandException(message);
		}
		return rest.get(0);
	}

	private static void importRules(RuleWorkspace rules, String path, boolean enable, CommandContext context)
			throws Exception {
		Path source = Path.of(path);
		if (!Files.exists(source)) {
			throw new CommandException("no rule file or folder at " + source);
		}
		List<String> before = rules.library().list().stream().map(LibraryRule::id).toList();
		ImportReport report = rules.library().importPath(source, context.progress());
		for (RuleProblem problem : report.unsupported()) {
			context.out().println("unsupported: " + problem);
		}
		if (enable) {
			for (LibraryRule rule : rules.library().list()) {
				if (!before.contains(rule.id())) {
					rules.library().setEnabled(rule.id(), true);
				}
			}
		}
		context.out().println("imported " + report.imported() + " rules, unsupported " + report.unsupported().size()
				+ (report.unchanged() > 0 ? ", unchanged " + report.unchanged() : "") + " (from " + report.files() + " files)");
	}

	private static void list(RuleWorkspace rules, CommandContext context) throws Exception {
		for (LibraryRule rule : rules.library().list()) {
			context.out().println(String.format(Locale.ROOT, "%-40s %-8s %-13s %-11s %-12s v%d %s%s", rule.id(),
					rule.enabled() ? "enabled" : "disabled", rule.level().sigmaName(), rule.kind().name().toLowerCase(Locale.ROOT),
					rule.status(), rule.version(), rule.title(), rule.unmapped().isEmpty() ? "" : "  [unmapped: " + rule.unmapped() + "]"));
		}
	}

	private static void enable(RuleWorkspace rules, List<String> ids, boolean on, CommandContext context)
			throws Exception {
		if (ids.isEmpty()) {
			throw new CommandException("give the ids of the rules (see vigil rules list)");
		}
		for (String id : ids) {
			Optional<LibraryRule> rule = rules.library().get(id);
			if (rule.isEmpty()) {
				throw new CommandException("no rule with id " + id + " (see vigil rules list)");
			}
			rules.library().setEnabled(id, on);
			context.out().println((on ? "enabled " : "disabled ") + id + " " + rule.get().title());
		}
	}

	private static void test(RuleWorkspace rules, String file, Arguments arguments, CommandContext context)
			throws Exception {
		Path path = Path.of(file);
		String text;
		try {
			text = Files.readString(path, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CommandException("cannot read the rule file " + path + ": " + e.getMessage());
		}
		CompileResult compiled = rules.compiler().compile(text, path.toString());
		for (RuleProblem problem : compiled.problems()) {
			context.err().println("unsupported: " + problem);
		}
		if (compiled.rules().isEmpty()) {
			throw new CommandException(path + " holds no rule that can run");
		}
		List<Rule> chosen = rules.library().withReferences(compiled.rules());
		Clock clock = Clock.systemUTC();
		TimeRange range = new TimeRange(time("--from", arguments.value("--from"), clock),
				time("--to", arguments.value("--to"), clock));
		BacktestResult result = Backtest.run(rules.events().store(), chosen, range, clock, context.progress());
		if (arguments.has("--count")) {
			context.out().println(result.alerts().size());
			return;
		}
		for (AlertDraft alert : result.alerts()) {
			context.out().println(alert.time() + "  " + alert.severity().sigmaName() + "  " + alert.summary()
					+ (alert.groupValue().isEmpty() ? "" : "  [" + alert.groupField() + "=" + alert.groupValue() + "]"));
		}
		context.out().println(result.alerts().size() + " alerts from " + result.scanned() + " events");
		result.perDay().forEach((day, count) -> context.out().println("  " + day + ": " + count));
		for (FacetCount group : result.topGroups()) {
			context.out().println("  top " + group.value() + ": " + group.count());
		}
	}

	private static Instant time(String option, String value, Clock clock) throws CommandException {
		if (value == null || value.isBlank()) {
			return null;
		}
		return TimeExpressions.parse(value, clock).orElseThrow(() -> new CommandException(option + " '" + value
				+ "' is not a time; use ISO 8601 (2026-12-03T10:00:00Z), now, or a relative time such as -24h"));
	}
}
