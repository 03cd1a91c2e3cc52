package io.vigil.rules.internal.compile;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.rules.eval.EventMatcher;
import io.vigil.rules.eval.EventView;

/**
 * Compiles one Sigma field condition ({@code Field|modifier|...: value or list}) into a matcher
 * over the Vigil fields the field maps onto.
 */
final class FieldConditions {

	private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m", "s",
			"cidr", "base64", "base64offset", "wide", "utf16le", "utf16be", "utf16", "windash", "exists", "gt", "gte",
			"lt", "lte", "cased", "fieldref", "expand", "minute", "hour", "day", "week", "month", "year");
	private static final Set<String> COMPARISONS = Set.of("gt", "gte", "lt", "lte");
	private static final Set<String> TIME_PARTS = Set.of("minute", "hour", "day", "week", "month", "year");
	private static final String DASHES = "-/\u2013\u2014\u2015";

	private FieldConditions() {
	}

	/**
	 * Compiles a condition.
	 *
	 * @param key the field and its modifiers, as written
	 * @param value the value or list of values
	 * @param paths the Vigil fields the Sigma field maps onto
	 * @param line where the condition is, for problems
	 */
	static EventMatcher compile(String key, JsonNode value, List<String> paths, int line) throws RuleSyntaxException {
		String[] parts = key.split("\\|", -1);
		List<String> modifiers = Arrays.asList(parts).subList(1, parts.length);
		for (String modifier : modifiers) {
			if (!KNOWN.contains(modifier)) {
				throw new RuleSyntaxException(line, "unsupported field modifier '" + modifier + "' in '" + key + "'");
			}
		}
		if (modifiers.contains("expand")) {
			throw new RuleSyntaxException(line, "the 'expand' modifier in '" + key
					+ "' needs placeholder values, which no Vigil mapping profile defines");
		}
		List<JsonNode> values = values(value, key, line);
		boolean all = modifiers.contains("all");
		if (modifiers.contains("exists")) {
			return exists(values, paths, key, line);
		}
		List<EventMatcher> tests = new ArrayList<>();
		for (JsonNode one : values) {
			tests.add(one.isNull() ? missing(paths) : single(one, modifiers, paths, key, line));
		}
		return all ? Detections.and(tests) : Detections.or(tests);
	}

	/**
	 * Compiles an unbound keyword list: each value is looked for in the keyword fields (contained,
	 * case-insensitive), and one is enough unless {@code all}.
	 */
	static EventMatcher keywords(List<JsonNode> values, List<String> modifiers, List<String> fields, int line)
			throws RuleSyntaxException {
		List<EventMatcher> tests = new ArrayList<>();
		List<String> withContains = new ArrayList<>(modifiers);
		if (!withContains.contains("re") && !withContains.contains("startswith") && !withContains.contains("endswith")) {
			withContains.add("contains");
		}
		for (JsonNode value : values) {
			tests.add(single(value, withContains, fields, "keywords", line));
		}
		return modifiers.contains("all") ? Detections.and(tests) : Detections.or(tests);
	}

	private static List<JsonNode> values(JsonNode value, String key, int line) throws RuleSyntaxException {
		List<JsonNode> values = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(values::add);
		} else {
			values.add(value);
		}
		for (JsonNode one : values) {
			if (one.isContainerNode()) {
				throw new RuleSyntaxException(line, "the value of '" + key + "' is a " + (one.isObject() ? "mapping" : "list")
						+ "; a field takes a value or a list of values");
			}
		}
		if (values.isEmpty()) {
			throw new RuleSyntaxException(line, "'" + key + "' has an empty list of values");
		}
		return values;
	}

	private static EventMatcher single(JsonNode value, List<String> modifiers, List<String> paths, String key,
			int line) throws RuleSyntaxException {
		String text = value.asText();
		for (String comparison : COMPARISONS) {
			if (modifiers.contains(comparison)) {
				return compare(comparison, number(text, key, line), paths);
			}
		}
		if (modifiers.contains("cidr")) {
			return cidr(text, paths, key, line);
		}
		if (modifiers.contains("fieldref")) {
			return fieldReference(text, paths, modifiers.contains("cased"));
		}
		for (String part : TIME_PARTS) {
			if (modifiers.contains(part)) {
				return timePart(part, number(text, key, line).longValue(), paths);
			}
		}
		boolean cased = modifiers.contains("cased");
		if (modifiers.contains("re")) {
			return regex(text, modifiers, paths, key, line);
		}
		List<StringTest> tests = new ArrayList<>();
		for (String pattern : patterns(text, modifiers)) {
			tests.add(StringTest.wildcard(pattern, cased));
		}
		return strings(tests, paths);
	}

	/** Applies the value modifiers in order, then wraps for contains, startswith and endswith. */
	private static List<String> patterns(String text, List<String> modifiers) {
		Set<String> literals = new LinkedHashSet<>(List.of(text));
		boolean encoded = false;
		Charset charset = StandardCharsets.UTF_8;
		for (String modifier : modifiers) {
			switch (modifier) {
				case "windash" -> literals = windash(literals);
				case "wide", "utf16le" -> charset = StandardCharsets.UTF_16LE;
				case "utf16be" -> charset = StandardCharsets.UTF_16BE;
				case "utf16" -> charset = StandardCharsets.UTF_16;
				case "base64" -> {
					literals = base64(literals, charset, false);
					encoded = true;
				}
				case "base64offset" -> {
					literals = base64(literals, charset, true);
					encoded = true;
				}
				default -> {
					// contains, startswith, endswith and all apply below or above.
				}
			}
		}
		boolean contains = modifiers.contains("contains");
		boolean starts = modifiers.contains("startswith");
		boolean ends = modifiers.contains("endswith");
		List<String> patterns = new ArrayList<>();
		for (String literal : literals) {
			String pattern = encoded ? escape(literal) : literal;
			if (contains || ends) {
				pattern = "*" + pattern;
			}
			if (contains || starts) {
				pattern = pattern + "*";
			}
			patterns.add(pattern);
		}
		return patterns;
	}

	private static String escape(String literal) {
		return literal.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
	}

	/** Every way of writing the value's option dashes: {@code -}, {@code /} and the long dashes. */
	private static Set<String> windash(Set<String> literals) {
		Set<String> variants = new LinkedHashSet<>();
		for (String literal : literals) {
			for (char dash : DASHES.toCharArray()) {
				StringBuilder variant = new StringBuilder(literal.length());
				for (int i = 0; i < literal.length(); i++) {
					char c = literal.charAt(i);
					boolean optionStart = (c == '-' || c == '/') && (i == 0 || Character.isWhitespace(literal.charAt(i - 1)));
					variant.append(optionStart ? dash : c);
				}
				variants.add(variant.toString());
			}
		}
		return variants;
	}

	/**
	 * Base64 of each value; with offsets, the three encodings of the value at each position in a
	 * longer text, cut to the characters that do not depend on what surrounds it.
	 */
	private static Set<String> base64(Set<String> literals, Charset charset, boolean offsets) {
		Set<String> encoded = new LinkedHashSet<>();
		Base64.Encoder encoder = Base64.getEncoder();
		int[] startCut = { 0, 2, 3 };
		int[] endCut = { 0, 3, 2 };
		for (String literal : literals) {
			byte[] bytes = bytes(literal, charset);
			if (!offsets) {
				encoded.add(encoder.encodeToString(bytes));
				continue;
			}
			for (int shift = 0; shift < 3; shift++) {
				byte[] shifted = new byte[bytes.length + shift];
				Arrays.fill(shifted, 0, shift, (byte) ' ');
				System.arraycopy(bytes, 0, shifted, shift, bytes.length);
				String text = encoder.encodeToString(shifted);
				int to = text.length() - endCut[(bytes.length + shift) % 3];
				if (to > startCut[shift]) {
					encoded.add(text.substring(startCut[shift], to));
				}
			}
		}
		return encoded;
	}

	/** Encodes as Sigma does: {@code utf16} is little-endian with a byte order mark. */
	private static byte[] bytes(String literal, Charset charset) {
		if (charset != StandardCharsets.UTF_16) {
			return literal.getBytes(charset);
		}
		byte[] body = literal.getBytes(StandardCharsets.UTF_16LE);
		byte[] marked = new byte[body.length + 2];
		marked[0] = (byte) 0xff;
		marked[1] = (byte) 0xfe;
		System.arraycopy(body, 0, marked, 2, body.length);
		return marked;
	}

	private static EventMatcher strings(List<StringTest> tests, List<String> paths) {
		StringTest[] all = tests.toArray(StringTest[]::new);
		String[] fields = paths.toArray(String[]::new);
		return (event, matched) -> {
			for (String path : fields) {
				List<String> values = event.values(path);
				if (values.isEmpty()) {
					continue;
				}
				List<String> lower = event.lowerValues(path);
				for (int i = 0; i < values.size(); i++) {
					for (StringTest test : all) {
						if (test.test(values.get(i), lower.get(i))) {
							Detections.note(matched, path);
							return true;
						}
					}
				}
			}
			return false;
		};
	}

	private static EventMatcher regex(String expression, List<String> modifiers, List<String> paths, String key,
			int line) throws RuleSyntaxException {
		int flags = 0;
		if (modifiers.contains("i")) {
			flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		}
		if (modifiers.contains("m")) {
			flags |= Pattern.MULTILINE;
		}
		if (modifiers.contains("s")) {
			flags |= Pattern.DOTALL;
		}
		try {
			return strings(List.of(StringTest.regex(expression, flags)), paths);
		} catch (PatternSyntaxException e) {
			throw new RuleSyntaxException(line, "the regular expression of '" + key + "' is not valid: "
					+ e.getDescription() + " near index " + e.getIndex());
		}
	}

	private static EventMatcher missing(List<String> paths) {
		return (event, matched) -> !Detections.hasAny(event, paths);
	}

	private static EventMatcher exists(List<JsonNode> values, List<String> paths, String key, int line)
			throws RuleSyntaxException {
		if (values.size() != 1 || !values.get(0).isBoolean()) {
			throw new RuleSyntaxException(line, "'" + key + "' takes true or false");
		}
		boolean wanted = values.get(0).booleanValue();
		return (event, matched) -> {
			boolean present = Detections.hasAny(event, paths);
			if (present && wanted) {
				paths.stream().filter(event::has).findFirst().ifPresent(path -> Detections.note(matched, path));
			}
			return present == wanted;
		};
	}

	private static BigDecimal number(String text, String key, int line) throws RuleSyntaxException {
		try {
			return new BigDecimal(text.trim());
		} catch (NumberFormatException e) {
			throw new RuleSyntaxException(line, "'" + key + "' compares numbers, and '" + text + "' is not a number");
		}
	}

	private static EventMatcher compare(String operator, BigDecimal bound, List<String> paths) {
		return (event, matched) -> {
			for (String path : paths) {
				for (BigDecimal number : event.numbers(path)) {
					if (holds(operator, number.compareTo(bound))) {
						Detections.note(matched, path);
						return true;
					}
				}
			}
			return false;
		};
	}

	private static boolean holds(String operator, int order) {
		return switch (operator) {
			case "gt" -> order > 0;
			case "gte" -> order >= 0;
			case "lt" -> order < 0;
			default -> order <= 0;
		};
	}

	private static EventMatcher cidr(String network, List<String> paths, String key, int line)
			throws RuleSyntaxException {
		Network parsed = Network.parse(network);
		if (parsed == null) {
			throw new RuleSyntaxException(line, "'" + network + "' in '" + key + "' is not a CIDR network (address/prefix)");
		}
		return (event, matched) -> {
			for (String path : paths) {
				for (byte[] value : event.addresses(path)) {
					if (parsed.contains(value)) {
						Detections.note(matched, path);
						return true;
					}
				}
			}
			return false;
		};
	}

	private static EventMatcher fieldReference(String other, List<String> paths, boolean cased) {
		return (event, matched) -> {
			List<String> references = event.values(other);
			for (String path : paths) {
				for (String value : event.values(path)) {
					for (String reference : references) {
						if (cased ? value.equals(reference) : value.equalsIgnoreCase(reference)) {
							Detections.note(matched, path);
							return true;
						}
					}
				}
			}
			return false;
		};
	}

	private static EventMatcher timePart(String part, long wanted, List<String> paths) {
		return (event, matched) -> {
			for (String path : paths) {
				for (String value : event.values(path)) {
					Long actual = timePart(part, value);
					if (actual != null && actual == wanted) {
						Detections.note(matched, path);
						return true;
					}
				}
			}
			return false;
		};
	}

	private static Long timePart(String part, String value) {
		try {
			ZonedDateTime time = Instant.parse(value).atZone(ZoneOffset.UTC);
			return switch (part) {
				case "minute" -> (long) time.getMinute();
				case "hour" -> (long) time.getHour();
				case "day" -> (long) time.getDayOfMonth();
				case "week" -> (long) time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
				case "month" -> (long) time.getMonthValue();
				default -> (long) time.get(ChronoField.YEAR);
			};
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** An IPv4 or IPv6 network. */
	private record Network(byte[] address, int prefix) {

		static Network parse(String text) {
			String[] parts = text.trim().split("/", 2);
			byte[] address = EventView.address(parts[0]);
			if (address == null) {
				return null;
			}
			int prefix = address.length * 8;
			if (parts.length == 2) {
				try {
					prefix = Integer.parseInt(parts[1]);
				} catch (NumberFormatException e) {
					return null;
				}
			}
			return prefix < 0 || prefix > address.length * 8 ? null : new Network(address, prefix);
		}

		boolean contains(byte[] candidate) {
			if (candidate.length != address.length) {
				return false;
			}
			int full = prefix / 8;
			for (int i = 0; i < full; i++) {
				if (candidate[i] != address[i]) {
					return false;
				}
			}
			int rest = prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (candidate[full] & mask) == (address[full] & mask);
		}
	}
}
