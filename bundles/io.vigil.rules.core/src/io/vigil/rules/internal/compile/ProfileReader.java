package io.vigil.rules.internal.compile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.rules.MappingProfile;
import io.vigil.rules.MappingProfile.LogsourceMapping;
import io.vigil.rules.eval.EventMatcher;

/** Reads a mapping profile's YAML. */
public final class ProfileReader {

	private ProfileReader() {
	}

	/**
	 * Reads a profile.
	 *
	 * @param text its YAML
	 * @param file its file, for problems; empty for the built-in profile
	 * @throws IOException naming the file and line of what is wrong
	 */
	public static MappingProfile read(String text, String file) throws IOException {
		String where = file.isEmpty() ? "the default mapping profile" : file;
		try {
			List<YamlDocuments.Document> documents = YamlDocuments.read(text);
			if (documents.size() != 1 || !documents.get(0).root().isObject()) {
				throw new RuleSyntaxException(1, "a mapping profile is one YAML mapping");
			}
			YamlDocuments.Document document = documents.get(0);
			JsonNode root = document.root();
			List<String> keywords = strings(root.path("keywords"));
			List<LogsourceMapping> logsources = new ArrayList<>();
			for (JsonNode entry : root.path("logsources")) {
				logsources.add(logsource(entry, document.lines()));
			}
			return new MappingProfile(root.path("name").asText(file), file, keywords.isEmpty() ? List.of("summary") : keywords,
					fields(root.path("fields")), logsources);
		} catch (YamlDocuments.SyntaxException e) {
			throw new IOException(where + ":" + e.line() + ": " + e.getMessage(), e);
		} catch (RuleSyntaxException e) {
			throw new IOException(where + ":" + e.line() + ": " + e.getMessage(), e);
		}
	}

	private static LogsourceMapping logsource(JsonNode entry, YamlDocuments.Lines lines) throws RuleSyntaxException {
		JsonNode source = entry.path("logsource");
		if (!source.isObject() || source.isEmpty()) {
			throw new RuleSyntaxException(lines.of(entry), "each entry of 'logsources' needs a 'logsource' mapping");
		}
		Map<String, String> logsource = new LinkedHashMap<>();
		source.properties().forEach(e -> logsource.put(e.getKey(), e.getValue().asText().toLowerCase(Locale.ROOT)));
		JsonNode where = entry.path("where");
		List<EventMatcher> tests = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		if (where.isObject()) {
			for (Map.Entry<String, JsonNode> condition : where.properties()) {
				String field = condition.getKey().split("\\|", 2)[0];
				tests.add(FieldConditions.compile(condition.getKey(), condition.getValue(), List.of(field),
						lines.of(where, condition.getKey())));
				text.append(text.isEmpty() ? "" : " and ").append(condition.getKey()).append(": ").append(condition.getValue());
			}
		}
		EventMatcher matcher = tests.isEmpty() ? Detections.ANY : Detections.and(tests);
		return new LogsourceMapping(logsource, matcher, text.toString(), fields(entry.path("fields")));
	}

	private static Map<String, List<String>> fields(JsonNode node) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		node.properties().forEach(e -> fields.put(e.getKey(), strings(e.getValue())));
		return fields;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(value -> values.add(value.asText()));
		} else if (!node.isMissingNode() && !node.isNull()) {
			values.add(node.asText());
		}
		return values;
	}
}
