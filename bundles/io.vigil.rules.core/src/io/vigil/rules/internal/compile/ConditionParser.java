package io.vigil.rules.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.rules.eval.EventMatcher;

/**
 * Parses a Sigma condition ({@code selection and not 1 of filter_*}) over the detection's search
 * identifiers. {@code not} binds tighter than {@code and}, which binds tighter than {@code or}.
 */
final class ConditionParser {

	private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|\\||[^\\s()|]+)");

	private final Map<String, EventMatcher> searches;
	private final String condition;
	private final int line;
	private final List<String> tokens = new ArrayList<>();
	private int position;

	private ConditionParser(Map<String, EventMatcher> searches, String condition, int line) {
		this.searches = searches;
		this.condition = condition;
		this.line = line;
	}

	/**
	 * Parses a condition.
	 *
	 * @param searches the detection's search identifiers, in order
	 * @param condition the condition's text
	 * @param line its line, for problems
	 */
	static EventMatcher parse(Map<String, EventMatcher> searches, String condition, int line)
			throws RuleSyntaxException {
		ConditionParser parser = new ConditionParser(searches, condition, line);
		parser.tokenize();
		if (parser.tokens.isEmpty()) {
			throw parser.error("the condition is empty");
		}
		EventMatcher matcher = parser.or();
		if (parser.position < parser.tokens.size()) {
			String next = parser.tokens.get(parser.position);
			if (next.equals("|")) {
				throw parser.error("aggregations after '|' (Sigma 1's count() and near) are not supported;"
						+ " write a Sigma correlation rule instead");
			}
			throw parser.error("unexpected '" + next + "'");
		}
		return matcher;
	}

	private void tokenize() {
		Matcher matcher = TOKEN.matcher(condition);
		while (matcher.find()) {
			tokens.add(matcher.group(1));
		}
	}

	private String peek() {
		return position < tokens.size() ? tokens.get(position).toLowerCase(Locale.ROOT) : "";
	}

	private EventMatcher or() throws RuleSyntaxException {
		List<EventMatcher> parts = new ArrayList<>(List.of(and()));
		while (peek().equals("or")) {
			position++;
			parts.add(and());
		}
		return Detections.or(parts);
	}

	private EventMatcher and() throws RuleSyntaxException {
		List<EventMatcher> parts = new ArrayList<>(List.of(not()));
		while (peek().equals("and")) {
			position++;
			parts.add(not());
		}
		return Detections.and(parts);
	}

	private EventMatcher not() throws RuleSyntaxException {
		if (peek().equals("not")) {
			position++;
			return Detections.not(not());
		}
		return primary();
	}

	private EventMatcher primary() throws RuleSyntaxException {
		if (position >= tokens.size()) {
			throw error("the condition ends where a search identifier was expected");
		}
		String token = tokens.get(position++);
		if (token.equals("(")) {
			EventMatcher inner = or();
			if (!peek().equals(")")) {
				throw error("a '(' is not closed");
			}
			position++;
			return inner;
		}
		if (peek().equals("of")) {
			position++;
			return quantified(token);
		}
		if (token.equals(")") || token.equals("|") || List.of("and", "or").contains(token.toLowerCase(Locale.ROOT))) {
			throw error("unexpected '" + token + "'");
		}
		EventMatcher search = searches.get(token);
		if (search == null) {
			throw error("the condition names '" + token + "', which the detection does not define");
		}
		return search;
	}

	private EventMatcher quantified(String quantifier) throws RuleSyntaxException {
		if (position >= tokens.size()) {
			throw error("'" + quantifier + " of' needs a search identifier pattern or 'them'");
		}
		String pattern = tokens.get(position++);
		List<EventMatcher> chosen = new ArrayList<>();
		Pattern names = pattern.equals("them") ? null : Pattern.compile(toRegex(pattern));
		for (Map.Entry<String, EventMatcher> search : searches.entrySet()) {
			String name = search.getKey();
			boolean wanted = names == null ? !name.startsWith("_") : names.matcher(name).matches();
			if (wanted) {
				chosen.add(search.getValue());
			}
		}
		if (chosen.isEmpty()) {
			throw error("'" + quantifier + " of " + pattern + "' matches no search identifier of the detection");
		}
		String lower = quantifier.toLowerCase(Locale.ROOT);
		if (lower.equals("all")) {
			return Detections.and(chosen);
		}
		if (lower.equals("any")) {
			return Detections.or(chosen);
		}
		try {
			int count = Integer.parseInt(quantifier);
			if (count < 1) {
				throw error("'" + quantifier + " of' needs at least 1");
			}
			return Detections.atLeast(count, chosen);
		} catch (NumberFormatException e) {
			throw error("'" + quantifier + " of' is not a quantifier; write '1 of' or 'all of'");
		}
	}

	private static String toRegex(String pattern) {
		StringBuilder regex = new StringBuilder();
		String[] pieces = pattern.split("\\*", -1);
		for (int i = 0; i < pieces.length; i++) {
			regex.append(i > 0 ? ".*" : "").append(pieces[i].isEmpty() ? "" : Pattern.quote(pieces[i]));
		}
		return regex.toString();
	}

	private RuleSyntaxException error(String message) {
		return new RuleSyntaxException(line, "condition '" + condition + "': " + message);
	}
}
