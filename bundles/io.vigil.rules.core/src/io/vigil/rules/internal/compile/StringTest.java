package io.vigil.rules.internal.compile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One Sigma value as a test of an event's string: exact, prefix, suffix, substring or a wildcard
 * pattern ({@code *} any run, {@code ?} one character, {@code \} escapes), case-insensitive unless
 * cased. Thread-safe.
 */
abstract class StringTest {

	/** Returns whether a value passes; {@code lower} is the same value in lower case. */
	abstract boolean test(String value, String lower);

	/** Compiles a Sigma wildcard pattern. */
	static StringTest wildcard(String pattern, boolean cased) {
		StringBuilder literal = new StringBuilder();
		boolean leading = false;
		boolean trailing = false;
		boolean inner = false;
		int length = pattern.length();
		for (int i = 0; i < length; i++) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < length && "*?\\".indexOf(pattern.charAt(i + 1)) >= 0) {
				literal.append(pattern.charAt(++i));
			} else if (c == '*' && literal.isEmpty() && !leading) {
				leading = true;
			} else if (c == '*' && i == length - 1) {
				trailing = true;
			} else if (c == '*' || c == '?') {
				inner = true;
				break;
			} else {
				literal.append(c);
			}
		}
		if (inner) {
			return new Regex(Pattern.compile(toRegex(pattern), cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
		}
		String text = cased ? literal.toString() : literal.toString().toLowerCase(Locale.ROOT);
		return new Plain(text, leading, trailing, cased);
	}

	/** Compiles a regular expression. */
	static StringTest regex(String expression, int flags) {
		return new Regex(Pattern.compile(expression, flags));
	}

	private static String toRegex(String pattern) {
		StringBuilder regex = new StringBuilder("^");
		StringBuilder literal = new StringBuilder();
		int length = pattern.length();
		for (int i = 0; i < length; i++) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < length && "*?\\".indexOf(pattern.charAt(i + 1)) >= 0) {
				literal.append(pattern.charAt(++i));
			} else if (c == '*' || c == '?') {
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				regex.append(c == '*' ? "[\\s\\S]*" : "[\\s\\S]");
			} else {
				literal.append(c);
			}
		}
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
		}
		return regex.append('$').toString();
	}

	/** A pattern without inner wildcards. */
	private static final class Plain extends StringTest {

		private final String text;
		private final boolean leading;
		private final boolean trailing;
		private final boolean cased;

		Plain(String text, boolean leading, boolean trailing, boolean cased) {
			this.text = text;
			this.leading = leading;
			this.trailing = trailing;
			this.cased = cased;
		}

		@Override
		boolean test(String value, String lower) {
			String subject = cased ? value : lower;
			if (leading && trailing) {
				return subject.contains(text);
			}
			if (leading) {
				return subject.endsWith(text);
			}
			if (trailing) {
				return subject.startsWith(text);
			}
			return subject.equals(text);
		}
	}

	/** A regular expression, or a pattern with inner wildcards. */
	private static final class Regex extends StringTest {

		private final Pattern pattern;

		Regex(Pattern pattern) {
			this.pattern = pattern;
		}

		@Override
		boolean test(String value, String lower) {
			return pattern.matcher(value).find();
		}
	}
}
