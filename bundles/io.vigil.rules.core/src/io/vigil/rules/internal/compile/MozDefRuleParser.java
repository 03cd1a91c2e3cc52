package io.vigil.rules.internal.compile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.events.search.EventQueryParser;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.FieldCatalog;
import io.vigil.rules.CompileResult;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleHeader;
import io.vigil.rules.RuleKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleProblem;
import io.vigil.rules.eval.CorrelationSpec;
import io.vigil.rules.eval.EventMatcher;
import io.vigil.rules.eval.EventView;

/**
 * Reads MozDef's generic alert JSON ({@code search_string}, {@code aggregation_key},
 * {@code time_window} in minutes, {@code num_aggregations}, {@code alert_category},
 * {@code alert_severity}, {@code alert_summary}, {@code alert_tags}); with {@code "deadman": true}
 * it is a dead-man rule. The search string is Vigil's (and MozDef's) Lucene query syntax, run on
 * each event in a memory index, so it means exactly what it means in Event Search.
 */
public final class MozDefRuleParser {

	private static final ObjectMapper JSON = new ObjectMapper();

	private MozDefRuleParser() {
	}

	/** Returns whether a text looks like JSON rather than YAML. */
	public static boolean looksLikeJson(String text) {
		String start = text.stripLeading();
		return start.startsWith("{");
	}

	/** Compiles a MozDef alert JSON text. */
	public static CompileResult compile(String text, String file) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		} catch (JsonProcessingException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			return problem(file, line, "", "not well-formed JSON: " + e.getOriginalMessage());
		}
		String search = root.path("search_string").asText("");
		String summary = root.path("alert_summary").asText(root.path("summary").asText(""));
		String title = summary.isBlank() ? file : summary;
		if (search.isBlank()) {
			return problem(file, 1, title, "a MozDef alert needs a 'search_string'");
		}
		EventMatcher matcher;
		try {
			matcher = new QueryMatcher(search);
		} catch (QuerySyntaxException e) {
			return problem(file, 1, title, "the search_string is not a valid query: " + e.getMessage());
		}
		RuleLevel level;
		try {
			level = RuleLevel.parse(root.path("alert_severity").asText("NOTICE"));
		} catch (IllegalArgumentException e) {
			return problem(file, 1, title, e.getMessage());
		}
		long minutes = root.path("time_window").asLong(root.path("time_window_minutes").asLong(15));
		List<String> tags = new ArrayList<>();
		root.path("alert_tags").forEach(tag -> tags.add(tag.asText()));
		String category = root.path("alert_category").asText("mozdef");
		String id = "mozdef-" + Integer.toHexString(file.hashCode()) + "-" + Integer.toHexString(search.hashCode());
		RuleHeader header = new RuleHeader(id, "", title, "MozDef alert: " + search, "test", "", level, tags, List.of(),
				Map.of("product", "mozdef"), category, List.of(), List.of(), file, 1, text, "", 0);
		Duration window = Duration.ofMinutes(Math.max(1, minutes));
		if (root.path("deadman").asBoolean(false)) {
			return new CompileResult(List.of(new Rule(header, RuleKind.DEADMAN, matcher,
					new CorrelationSpec(CorrelationSpec.Type.DEADMAN, List.of(id), List.of(), window, null), true)), List.of());
		}
		String key = root.path("aggregation_key").asText("");
		long count = Math.max(1, root.path("num_aggregations").asLong(root.path("threshold").asLong(1)));
		CorrelationSpec threshold = new CorrelationSpec(CorrelationSpec.Type.EVENT_COUNT, List.of(id),
				key.isBlank() ? List.of() : List.of(key), window, new CorrelationSpec.Condition("gte", count, ""));
		return new CompileResult(List.of(new Rule(header, RuleKind.THRESHOLD, matcher, threshold, true)), List.of());
	}

	private static CompileResult problem(String file, int line, String rule, String message) {
		return new CompileResult(List.of(), List.of(new RuleProblem(file, line, rule, message)));
	}

	/** A query run on one event at a time. */
	private static final class QueryMatcher implements EventMatcher {

		private final String query;

		QueryMatcher(String query) throws QuerySyntaxException {
			this.query = query;
			// Parse once against an empty catalog so that a broken query fails at import.
			new EventQueryParser(FieldCatalog.of(java.util.Set.of()), Clock.systemUTC()).parse(query);
		}

		@Override
		public boolean matches(EventView event, java.util.Set<String> matched) {
			try {
				byte[] json = event.json().toString().getBytes(StandardCharsets.UTF_8);
				Document document = EventDocuments.build(event.id(), event.time().toEpochMilli(), event.json(), json);
				MemoryIndex index = MemoryIndex.fromDocument(document, new StandardAnalyzer());
				FieldCatalog catalog = FieldCatalog.of(index.createSearcher().getIndexReader());
				Query parsed = new EventQueryParser(catalog, Clock.systemUTC()).parse(query);
				return index.search(parsed) > 0;
			} catch (QuerySyntaxException | RuntimeException e) {
				return false;
			}
		}
	}
}
