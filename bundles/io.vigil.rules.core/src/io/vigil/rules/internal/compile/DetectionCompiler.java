package io.vigil.rules.internal.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.rules.MappingProfile;
import io.vigil.rules.MappingProfile.LogsourceMapping;
import io.vigil.rules.eval.EventMatcher;

/** Compiles a Sigma {@code detection} section: its search identifiers, then its condition. */
final class DetectionCompiler {

	private final MappingProfile profile;
	private final LogsourceMapping mapping;
	private final YamlDocuments.Lines lines;

	DetectionCompiler(MappingProfile profile, LogsourceMapping mapping, YamlDocuments.Lines lines) {
		this.profile = profile;
		this.mapping = mapping;
		this.lines = lines;
	}

	/** Compiles the detection into one matcher. */
	EventMatcher compile(JsonNode detection) throws RuleSyntaxException {
		if (!detection.isObject()) {
			throw new RuleSyntaxException(lines.of(detection), "'detection' must be a mapping of search identifiers and a condition");
		}
		Map<String, EventMatcher> searches = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : detection.properties()) {
			String name = entry.getKey();
			if (name.equals("condition") || name.equals("timeframe")) {
				continue;
			}
			searches.put(name, search(name, entry.getValue(), lines.of(detection, name)));
		}
		JsonNode condition = detection.get("condition");
		if (condition == null) {
			throw new RuleSyntaxException(lines.of(detection), "the detection has no 'condition'");
		}
		if (searches.isEmpty()) {
			throw new RuleSyntaxException(lines.of(detection), "the detection has no search identifiers");
		}
		List<EventMatcher> conditions = new ArrayList<>();
		if (condition.isArray()) {
			for (JsonNode one : condition) {
				conditions.add(ConditionParser.parse(searches, expression(one, lines.of(one)), lines.of(one)));
			}
		} else {
			int line = lines.of(detection, "condition");
			conditions.add(ConditionParser.parse(searches, expression(condition, line), line));
		}
		return Detections.or(conditions);
	}

	/** Returns a condition's text, refusing a mapping or list where an expression belongs. */
	private static String expression(JsonNode condition, int line) throws RuleSyntaxException {
		if (condition.isContainerNode()) {
			throw new RuleSyntaxException(line, "the condition is " + (condition.isObject() ? "a mapping" : "a list")
					+ " (" + condition + "), where an expression such as 'selection and not filter' belongs");
		}
		return condition.asText();
	}

	private EventMatcher search(String name, JsonNode value, int line) throws RuleSyntaxException {
		if (value.isObject()) {
			return fields(value);
		}
		if (value.isArray()) {
			if (value.isEmpty()) {
				throw new RuleSyntaxException(line, "the search identifier '" + name + "' is an empty list");
			}
			boolean maps = value.get(0).isObject();
			List<JsonNode> keywords = new ArrayList<>();
			List<EventMatcher> alternatives = new ArrayList<>();
			for (JsonNode element : value) {
				if (element.isObject() != maps || element.isArray()) {
					throw new RuleSyntaxException(lines.of(element), "the search identifier '" + name
							+ "' mixes mappings and plain values in one list");
				}
				if (maps) {
					alternatives.add(fields(element));
				} else {
					keywords.add(element);
				}
			}
			return maps ? Detections.or(alternatives) : FieldConditions.keywords(keywords, List.of(), profile.keywordFields(), line);
		}
		if (value.isValueNode() && !value.isNull()) {
			return FieldConditions.keywords(List.of(value), List.of(), profile.keywordFields(), line);
		}
		throw new RuleSyntaxException(line, "the search identifier '" + name + "' has no value");
	}

	/** A mapping of field conditions, all of which must hold. */
	private EventMatcher fields(JsonNode map) throws RuleSyntaxException {
		List<EventMatcher> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : map.properties()) {
			String key = entry.getKey();
			int line = lines.of(map, key);
			if (key.startsWith("|") || key.isEmpty()) {
				// Keywords with modifiers: '|all': [...], '|re': ...
				List<String> modifiers = Arrays.asList(key.substring(Math.min(1, key.length())).split("\\|"));
				List<JsonNode> values = new ArrayList<>();
				if (entry.getValue().isArray()) {
					entry.getValue().forEach(values::add);
				} else {
					values.add(entry.getValue());
				}
				conditions.add(FieldConditions.keywords(values, modifiers, profile.keywordFields(), line));
				continue;
			}
			String field = key.split("\\|", 2)[0];
			conditions.add(FieldConditions.compile(key, entry.getValue(), profile.fields(field, mapping), line));
		}
		if (conditions.isEmpty()) {
			throw new RuleSyntaxException(lines.of(map), "a search identifier is an empty mapping");
		}
		return Detections.and(conditions);
	}
}
