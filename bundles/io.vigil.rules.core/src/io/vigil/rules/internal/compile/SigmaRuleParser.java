package io.vigil.rules.internal.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vigil.rules.CompileResult;
import io.vigil.rules.MappingProfiles;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleHeader;
import io.vigil.rules.RuleKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.RuleProblem;
import io.vigil.rules.eval.CorrelationSpec;
import io.vigil.rules.eval.EventMatcher;
import io.vigil.rules.response.ActionSpec;

/**
 * Turns the YAML documents of a Sigma file into rules: detection rules, correlation rules, and
 * Vigil's MozDef forms ({@code vigil: threshold:} and {@code vigil: deadman:} on a detection).
 * Sigma collections ({@code action: global}, {@code reset}, {@code repeat}) are merged first.
 */
public final class SigmaRuleParser {

	private static final YAMLMapper YAML = new YAMLMapper();
	private static final Pattern TIMESPAN = Pattern.compile("(\\d+)\\s*([smhdwMy])");
	private static final Pattern ATTACK = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)", Pattern.CASE_INSENSITIVE);
	private static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte", "eq", "neq");

	private final MappingProfiles mappings;

	/** Makes a parser that maps with the profiles given. */
	public SigmaRuleParser(MappingProfiles mappings) {
		this.mappings = mappings;
	}

	/** Compiles a Sigma text; problems name the file and line. */
	public CompileResult compile(String text, String file) {
		List<YamlDocuments.Document> documents;
		try {
			documents = YamlDocuments.read(text);
		} catch (YamlDocuments.SyntaxException e) {
			return new CompileResult(List.of(), List.of(new RuleProblem(file, e.line(), "", e.getMessage())));
		}
		List<String> texts = documentTexts(text, documents.size());
		List<Rule> rules = new ArrayList<>();
		List<RuleProblem> problems = new ArrayList<>();
		ObjectNode global = null;
		ObjectNode previous = null;
		for (int i = 0; i < documents.size(); i++) {
			YamlDocuments.Document document = documents.get(i);
			if (!document.root().isObject()) {
				problems.add(new RuleProblem(file, document.line(), "", "a Sigma rule is a YAML mapping"));
				continue;
			}
			ObjectNode root = (ObjectNode) document.root();
			String action = root.path("action").asText("");
			switch (action) {
				case "global" -> {
					global = root.deepCopy();
					global.remove("action");
					continue;
				}
				case "reset" -> {
					global = null;
					continue;
				}
				case "repeat" -> {
					if (previous == null) {
						problems.add(new RuleProblem(file, document.line(), "", "'action: repeat' has no rule before it to repeat"));
						continue;
					}
					ObjectNode repeated = previous.deepCopy();
					root.remove("action");
					merge(repeated, root);
					root = repeated;
				}
				case "" -> {
					if (global != null) {
						ObjectNode merged = global.deepCopy();
						merge(merged, root);
						root = merged;
					}
				}
				default -> {
					problems.add(new RuleProblem(file, document.line(), title(root), "unknown collection action '" + action + "'"));
					continue;
				}
			}
			previous = root;
			String own = global == null && !action.equals("repeat") ? texts.get(i) : yaml(root);
			try {
				rules.add(rule(root, document, own, file));
			} catch (RuleSyntaxException e) {
				problems.add(new RuleProblem(file, e.line(), title(root), e.getMessage()));
			}
		}
		if (rules.isEmpty() && problems.isEmpty()) {
			problems.add(new RuleProblem(file, 1, "", "the file holds no rule"));
		}
		return new CompileResult(rules, problems);
	}

	private static String title(JsonNode root) {
		return root.path("title").asText(root.path("id").asText(""));
	}

	/** Deep-merges {@code from} into {@code into}: mappings merge, everything else replaces. */
	private static void merge(ObjectNode into, ObjectNode from) {
		from.properties().forEach(entry -> {
			JsonNode existing = into.get(entry.getKey());
			if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
				merge(target, source);
			} else {
				into.set(entry.getKey(), entry.getValue().deepCopy());
			}
		});
	}

	private static String yaml(JsonNode root) {
		try {
			return YAML.writeValueAsString(root).replaceFirst("^---\\s*\\n", "");
		} catch (JsonProcessingException e) {
			return root.toString();
		}
	}

	/** Splits the text at document separators, keeping the pieces that hold more than comments. */
	private static List<String> documentTexts(String text, int count) {
		List<String> pieces = new ArrayList<>();
		for (String piece : text.split("(?m)^---[ \\t]*(?:#.*)?$")) {
			if (piece.lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("#"))) {
				pieces.add(piece.strip() + "\n");
			}
		}
		if (pieces.size() != count) {
			List<String> whole = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				whole.add(text);
			}
			return whole;
		}
		return pieces;
	}

	private Rule rule(ObjectNode root, YamlDocuments.Document document, String text, String file)
			throws RuleSyntaxException {
		YamlDocuments.Lines lines = document.lines();
		String title = root.path("title").asText("");
		if (title.isBlank()) {
			throw new RuleSyntaxException(document.line(), "the rule has no 'title'");
		}
		Map<String, String> logsource = new LinkedHashMap<>();
		root.path("logsource").properties().forEach(e -> logsource.put(e.getKey(), e.getValue().asText()));
		MappingProfiles.Resolution resolution = mappings.resolve(logsource);
		RuleHeader header = header(root, lines, logsource, resolution.unmapped(), text, file, document.line());
		JsonNode correlation = root.get("correlation");
		if (correlation != null) {
			return new Rule(header.withUnmapped(""), RuleKind.CORRELATION, null, correlation(correlation, lines, resolution),
					true);
		}
		JsonNode detection = root.get("detection");
		if (detection == null) {
			throw new RuleSyntaxException(document.line(), "the rule has neither 'detection' nor 'correlation'");
		}
		EventMatcher where = resolution.mapping() == null ? Detections.ANY : resolution.mapping().where();
		EventMatcher matcher = Detections.within(where,
				new DetectionCompiler(resolution.profile(), resolution.mapping(), lines).compile(detection));
		JsonNode vigil = root.path("vigil");
		if (vigil.has("threshold")) {
			return new Rule(header, RuleKind.THRESHOLD, matcher, threshold(vigil.get("threshold"), header.id(), lines, resolution),
					true);
		}
		if (vigil.has("deadman")) {
			JsonNode deadman = vigil.get("deadman");
			Duration window = timespan(deadman.path("timespan").asText(deadman.path("window").asText("")), lines.of(deadman));
			return new Rule(header, RuleKind.DEADMAN, matcher,
					new CorrelationSpec(CorrelationSpec.Type.DEADMAN, List.of(header.id()), List.of(), window, null), true);
		}
		return new Rule(header, RuleKind.SIGMA, matcher, null, true);
	}

	private static RuleHeader header(ObjectNode root, YamlDocuments.Lines lines, Map<String, String> logsource,
			String unmapped, String text, String file, int line) throws RuleSyntaxException {
		String title = root.path("title").asText();
		String id = root.path("id").asText("");
		if (id.isBlank()) {
			id = derivedId(title);
		}
		RuleLevel level;
		try {
			level = root.has("level") ? RuleLevel.parse(root.get("level").asText()) : RuleLevel.MEDIUM;
		} catch (IllegalArgumentException e) {
			throw new RuleSyntaxException(lines.of(root, "level"), e.getMessage());
		}
		List<String> tags = strings(root.path("tags"));
		List<String> attack = new ArrayList<>();
		for (String tag : tags) {
			Matcher matcher = ATTACK.matcher(tag);
			if (matcher.matches()) {
				attack.add(matcher.group(1).toUpperCase(Locale.ROOT));
			}
		}
		String category = logsource.getOrDefault("category", logsource.getOrDefault("service",
				logsource.getOrDefault("product", root.has("correlation") ? "correlation" : "sigma")));
		return new RuleHeader(id, root.path("name").asText(""), title, root.path("description").asText(""),
				root.path("status").asText("experimental"), author(root.path("author")), level, tags, attack, logsource,
				category, strings(root.path("falsepositives")), actions(root.path("vigil").path("actions"), lines), file,
				line, text, unmapped, 0);
	}

	private static String author(JsonNode author) {
		return author.isArray() ? String.join(", ", strings(author)) : author.asText("");
	}

	private static String derivedId(String title) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
			return "vigil-" + HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from the Java runtime", e);
		}
	}

	private static List<ActionSpec> actions(JsonNode node, YamlDocuments.Lines lines) throws RuleSyntaxException {
		List<ActionSpec> actions = new ArrayList<>();
		for (JsonNode action : node) {
			if (!action.isObject() || action.size() != 1) {
				throw new RuleSyntaxException(lines.of(action), "each action is one of "
						+ String.join(", ", ActionSpec.KINDS) + " with its target, like '- file: alerts.jsonl'");
			}
			Map.Entry<String, JsonNode> entry = action.properties().iterator().next();
			String kind = entry.getKey();
			if (!ActionSpec.KINDS.contains(kind)) {
				throw new RuleSyntaxException(lines.of(action), "unknown action '" + kind + "' (expected one of "
						+ String.join(", ", ActionSpec.KINDS) + ")");
			}
			JsonNode value = entry.getValue();
			Map<String, String> options = new LinkedHashMap<>();
			String target = value.asText("");
			if (value.isObject()) {
				value.properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
				target = firstOf(options, "target", "connection", "path", "url", "name");
			}
			if (target.isBlank()) {
				throw new RuleSyntaxException(lines.of(action), "the " + kind + " action names no target");
			}
			actions.add(new ActionSpec(kind, target, options));
		}
		return actions;
	}

	private static String firstOf(Map<String, String> options, String... keys) {
		for (String key : keys) {
			String value = options.remove(key);
			if (value != null) {
				return value;
			}
		}
		return "";
	}

	private CorrelationSpec correlation(JsonNode node, YamlDocuments.Lines lines, MappingProfiles.Resolution resolution)
			throws RuleSyntaxException {
		String typeName = node.path("type").asText("");
		CorrelationSpec.Type type = switch (typeName) {
			case "event_count" -> CorrelationSpec.Type.EVENT_COUNT;
			case "value_count" -> CorrelationSpec.Type.VALUE_COUNT;
			case "temporal" -> CorrelationSpec.Type.TEMPORAL;
			case "temporal_ordered" -> CorrelationSpec.Type.TEMPORAL_ORDERED;
			default -> throw new RuleSyntaxException(lines.of(node, "type"), "unsupported correlation type '" + typeName
					+ "' (expected event_count, value_count, temporal or temporal_ordered)");
		};
		if (node.has("aliases")) {
			throw new RuleSyntaxException(lines.of(node, "aliases"), "correlation field aliases are not supported yet");
		}
		List<String> rules = strings(node.path("rules"));
		if (rules.isEmpty()) {
			throw new RuleSyntaxException(lines.of(node), "the correlation names no 'rules'");
		}
		List<String> groupBy = new ArrayList<>();
		for (String field : strings(node.path("group-by"))) {
			groupBy.addAll(resolution.profile().fields(field, resolution.mapping()).subList(0, 1));
		}
		Duration timespan = timespan(node.path("timespan").asText(node.path("timeframe").asText("")), lines.of(node, "timespan"));
		CorrelationSpec.Condition condition = condition(node.get("condition"), type, lines, node, resolution);
		return new CorrelationSpec(type, rules, groupBy, timespan, condition, node.path("generate").asBoolean(false));
	}

	private static CorrelationSpec.Condition condition(JsonNode node, CorrelationSpec.Type type, YamlDocuments.Lines lines,
			JsonNode correlation, MappingProfiles.Resolution resolution) throws RuleSyntaxException {
		if (node == null || !node.isObject()) {
			if (type == CorrelationSpec.Type.TEMPORAL || type == CorrelationSpec.Type.TEMPORAL_ORDERED) {
				return null;
			}
			throw new RuleSyntaxException(lines.of(correlation), "the correlation needs a 'condition' like {gte: 5}");
		}
		String field = "";
		if (node.has("field")) {
			String sigma = node.get("field").asText();
			field = resolution.profile().fields(sigma, resolution.mapping()).get(0);
		} else if (type == CorrelationSpec.Type.VALUE_COUNT) {
			throw new RuleSyntaxException(lines.of(node), "a value_count condition names the 'field' whose values it counts");
		}
		for (String operator : OPERATORS) {
			if (node.has(operator)) {
				JsonNode value = node.get(operator);
				if (!value.isNumber() && !value.asText().matches("\\d+")) {
					throw new RuleSyntaxException(lines.of(node, operator), "'" + operator + "' takes a whole number");
				}
				return new CorrelationSpec.Condition(operator, value.asLong(), field);
			}
		}
		throw new RuleSyntaxException(lines.of(node), "the condition compares with none of " + String.join(", ", OPERATORS));
	}

	private CorrelationSpec threshold(JsonNode node, String id, YamlDocuments.Lines lines,
			MappingProfiles.Resolution resolution) throws RuleSyntaxException {
		List<String> groupBy = new ArrayList<>();
		for (String field : strings(node.path("group-by"))) {
			groupBy.add(resolution.profile().fields(field, resolution.mapping()).get(0));
		}
		Duration window = timespan(node.path("timespan").asText(node.path("window").asText("")), lines.of(node));
		long count = node.path("count").asLong(0);
		if (count < 1) {
			throw new RuleSyntaxException(lines.of(node), "a threshold needs a 'count' of at least 1");
		}
		return new CorrelationSpec(CorrelationSpec.Type.EVENT_COUNT, List.of(id), groupBy, window,
				new CorrelationSpec.Condition("gte", count, ""));
	}

	/** Parses Sigma's time spans: {@code 30s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code 1w}. */
	static Duration timespan(String text, int line) throws RuleSyntaxException {
		Matcher matcher = TIMESPAN.matcher(text.trim());
		if (!matcher.matches()) {
			throw new RuleSyntaxException(line, "'" + text + "' is not a time span like 30s, 10m, 1h or 2d");
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration span = switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			case "w" -> Duration.ofDays(7 * amount);
			case "M" -> Duration.ofDays(30 * amount);
			default -> Duration.ofDays(365 * amount);
		};
		if (span.isZero()) {
			throw new RuleSyntaxException(line, "the time span must be longer than zero");
		}
		return span;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(value -> values.add(value.asText()));
		} else if (node.isValueNode() && !node.isNull()) {
			values.add(node.asText());
		}
		return values;
	}
}
