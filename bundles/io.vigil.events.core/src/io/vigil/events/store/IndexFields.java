package io.vigil.events.store;

/**
 * How an event's fields are laid out in Lucene. Every leaf of the event's JSON is indexed under its
 * path ({@code details.sourceipaddress}), in the forms that fit its value:
 *
 * <ul>
 * <li>{@code PATH}: the exact value as a keyword (strings, numbers in their text, {@code true}
 * and {@code false}), with sorted-set doc values for facets and sorting;</li>
 * <li>{@code PATH#t}: strings with letters analysed as text, for word and phrase search (terms
 * given without a field search every such field);</li>
 * <li>{@code PATH#n}: numbers as double points, with sortable doc values, for ranges;</li>
 * <li>{@code PATH#ip}: IP literals as address points, for CIDR and address ranges.</li>
 * </ul>
 *
 * Names that start with {@code #} are Vigil's own; JSON keys never contain {@code #} once indexed
 * (it is replaced by {@code _}), so the two cannot clash.
 */
public final class IndexFields {

	/** The event's stable id: indexed and stored. */
	public static final String ID = "#id";
	/** The event's time ({@code utctimestamp}) in epoch milliseconds: points and doc values. */
	public static final String TIME = "#time";
	/** The whole event as UTF-8 JSON, stored. */
	public static final String SOURCE = "#source";
	/** The name the query parser gives terms without a field; no document has it. */
	public static final String ALL_TEXT = "#text";

	/** Suffix of a path's analysed text form. */
	public static final String TEXT_SUFFIX = "#t";
	/** Suffix of a path's numeric form. */
	public static final String NUMBER_SUFFIX = "#n";
	/** Suffix of a path's IP address form. */
	public static final String IP_SUFFIX = "#ip";

	/** Keyword values are indexed up to this many characters; the stored event keeps them whole. */
	public static final int MAX_KEYWORD = 1024;

	private IndexFields() {
	}

	/** Returns the name of a path's text form. */
	public static String text(String path) {
		return path + TEXT_SUFFIX;
	}

	/** Returns the name of a path's numeric form. */
	public static String number(String path) {
		return path + NUMBER_SUFFIX;
	}

	/** Returns the name of a path's IP form. */
	public static String ip(String path) {
		return path + IP_SUFFIX;
	}

	/** Returns whether a Lucene field name is a plain keyword path rather than a typed form or Vigil's own. */
	public static boolean isKeywordPath(String field) {
		return field.indexOf('#') < 0;
	}

	/** Returns the path of any field name: the name without its type suffix. */
	public static String pathOf(String field) {
		int hash = field.indexOf('#');
		return hash <= 0 ? field : field.substring(0, hash);
	}
}
