package io.vigil.events.ui.internal;

import java.util.Locale;

/** Builds query text for pivots: a field's value to search for or to exclude. */
final class QueryText {

	private QueryText() {
	}

	/** Returns {@code field:"value"}, quoted and escaped; an empty value means "has no such field". */
	static String term(String field, String value) {
		if (value.isEmpty()) {
			return "NOT _exists_:" + field;
		}
		return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Joins a term to a query with AND (or AND NOT); a query with OR is put in parentheses first,
	 * so that the term narrows all of it.
	 */
	static String and(String query, String term, boolean exclude) {
		String clause = exclude && !term.startsWith("NOT ") ? "NOT " + term
				: exclude ? term.substring("NOT ".length()) : term;
		if (query.isBlank() || query.strip().equals("*")) {
			return clause;
		}
		boolean hasOr = query.toUpperCase(Locale.ROOT).contains(" OR ");
		return (hasOr ? "(" + query + ")" : query) + " AND " + clause;
	}
}
