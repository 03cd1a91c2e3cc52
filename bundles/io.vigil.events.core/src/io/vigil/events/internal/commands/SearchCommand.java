package io.vigil.events.internal.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.Query;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.export.CsvWriter;
import io.vigil.events.export.EventColumns;
import io.vigil.events.internal.read.JsonSupport;
import io.vigil.events.records.SavedSearch;
import io.vigil.events.search.EventQueryParser;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.search.TimeExpressions;
import io.vigil.events.store.FacetCount;
import io.vigil.events.store.HitSet;
import io.vigil.events.store.Hits;
import io.vigil.events.store.StoreSnapshot;
import io.vigil.events.store.StoredEvent;

/** {@code vigil search}: finds events, counts them, or lists the top values of fields. */
@Component(service = VigilCommand.class)
public final class SearchCommand implements VigilCommand {

	private static final Set<String> VALUE_OPTIONS = Set.of("--from", "--to", "--limit", "--format", "--facet",
			"--top", "--fields", "--sort", "--saved", "--save");
	private static final Set<String> FLAGS = Set.of("--count", "--oldest-first");
	private static final Set<String> FORMATS = Set.of("table", "json", "jsonl", "csv");

	@Override
	public String name() {
		return "search";
	}

	@Override
	public String summary() {
		return "Searches events: lists, counts, or gives the top values of fields.";
	}

