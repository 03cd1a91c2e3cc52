package io.vigil.incidents.internal.commands;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.search.TimeExpressions;
import io.vigil.incidents.EntryMark;
import io.vigil.incidents.EvidenceDraft;
import io.vigil.incidents.IncidentAction;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentJson;
import io.vigil.incidents.IncidentMetrics;
import io.vigil.incidents.IncidentPhase;
import io.vigil.incidents.IncidentPromotion;
import io.vigil.incidents.IncidentSeverity;
import io.vigil.incidents.IncidentStatus;
import io.vigil.incidents.IncidentStore;
import io.vigil.incidents.KeyDate;
import io.vigil.incidents.Observable;
import io.vigil.incidents.ObservableKind;
import io.vigil.incidents.PromotionReport;
import io.vigil.incidents.Tlp;
import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineExport;
import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.alerts.AlertFilter;
import io.vigil.rules.alerts.AlertStatus;

/** {@code vigil incident}: incidents, their notes, evidence, observables, timeline and metrics. */
@Component(service = VigilCommand.class)
public final class IncidentCommand implements VigilCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
	private static final String BY = "--by";
	private static final String ACTIONS = "new, list, show, note, phase, evidence, observable, timeline, metrics, set,"
			+ " date, task, done, technique, reference, mark, report, navigator";

	/** Actions other capabilities contribute, by name. */
	private final Map<String, IncidentAction> contributed = new ConcurrentSkipListMap<>();

	/** Adds an action another capability contributes. */
	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addAction(IncidentAction action) {
		contributed.put(action.name(), action);
	}

	/** Removes a contributed action. */
	void removeAction(IncidentAction action) {
		contributed.remove(action.name(), action);
	}

	@Override
	public String name() {
		return "incident";
	}

	@Override
	public String summary() {
		return "Creates, lists and works on incidents: notes, phases, evidence, observables, timeline, metrics.";
	}

	@Override
	public String usage() {
		return """
				incident ACTION ...   (new, list, show, note, phase, evidence, observable, timeline, metrics, set,
				                       date, task, done, technique, reference, mark)
				  incident new --title T [--summary S] [--severity low|medium|high|critical] [--owner O]
				               [--tlp clear|green|amber|amber+strict|red] [--events QUERY] [--alerts WHICH]
				               prints the new incident's id; --events promotes the events an Event Search
				               query finds (at most 10000); --alerts promotes alerts with their events:
				               all, open, numbers (12,15,17) or a rule id (all alerts of that rule)
				  incident list [--status open|closed] [--owner O] [--severity X] [--phase P] [--text T]
				               [--format table|json]
				  incident show ID [--format text|json]     ID may be any unique start of an incident id
				  incident note ID TEXT
				  incident phase ID identification|containment|eradication|recovery|lessons_learned|closed
				  incident evidence ID FILE [--description D] [--source S] [--media-type T]
				               copies FILE into the workspace and prints its SHA-256
				  incident observable ID ip|user|host|domain|hash|url VALUE [--comment C]
				               prints the Event Search query that pivots on it
				  incident timeline ID [--format csv|jsonl|png] [--out FILE] [--kind K]... [--text T]
				               [--lanes host|user|source]   png (a chart, needs --out) draws swim lanes
				  incident report ID --format md|html|pdf --out FILE
				               summary, key dates and response times, timeline, observables, ATT&CK
				               techniques, evidence with hashes and custody, tasks, analysis, notes
				  incident navigator ID --out FILE     the ATT&CK techniques as a Navigator layer
				  incident metrics [--status S] [--format table|json]
				               time to detect, verify, contain and mitigate per incident, with median and mean
				  incident set ID [--title T] [--summary S] [--severity X] [--owner O] [--tlp X] [--theories T]
				               [--mitigations M] [--lessons L]
				  incident date ID detected|reported|verified|contained|mitigated|closed TIME|-
				               TIME is ISO-8601 (2026-12-03T10:05:00Z), now, or relative (-2h); - forgets the date
				  incident task ID TITLE [--assignee A] [--due TIME]     prints the task's id
				  incident done ID TASK-ID
				  incident technique ID T1110[.001]...
				  incident reference ID TEXT-OR-URL
				  incident mark ID ENTRY-KEY [--star|--unstar] [--tag T]... [--comment C]
				               ENTRY-KEY as the timeline export's key column shows it (event:ID, note:UUID...)
				  --by NAME    who does it (default: the user running vigil)""" + contributedUsage();
	}

	private String contributedUsage() {
		StringBuilder usage = new StringBuilder();
		contributed.values().forEach(action -> usage.append('\n').append(action.usage().strip().indent(2).stripTrailing()));
		return usage.toString();
	}

	@Override
	public int run(CommandContext context) throws Exception {
		List<String> all = context.arguments();
		if (all.isEmpty()) {
			throw new CommandException("use: incident ACTION ... (" + ACTIONS + "); run 'vigil help incident'");
		}
		String action = all.get(0);
		List<String> rest = all.subList(1, all.size());
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC())) {
			IncidentStore store = IncidentStore.open(context.workspace(), events.clock());
			Session session = new Session(context, events, store);
			return switch (action) {
				case "new" -> session.create(rest);
				case "list" -> session.list(rest);
				case "show" -> session.show(rest);
				case "note" -> session.note(rest);
				case "phase" -> session.phase(rest);
				case "evidence" -> session.evidence(rest);
				case "observable" -> session.observable(rest);
				case "timeline" -> session.timeline(rest);
				case "metrics" -> session.metrics(rest);
				case "set" -> session.set(rest);
				case "date" -> session.date(rest);
				case "task" -> session.task(rest);
				case "done" -> session.done(rest);
				case "technique" -> session.technique(rest);
				case "reference" -> session.reference(rest);
				case "mark" -> session.mark(rest);
				case "report" -> session.report(rest);
				case "navigator" -> session.navigator(rest);
				default -> contributed(action, context, rest, store);
			};
		} catch (IllegalArgumentException e) {
			throw new CommandException(e.getMessage(), e);
		} catch (QuerySyntaxException e) {
			throw new CommandException("--events: " + e.getMessage(), e);
		}
	}

	private int contributed(String action, CommandContext context, List<String> arguments, IncidentStore store)
			throws Exception {
		IncidentAction contribution = contributed.get(action);
		if (contribution == null) {
			String others = contributed.isEmpty() ? "" : ", " + String.join(", ", contributed.keySet());
			throw new CommandException("unknown incident action '" + action + "' (expected " + ACTIONS + others + ")");
		}
		return contribution.run(context, arguments, store);
	}

	/** One run's workspace and console. */
	private record Session(CommandContext context, EventWorkspace events, IncidentStore store) {

		int create(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--title", "--summary", "--severity", "--owner", "--tlp",
					"--events", "--alerts", BY), Set.of());
			if (!options.positional().isEmpty()) {
				throw new CommandException("incident new takes no positional arguments; give --title T");
			}
			String title = options.value("--title");
			if (title == null || title.isBlank()) {
				throw new CommandException("incident new needs --title T");
			}
			IncidentFields fields = IncidentFields.titled(title).withSummary(options.value("--summary"))
					.withOwner(options.value("--owner"));
			if (options.value("--severity") != null) {
				fields = fields.withSeverity(IncidentSeverity.parse(options.value("--severity")));
			}
			if (options.value("--tlp") != null) {
				fields = fields.withTlp(Tlp.parse(options.value("--tlp")));
			}
			AlertChoice alerts = options.value("--alerts") == null ? null : AlertChoice.parse(options.value("--alerts"));
			Incident incident = store.create(fields, who(options));
			try {
				promote(incident.id(), options.value("--events"), alerts);
			} catch (Exception e) {
				store.delete(incident.id());
				throw e;
			}
			context.out().println(incident.id());
			return 0;
		}

		private void promote(String id, String query, AlertChoice alerts) throws Exception {
			if (query == null && alerts == null) {
				return;
			}
			RuleWorkspace rules = RuleWorkspace.open(events);
			IncidentPromotion promotion = new IncidentPromotion(store, events, rules.alerts());
			PromotionReport report = new PromotionReport(0, 0, List.of());
			if (query != null) {
				report = report.plus(promotion.promoteEvents(id, query));
			}
			if (alerts != null) {
				report = report.plus(alerts.ids().isEmpty() ? promotion.promoteAlerts(id, alerts.filter())
						: promotion.promoteAlerts(id, alerts.ids()));
			}
			context.err().println("incident " + id + ": " + report.added() + " items promoted"
					+ (report.missingEvents().isEmpty() ? ""
							: "; " + report.missingEvents().size() + " events of the alerts are no longer stored"));
		}

		int list(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--status", "--owner", "--severity", "--phase", "--text",
					"--format"), Set.of());
			String format = format(options, "table", "table", "json");
			Set<IncidentStatus> statuses = new HashSet<>();
			options.values("--status").forEach(s -> statuses.add(IncidentStatus.parse(s)));
			Set<IncidentSeverity> severities = new HashSet<>();
			options.values("--severity").forEach(s -> severities.add(IncidentSeverity.parse(s)));
			Set<IncidentPhase> phases = new HashSet<>();
			options.values("--phase").forEach(p -> phases.add(IncidentPhase.parse(p)));
			List<Incident> found = store.list(new IncidentFilter(statuses, options.value("--owner"), severities, phases,
					options.value("--text")));
			if (format.equals("json")) {
				ArrayNode array = JSON.createArrayNode();
				found.forEach(incident -> array.add(IncidentJson.toJson(incident)));
				context.out().println(JSON.writeValueAsString(array));
			} else {
				found.forEach(incident -> context.out().println(IncidentText.row(incident)));
			}
			return 0;
		}

		int show(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--format"), Set.of());
			String format = format(options, "text", "text", "json");
			Incident incident = store.require(resolve(one(options, "incident show ID")));
			if (format.equals("json")) {
				context.out().println(JSON.writeValueAsString(IncidentJson.toJson(incident)));
			} else {
				IncidentText.show(incident, context.out());
			}
			return 0;
		}

		int note(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(BY), Set.of());
			List<String> given = positional(options, 2, "incident note ID TEXT");
			String id = resolve(given.get(0));
			store.addNote(id, who(options), given.get(1));
			return 0;
		}

		int phase(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(BY), Set.of());
			List<String> given = positional(options, 2, "incident phase ID PHASE");
			IncidentPhase phase = IncidentPhase.parse(given.get(1));
			Incident changed = store.changePhase(resolve(given.get(0)), phase, who(options));
			context.out().println(changed.id() + " " + changed.phase().label() + " (" + changed.status().label() + ")");
			return 0;
		}

		int evidence(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--description", "--source", "--media-type", BY),
					Set.of());
			List<String> given = positional(options, 2, "incident evidence ID FILE");
			String id = resolve(given.get(0));
			Path file = Path.of(given.get(1));
			if (!Files.isRegularFile(file)) {
				throw new CommandException("evidence file " + file + " does not exist or is not a file");
			}
			EvidenceDraft draft = new EvidenceDraft(file.getFileName().toString(), options.value("--media-type"),
					options.value("--description"), options.value("--source"), who(options));
			context.out().println(store.addEvidence(id, file, draft).sha256());
			return 0;
		}

		int observable(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--comment"), Set.of());
			List<String> given = positional(options, 3, "incident observable ID KIND VALUE");
			ObservableKind kind = ObservableKind.parse(given.get(1));
			Observable observable = store.addObservable(resolve(given.get(0)), kind, given.get(2),
					options.value("--comment"));
			context.out().println(observable.pivotQuery());
			return 0;
		}

		int timeline(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--format", "--out", "--kind", "--text", "--lanes"),
					Set.of());
			String format = format(options, "csv", "csv", "jsonl", "png");
			Set<EntryKind> kinds = new HashSet<>();
			options.values("--kind").forEach(kind -> kinds.add(EntryKind.parse(kind)));
			Incident incident = store.require(resolve(one(options, "incident timeline ID")));
			Timeline timeline = Timeline.of(incident).filter(kinds, options.value("--text"));
			String out = options.value("--out");
			if (format.equals("png")) {
				return IncidentReports.chart(context, incident, timeline, options.value("--lanes"), out);
			}
			if (out == null) {
				write(timeline, format, context.out());
				return 0;
			}
			try (Writer file = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
				write(timeline, format, file);
			} catch (IOException e) {
				throw new CommandException("cannot write " + out + ": " + e.getMessage(), e);
			}
			context.err().println(timeline.size() + " entries written to " + out);
			return 0;
		}

		private static void write(Timeline timeline, String format, Writer out) throws IOException {
			if (format.equals("csv")) {
				TimelineExport.csv(timeline.entries(), out);
			} else {
				TimelineExport.jsonLines(timeline.entries(), out);
			}
		}

		int report(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--format", "--out"), Set.of());
			String format = format(options, "pdf", "md", "markdown", "html", "pdf");
			Incident incident = store.require(resolve(one(options, "incident report ID --format md|html|pdf --out FILE")));
			return IncidentReports.report(context, incident, store.clock(), format, options.value("--out"));
		}

		int navigator(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--out"), Set.of());
			Incident incident = store.require(resolve(one(options, "incident navigator ID --out FILE")));
			return IncidentReports.navigator(context, incident, options.value("--out"));
		}

		int metrics(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--status", "--format"), Set.of());
			String format = format(options, "table", "table", "json");
			Set<IncidentStatus> statuses = new HashSet<>();
			options.values("--status").forEach(s -> statuses.add(IncidentStatus.parse(s)));
			List<IncidentMetrics> metrics = new ArrayList<>();
			for (Incident incident : store.list(new IncidentFilter(statuses, "", Set.of(), Set.of(), ""))) {
				metrics.add(IncidentMetrics.of(incident));
			}
			if (format.equals("json")) {
				context.out().println(JSON.writeValueAsString(IncidentText.metricsJson(metrics)));
			} else {
				IncidentText.metrics(metrics, context.out());
			}
			return 0;
		}

		int set(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--title", "--summary", "--severity", "--owner", "--tlp",
					"--theories", "--mitigations", "--lessons", BY), Set.of());
			String id = resolve(one(options, "incident set ID [options]"));
			IncidentFields fields = store.require(id).fields();
			IncidentFields changed = new IncidentFields(
					or(options.value("--title"), fields.title()), or(options.value("--summary"), fields.summary()),
					options.value("--severity") == null ? fields.severity()
							: IncidentSeverity.parse(options.value("--severity")),
					or(options.value("--owner"), fields.owner()),
					options.value("--tlp") == null ? fields.tlp() : Tlp.parse(options.value("--tlp")), fields.dates(),
					or(options.value("--theories"), fields.theories()),
					or(options.value("--mitigations"), fields.mitigations()),
					or(options.value("--lessons"), fields.lessonsLearned()));
			store.update(id, changed, who(options));
			return 0;
		}

		private static String or(String given, String fallback) {
			return given == null ? fallback : given;
		}

		int date(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(BY), Set.of());
			List<String> given = positional(options, 3, "incident date ID KEY-DATE TIME|-");
			String id = resolve(given.get(0));
			KeyDate date = KeyDate.parse(given.get(1));
			Instant value = given.get(2).equals("-") ? null : time(given.get(2), "the " + date.label() + " date");
			IncidentFields fields = store.require(id).fields();
			store.update(id, fields.withDates(fields.dates().with(date, value)), who(options));
			return 0;
		}

		private Instant time(String text, String what) throws CommandException {
			return TimeExpressions.parse(text, events.clock()).orElseThrow(() -> new CommandException(what + " '" + text
					+ "' is not a time (use ISO-8601 such as 2026-12-03T10:05:00Z, now, or -2h)"));
		}

		int task(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--assignee", "--due"), Set.of());
			List<String> given = positional(options, 2, "incident task ID TITLE [--assignee A] [--due TIME]");
			Instant due = options.value("--due") == null ? null : time(options.value("--due"), "--due");
			context.out().println(store.addTask(resolve(given.get(0)), given.get(1), options.value("--assignee"), due).id());
			return 0;
		}

		int done(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(), Set.of());
			List<String> given = positional(options, 2, "incident done ID TASK-ID");
			try {
				store.setTaskDone(resolve(given.get(0)), given.get(1), true);
			} catch (WorkspaceException e) {
				throw new CommandException(e.getMessage(), e);
			}
			return 0;
		}

		int technique(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(), Set.of());
			if (options.positional().size() < 2) {
				throw new CommandException("use: incident technique ID T1110[.001]...");
			}
			String id = resolve(options.positional().get(0));
			for (String technique : options.positional().subList(1, options.positional().size())) {
				store.addTechnique(id, technique);
			}
			return 0;
		}

		int reference(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of(), Set.of());
			List<String> given = positional(options, 2, "incident reference ID TEXT-OR-URL");
			store.addReference(resolve(given.get(0)), given.get(1));
			return 0;
		}

		int mark(List<String> arguments) throws Exception {
			Arguments options = Arguments.parse(arguments, Set.of("--tag", "--comment"), Set.of("--star", "--unstar"));
			List<String> given = positional(options, 2, "incident mark ID ENTRY-KEY [--star|--unstar] [--tag T]..."
					+ " [--comment C]");
			String id = resolve(given.get(0));
			Incident incident = store.require(id);
			String key = given.get(1);
			if (Timeline.of(incident).find(key).isEmpty()) {
				throw new CommandException("incident " + id + " has no timeline entry " + key
						+ " (see the key column of 'vigil incident timeline " + id + "')");
			}
			EntryMark old = incident.marks().stream().filter(m -> m.entryKey().equals(key)).findFirst()
					.orElse(new EntryMark(key, false, List.of(), "", null));
			boolean starred = options.has("--star") || (old.starred() && !options.has("--unstar"));
			List<String> tags = options.values("--tag").isEmpty() ? old.tags() : options.values("--tag");
			store.mark(id, new EntryMark(key, starred, tags, or(options.value("--comment"), old.comment()), null));
			return 0;
		}

		private String resolve(String prefix) throws CommandException {
			try {
				return store.resolve(prefix);
			} catch (WorkspaceException e) {
				throw new CommandException(e.getMessage(), e);
			}
		}

		private static String who(Arguments options) {
			String given = options.value(BY);
			return given != null ? given : System.getProperty("user.name", "");
		}

		private static String format(Arguments options, String fallback, String... allowed) throws CommandException {
			String format = options.value("--format") == null ? fallback : options.value("--format");
			if (!List.of(allowed).contains(format)) {
				throw new CommandException("--format is " + String.join(" or ", allowed) + ", not " + format);
			}
			return format;
		}

		private static String one(Arguments options, String use) throws CommandException {
			return positional(options, 1, use).get(0);
		}

		private static List<String> positional(Arguments options, int count, String use) throws CommandException {
			if (options.positional().size() != count) {
				throw new CommandException("use: " + use);
			}
			return options.positional();
		}
	}

	/**
	 * Which alerts {@code --alerts} promotes: all, the open ones, some by number, or those of a rule.
	 */
	record AlertChoice(List<Long> ids, AlertFilter filter) {

		static AlertChoice parse(String text) throws CommandException {
			String value = text.strip();
			if (value.isEmpty()) {
				throw new CommandException("--alerts needs all, open, alert numbers (12,15) or a rule id");
			}
			if (value.equals("all")) {
				return new AlertChoice(List.of(), AlertFilter.all(0));
			}
			if (value.equals("open")) {
				return new AlertChoice(List.of(), AlertFilter.open(0));
			}
			if (value.matches("\\d+(\\s*,\\s*\\d+)*")) {
				List<Long> ids = new ArrayList<>();
				for (String number : value.split("\\s*,\\s*")) {
					ids.add(Long.parseLong(number));
				}
				return new AlertChoice(ids, null);
			}
			return new AlertChoice(List.of(), new AlertFilter(Set.<AlertStatus>of(), value, 0));
		}
	}
}