	@Override
	public String usage() {
		return """
				search [QUERY] [--from T] [--to T] [--limit N] [--format table|json|jsonl|csv] [--count]
				       [--facet FIELD]... [--top N] [--fields F,F,...] [--sort FIELD[:asc|:desc]] [--oldest-first]
				       [--save NAME] [--saved NAME]
				  QUERY            Lucene syntax over field paths, terms joined by AND unless written otherwise:
				                   category:authentication AND details.sourceipaddress:10.0.0.0/8 AND NOT details.success:true
				                   ranges [a TO b], field:>=N, phrases "...", wildcards, _exists_:field (default: every event)
				  --from T, --to T the time range, from inclusive, to exclusive: ISO 8601 (UTC unless an offset is
				                   given), epoch seconds, now, or relative such as -24h, -15m, -7d
				  --limit N        how many events to print (default 20; 0 prints every match)
				  --format F       table (default), json (one array), jsonl (one event per line), csv (every field
				                   of the printed events, or --fields)
				  --count          print only the number of matches
				  --facet FIELD    print the top values of FIELD among the matches with their counts (repeatable)
				  --top N          how many values --facet prints (default 10)
				  --fields F,...   the columns of table and csv output
				  --sort FIELD     sort by a field instead of time (ascending unless :desc)
				  --oldest-first   oldest events first (default: newest first)
				  --save NAME      also save the query, range and fields as a named search
				  --saved NAME     run a saved search (options given here override its range and fields)""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), VALUE_OPTIONS, FLAGS);
		Clock clock = Clock.systemUTC();
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), clock)) {
			Request request = request(arguments, events);
			TimeRange range = range(request, clock);
			try (StoreSnapshot snapshot = events.store().snapshot(range)) {
				EventQueryParser parser = new EventQueryParser(snapshot.fields(), clock);
				Query query = parse(parser, request.query());
				for (String warning : parser.warnings()) {
					context.err().println("vigil: search: warning: " + warning);
				}
				if (arguments.value("--save") != null) {
					events.records().save(new SavedSearch(arguments.value("--save"), request.query(), request.from(),
							request.to(), request.fields()));
				}
				print(context.out(), arguments, request, snapshot, query);
			}
		}
		return 0;
	}

	/** The search to run, from the arguments or a saved search. */
	private record Request(String query, String from, String to, List<String> fields) {
	}

	private static Request request(Arguments arguments, EventWorkspace events) throws Exception {
		String query = String.join(" ", arguments.positional());
		String from = arguments.value("--from");
		String to = arguments.value("--to");
		List<String> fields = fields(arguments.value("--fields"));
		String saved = arguments.value("--saved");
		if (saved == null) {
			return new Request(query, from, to, fields);
		}
		if (!query.isBlank()) {
			throw new CommandException("give either a QUERY or --saved NAME, not both");
		}
		SavedSearch search = events.records().savedSearch(saved).orElseThrow(
				() -> new CommandException("no saved search is named '" + saved + "'"));
		return new Request(search.query(), from != null ? from : search.from(), to != null ? to : search.to(),
				fields.isEmpty() ? search.columns() : fields);
	}

	private static List<String> fields(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter(field -> !field.isEmpty()).toList();
	}

	private static TimeRange range(Request request, Clock clock) throws CommandException {
		Instant from = time("--from", request.from(), clock);
		Instant to = time("--to", request.to(), clock);
		if (from != null && to != null && to.isBefore(from)) {
			throw new CommandException("--to (" + to + ") is before --from (" + from + ")");
		}
		return new TimeRange(from, to);
	}

	private static Instant time(String option, String value, Clock clock) throws CommandException {
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<Instant> time = TimeExpressions.parse(value, clock);
		if (time.isEmpty()) {
			throw new CommandException(option + " '" + value + "' is not a time; use ISO 8601 (2026-12-03T10:00:00Z),"
					+ " now, or a relative time such as -24h");
		}
		return time.get();
	}

	private static Query parse(EventQueryParser parser, String query) throws CommandException {
		try {
			return parser.parse(query);
		} catch (QuerySyntaxException e) {
			throw new CommandException(e.describe() + ": " + query, e);
		}
	}

	private static void print(PrintWriter out, Arguments arguments, Request request, StoreSnapshot snapshot, Query query)
			throws Exception {
		String format = arguments.value("--format") == null ? "table" : arguments.value("--format").toLowerCase(Locale.ROOT);
		if (!FORMATS.contains(format)) {
			throw new CommandException("--format must be table, json, jsonl or csv, not '" + format + "'");
		}
		if (arguments.has("--count")) {
			out.println(snapshot.count(query));
			return;
		}
		if (!arguments.values("--facet").isEmpty()) {
			printFacets(out, format, arguments, snapshot, query);
			return;
		}
		List<StoredEvent> found = find(arguments, snapshot, query);
		List<String> fields = request.fields().isEmpty() ? defaultFields(format, found) : request.fields();
		switch (format) {
		case "json" -> printJson(out, found);
		case "jsonl" -> found.forEach(event -> out.println(event.json().toString()));
		case "csv" -> printCsv(out, fields, found);
		default -> printTable(out, fields, found);
		}
	}

	private static List<StoredEvent> find(Arguments arguments, StoreSnapshot snapshot, Query query) throws Exception {
		int limit = (int) arguments.number("--limit", 20, 0, Integer.MAX_VALUE);
		boolean newestFirst = !arguments.has("--oldest-first");
		String sort = arguments.value("--sort");
		if (sort == null && limit > 0) {
			return snapshot.top(query, limit, newestFirst);
		}
		HitSet all = snapshot.collect(query);
		Hits hits;
		if (sort == null) {
			hits = all.sorted(null, newestFirst);
		} else {
			boolean descending = sort.endsWith(":desc");
			String path = sort.replaceFirst(":(asc|desc)$", "");
			if (!snapshot.fields().hasKeyword(path)) {
				throw new CommandException("--sort: no event has the field '" + path + "'");
			}
			hits = all.sorted(path, descending);
		}
		return snapshot.events(hits, 0, limit == 0 ? hits.size() : Math.min(limit, hits.size()));
	}

	private static List<String> defaultFields(String format, List<StoredEvent> events) {
		if (!format.equals("csv")) {
			return EventColumns.DEFAULT;
		}
		Set<String> paths = new LinkedHashSet<>();
		events.forEach(event -> EventColumns.collect(event.json(), paths));
		return EventColumns.order(paths);
	}

	private static void printJson(PrintWriter out, List<StoredEvent> events) {
		out.print('[');
		for (int i = 0; i < events.size(); i++) {
			out.print(i == 0 ? "\n" : ",\n");
			out.print(events.get(i).json().toString());
		}
		out.println(events.isEmpty() ? "]" : "\n]");
	}

	private static void printCsv(PrintWriter out, List<String> fields, List<StoredEvent> events) throws IOException {
		CsvWriter csv = new CsvWriter(out);
		csv.row(fields);
		for (StoredEvent event : events) {
			csv.row(fields.stream().map(event::text).toList());
		}
	}

	private static void printTable(PrintWriter out, List<String> fields, List<StoredEvent> events) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(fields.stream().map(field -> field.toUpperCase(Locale.ROOT)).toList());
		for (StoredEvent event : events) {
			rows.add(fields.stream().map(field -> oneLine(event.text(field))).toList());
		}
		int[] widths = new int[fields.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.min(Math.max(widths[i], row.get(i).length()), i == row.size() - 1 ? 400 : 48);
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				String cell = cut(row.get(i), widths[i]);
				line.append(cell);
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths[i] - cell.length() + 2));
				}
			}
			out.println(line.toString().stripTrailing());
		}
	}

	private static void printFacets(PrintWriter out, String format, Arguments arguments, StoreSnapshot snapshot,
			Query query) throws Exception {
		int top = (int) arguments.number("--top", 10, 1, 100_000);
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		for (String field : arguments.values("--facet")) {
			List<FacetCount> values = snapshot.facet(query, field, top);
			if (format.equals("table")) {
				out.println(field);
				int width = values.stream().mapToInt(value -> Math.min(60, value.value().length())).max().orElse(0);
				for (FacetCount value : values) {
					String cell = cut(oneLine(value.value()), 60);
					out.println("  " + cell + " ".repeat(width - cell.length() + 2) + value.count());
				}
			} else {
				ArrayNode array = json.putArray(field);
				values.forEach(value -> array.addObject().put("value", value.value()).put("count", value.count()));
			}
		}
		if (!format.equals("table")) {
			out.println(JsonSupport.MAPPER.writeValueAsString(json));
		}
	}

	private static String oneLine(String text) {
		return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
	}

	private static String cut(String text, int width) {
		return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
	}
}
