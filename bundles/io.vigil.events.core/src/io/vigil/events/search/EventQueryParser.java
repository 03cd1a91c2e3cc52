package io.vigil.events.search;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

import io.vigil.events.EventFields;
import io.vigil.events.store.FieldCatalog;
import io.vigil.events.store.IndexFields;
import io.vigil.events.store.IpAddresses;

/**
 * Vigil's query language: Lucene's classic syntax over event field paths, with terms joined by
 * AND unless written otherwise. Each {@code field:value} becomes the query that fits how the
 * field is indexed: an exact keyword, words of its text, a number, an IP address or a CIDR block
 * ({@code details.sourceipaddress:10.0.0.0/8}), or a time ({@code utctimestamp}). Ranges work on
 * numbers, addresses, times and keywords; {@code field:>=5} is short for {@code field:[5 TO *]};
 * {@code _exists_:field} matches events that have the field. Terms without a field search the
 * text of every string. Not thread-safe; cheap to create.
 */
public final class EventQueryParser {

	/** The field name that means "events that have this field". */
	public static final String EXISTS = "_exists_";
	/** The event's stable id as events show it; it is indexed once, as {@link IndexFields#ID}. */
	public static final String EVENT_ID = "vigil.id";

	private static final Pattern COMPARISON = Pattern.compile("(?<=^|[\\s(])([\\w.@-]+):(>=|<=|>|<)(\"[^\"]*\"|[^\\s()]+)");
	private static final Pattern ADDRESS_VALUE = Pattern.compile("(?<=:)([0-9A-Fa-f]*[:.][0-9A-Fa-f:.]*(?:/\\d{1,3})?)(?=$|[\\s)])");

	private final FieldCatalog catalog;
	private final Clock clock;
	private final List<String> warnings = new ArrayList<>();

	/**
	 * Creates a parser for a snapshot's fields.
	 *
	 * @param catalog the fields of the events to search
	 * @param clock the clock for relative times in ranges
	 */
	public EventQueryParser(FieldCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Parses a query. An empty query matches every event.
	 *
	 * @throws QuerySyntaxException for a query that is not valid, with the position of the problem
	 */
	public Query parse(String text) throws QuerySyntaxException {
		warnings.clear();
		if (text.isBlank() || text.strip().equals("*")) {
			return new MatchAllDocsQuery();
		}
		Rewritten rewritten = rewrite(text);
		Parser parser = new Parser(text);
		try {
			return withPositiveClause(parser.parse(rewritten.text));
		} catch (ParseException e) {
			// Lucene wraps what went wrong in a ParseException that names the whole query.
			Throwable cause = e.getCause();
			if (cause instanceof ParseException inner && inner.getCause() instanceof QuerySyntaxException ours) {
				throw ours;
			}
			if (cause instanceof ParseException inner) {
				throw syntaxError(inner, text, rewritten);
			}
			if (cause instanceof TokenMgrError lexical) {
				throw lexicalError(lexical, text, rewritten);
			}
			throw new QuerySyntaxException("the query cannot be run: " + firstLine(e.getMessage()), text, 0);
		} catch (IllegalArgumentException e) {
			throw new QuerySyntaxException(e.getMessage(), text, 0);
		}
	}

	/** Returns what the last parse noticed without failing, such as fields no event has. */
	public List<String> warnings() {
		return List.copyOf(warnings);
	}

	/** The query text handed to Lucene's parser, and where each of its characters came from. */
	private record Rewritten(String text, int[] origins) {
		int origin(int index) {
			if (origins.length == 0) {
				return 0;
			}
			return index >= origins.length ? origins[origins.length - 1] + 1 : origins[Math.max(0, index)];
		}
	}

	/**
	 * Rewrites what the classic grammar cannot say: comparisons become ranges, and the slashes
	 * and colons inside addresses and CIDR blocks are escaped.
	 */
	private static Rewritten rewrite(String text) {
		StringBuilder out = new StringBuilder();
		List<Integer> origins = new ArrayList<>();
		Matcher comparison = COMPARISON.matcher(text);
		int last = 0;
		while (comparison.find()) {
			copy(text, last, comparison.start(), out, origins);
			String range = switch (comparison.group(2)) {
			case ">=" -> "[" + comparison.group(3) + " TO *]";
			case ">" -> "{" + comparison.group(3) + " TO *]";
			case "<=" -> "[* TO " + comparison.group(3) + "]";
			default -> "[* TO " + comparison.group(3) + "}";
			};
			String replaced = comparison.group(1) + ":" + range;
			for (int i = 0; i < replaced.length(); i++) {
				out.append(replaced.charAt(i));
				origins.add(comparison.start() + Math.min(i, comparison.end() - comparison.start() - 1));
			}
			last = comparison.end();
		}
		copy(text, last, text.length(), out, origins);
		return escapeAddresses(out.toString(), origins);
	}

	private static Rewritten escapeAddresses(String text, List<Integer> origins) {
		StringBuilder out = new StringBuilder();
		List<Integer> escapedOrigins = new ArrayList<>();
		Matcher address = ADDRESS_VALUE.matcher(text);
		int last = 0;
		while (address.find()) {
			String value = address.group(1);
			if (!looksLikeAddress(value)) {
				continue;
			}
			copy(text, origins, last, address.start(), out, escapedOrigins);
			for (int i = address.start(); i < address.end(); i++) {
				char c = text.charAt(i);
				if (c == ':' || c == '/') {
					out.append('\\');
					escapedOrigins.add(origins.get(i));
				}
				out.append(c);
				escapedOrigins.add(origins.get(i));
			}
			last = address.end();
		}
		copy(text, origins, last, text.length(), out, escapedOrigins);
		return new Rewritten(out.toString(), escapedOrigins.stream().mapToInt(Integer::intValue).toArray());
	}

	private static boolean looksLikeAddress(String value) {
		int slash = value.indexOf('/');
		String address = slash < 0 ? value : value.substring(0, slash);
		return IpAddresses.parse(address).isPresent();
	}

	private static void copy(String text, int from, int to, StringBuilder out, List<Integer> origins) {
		for (int i = from; i < to; i++) {
			out.append(text.charAt(i));
			origins.add(i);
		}
	}

	private static void copy(String text, List<Integer> origins, int from, int to, StringBuilder out,
			List<Integer> outOrigins) {
		for (int i = from; i < to; i++) {
			out.append(text.charAt(i));
			outOrigins.add(origins.get(i));
		}
	}

	/** A query made only of NOT clauses matches nothing in Lucene; here it means "all but". */
	private static Query withPositiveClause(Query query) {
		if (!(query instanceof BooleanQuery bool)) {
			return query;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		builder.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
		boolean positive = false;
		for (BooleanClause clause : bool.clauses()) {
			builder.add(withPositiveClause(clause.query()), clause.occur());
			positive |= clause.occur() != Occur.MUST_NOT;
		}
		if (!positive) {
			builder.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return builder.build();
	}

	private static QuerySyntaxException syntaxError(ParseException e, String text, Rewritten rewritten) {
		Token bad = e.currentToken == null ? null : e.currentToken.next;
		if (bad == null) {
			return new QuerySyntaxException("the query cannot be read: " + firstLine(e.getMessage()), text, 0);
		}
		// Lucene's character stream counts columns from 0.
		int column = rewritten.origin(bad.beginColumn);
		if (bad.kind == 0) {
			return new QuerySyntaxException("the query ends too early; a term, phrase or ')' is missing", text,
					text.length());
		}
		return new QuerySyntaxException("unexpected '" + bad.image + "'", text, column);
	}

	private static QuerySyntaxException lexicalError(TokenMgrError e, String text, Rewritten rewritten) {
		Matcher column = Pattern.compile("column (\\d+)").matcher(String.valueOf(e.getMessage()));
		int position = column.find() ? rewritten.origin(Integer.parseInt(column.group(1))) : 0;
		String message = String.valueOf(e.getMessage());
		if (message.contains("<EOF>")) {
			return new QuerySyntaxException("the query ends inside a quote, a range or an escape", text, text.length());
		}
		return new QuerySyntaxException("a character here cannot be read", text, position);
	}

	private static String firstLine(String message) {
		int cut = message.indexOf('\n');
		return cut < 0 ? message : message.substring(0, cut);
	}

	/** Lucene's classic parser, with each kind of term turned into the query that fits its field. */
	private final class Parser extends QueryParser {

		private final String original;

		Parser(String original) {
			super(IndexFields.ALL_TEXT, new StandardAnalyzer());
			this.original = original;
			setDefaultOperator(QueryParserBase.AND_OPERATOR);
			setAllowLeadingWildcard(true);
			setSplitOnWhitespace(true);
			setAutoGeneratePhraseQueries(true);
		}

		private ParseException problem(String message, String field, String value) {
			int whole = original.indexOf(field + ":" + value);
			int at = whole >= 0 ? whole + field.length() + 1 : Math.max(0, original.indexOf(value));
			ParseException wrapped = new ParseException(message);
			wrapped.initCause(new QuerySyntaxException(message, original, at));
			return wrapped;
		}

		/** Builds a query on each text field and matches any of them, for terms without a field. */
		private Query everyText(TextQuery perField) throws ParseException {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			int clauses = 0;
			for (String field : catalog.textFields()) {
				Query query = perField.on(field);
				if (query != null) {
					any.add(query, Occur.SHOULD);
					clauses++;
				}
			}
			return clauses == 0 ? new MatchNoDocsQuery("no text in the events") : any.build();
		}

		@Override
		protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
			if (field.equals(IndexFields.ALL_TEXT)) {
				return everyText(textField -> super.getFieldQuery(textField, queryText, quoted));
			}
			if (isLuceneField(field)) {
				return super.getFieldQuery(field, queryText, quoted);
			}
			if (field.equals(EXISTS)) {
				return exists(queryText);
			}
			if (field.equals(EVENT_ID)) {
				// Ids are lower-case hexadecimal; the id links alerts and other records to their events.
				return new TermQuery(new Term(IndexFields.ID, queryText.strip().toLowerCase(Locale.ROOT)));
			}
			if (field.equals(EventFields.UTC_TIMESTAMP)) {
				return timeTerm(field, queryText);
			}
			if (catalog.hasIp(field)) {
				Optional<Query> address = addressQuery(field, queryText);
				if (address.isPresent()) {
					// Addresses compare as addresses: 2001:db8::5 is 2001:0db8:0:0:0:0:0:5.
					return address.get();
				}
			}
			Optional<Query> words = words(field, queryText, quoted);
			if (words.isPresent()) {
				return words.get();
			}
			List<Query> alternatives = new ArrayList<>();
			if (catalog.hasKeyword(field)) {
				alternatives.add(new TermQuery(new Term(field, keywordOf(queryText))));
			}
			number(queryText).filter(n -> catalog.hasNumber(field) && n != Math.rint(n))
					.ifPresent(n -> alternatives.add(DoublePoint.newExactQuery(IndexFields.number(field), n)));
			return anyOf(field, alternatives);
		}

		/**
		 * Returns the word query for a value with letters on a field with text. It matches every
		 * event whose value is exactly this one too (their text holds the same words in the same
		 * order), so no keyword clause is needed beside it: one clause counts and scores faster.
		 */
		private Optional<Query> words(String field, String queryText, boolean quoted) throws ParseException {
			if (!catalog.hasText(field) || !hasLetter(queryText)) {
				return Optional.empty();
			}
			return Optional.ofNullable(super.getFieldQuery(IndexFields.text(field), queryText, quoted));
		}

		@Override
		protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
			if (field.equals(IndexFields.ALL_TEXT)) {
				return everyText(textField -> super.getFieldQuery(textField, queryText, slop));
			}
			if (isLuceneField(field) || field.equals(EXISTS) || field.equals(EventFields.UTC_TIMESTAMP)) {
				return super.getFieldQuery(field, queryText, slop);
			}
			if (catalog.hasText(field) && hasLetter(queryText)) {
				Query words = super.getFieldQuery(IndexFields.text(field), queryText, slop);
				if (words != null) {
					return words;
				}
			}
			List<Query> alternatives = new ArrayList<>();
			if (catalog.hasKeyword(field)) {
				alternatives.add(new TermQuery(new Term(field, queryText)));
			}
			return anyOf(field, alternatives);
		}

		/**
		 * Whether a name is one of Lucene's own fields (the all-text field or a typed form such as
		 * {@code summary#t}), which Lucene's parser handles as it is: the base class calls back
		 * into this parser with such names while it builds phrases.
		 */
		private boolean isLuceneField(String field) {
			return field.indexOf('#') >= 0;
		}

		private Query anyOf(String field, List<Query> alternatives) {
			if (alternatives.isEmpty()) {
				if (!catalog.hasKeyword(field)) {
					warnings.add("no event has the field '" + field + "'");
				}
				return new MatchNoDocsQuery("no such field or value form: " + field);
			}
			if (alternatives.size() == 1) {
				return alternatives.get(0);
			}
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			alternatives.forEach(query -> any.add(query, Occur.SHOULD));
			return any.build();
		}

		private Optional<Query> addressQuery(String field, String value) throws ParseException {
			int slash = value.indexOf('/');
			Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash));
			if (address.isEmpty()) {
				return Optional.empty();
			}
			if (slash < 0) {
				return Optional.of(InetAddressPoint.newExactQuery(IndexFields.ip(field), address.get()));
			}
			int bits = address.get().getAddress().length * 8;
			int prefix;
			try {
				prefix = Integer.parseInt(value.substring(slash + 1));
			} catch (NumberFormatException e) {
				throw problem("'" + value + "' is not a CIDR block", field, value);
			}
			if (prefix < 0 || prefix > bits) {
				throw problem("the prefix of '" + value + "' must be between 0 and " + bits, field, value);
			}
			return Optional.of(InetAddressPoint.newPrefixQuery(IndexFields.ip(field), address.get(), prefix));
		}

		private Query exists(String path) {
			if (!catalog.hasKeyword(path)) {
				warnings.add("no event has the field '" + path + "'");
				return new MatchNoDocsQuery("no such field: " + path);
			}
			return new FieldExistsQuery(path);
		}

		private Query timeTerm(String field, String value) throws ParseException {
			Optional<Instant> time = TimeExpressions.parse(value, clock);
			if (time.isEmpty()) {
				throw problem("'" + value + "' is not a time", field, value);
			}
			if (value.strip().length() == 10) {
				LocalDate day = LocalDate.ofInstant(time.get(), ZoneOffset.UTC);
				long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
				return LongPoint.newRangeQuery(IndexFields.TIME, start, start + 86_400_000L - 1);
			}
			return LongPoint.newExactQuery(IndexFields.TIME, time.get().toEpochMilli());
		}

		@Override
		protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
				boolean endInclusive) throws ParseException {
			String low = open(part1) ? null : part1;
			String high = open(part2) ? null : part2;
			if (field.equals(EventFields.UTC_TIMESTAMP)) {
				return timeRange(field, low, high, startInclusive, endInclusive);
			}
			if (catalog.hasNumber(field) && isNumberOrOpen(low) && isNumberOrOpen(high)) {
				return numberRange(field, low, high, startInclusive, endInclusive);
			}
			if (catalog.hasIp(field) && isAddressOrOpen(low) && isAddressOrOpen(high)) {
				return addressRange(field, low, high, startInclusive, endInclusive);
			}
			if (!catalog.hasKeyword(field)) {
				warnings.add("no event has the field '" + field + "'");
				return new MatchNoDocsQuery("no such field: " + field);
			}
			return TermRangeQuery.newStringRange(field, low, high, startInclusive, endInclusive);
		}

		private boolean open(String part) {
			return part == null || part.equals("*");
		}

		private Query timeRange(String field, String low, String high, boolean startInclusive, boolean endInclusive)
				throws ParseException {
			long from = Long.MIN_VALUE;
			long to = Long.MAX_VALUE;
			if (low != null) {
				from = TimeExpressions.parse(low, clock).orElseThrow(() -> problem("'" + low + "' is not a time", field, low))
						.toEpochMilli() + (startInclusive ? 0 : 1);
			}
			if (high != null) {
				to = TimeExpressions.parse(high, clock)
						.orElseThrow(() -> problem("'" + high + "' is not a time", field, high)).toEpochMilli()
						- (endInclusive ? 0 : 1);
			}
			return LongPoint.newRangeQuery(IndexFields.TIME, from, to);
		}

		private Query numberRange(String field, String low, String high, boolean startInclusive,
				boolean endInclusive) {
			double from = low == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(low);
			double to = high == null ? Double.POSITIVE_INFINITY : Double.parseDouble(high);
			from = startInclusive || low == null ? from : Math.nextUp(from);
			to = endInclusive || high == null ? to : Math.nextDown(to);
			return DoublePoint.newRangeQuery(IndexFields.number(field), from, to);
		}

		private Query addressRange(String field, String low, String high, boolean startInclusive,
				boolean endInclusive) {
			InetAddress from = low == null ? InetAddressPoint.MIN_VALUE : IpAddresses.parse(low).orElseThrow();
			InetAddress to = high == null ? InetAddressPoint.MAX_VALUE : IpAddresses.parse(high).orElseThrow();
			from = startInclusive || low == null ? from : InetAddressPoint.nextUp(from);
			to = endInclusive || high == null ? to : InetAddressPoint.nextDown(to);
			return InetAddressPoint.newRangeQuery(IndexFields.ip(field), from, to);
		}

		private boolean isNumberOrOpen(String value) {
			return value == null || number(value).isPresent();
		}

		private boolean isAddressOrOpen(String value) {
			return value == null || IpAddresses.parse(value).isPresent();
		}

		@Override
		protected Query getWildcardQuery(String field, String termStr) throws ParseException {
			if (field.equals("*") && termStr.equals("*")) {
				return new MatchAllDocsQuery();
			}
			if (field.equals(IndexFields.ALL_TEXT)) {
				return everyText(textField -> super.getWildcardQuery(textField, termStr));
			}
			if (isLuceneField(field)) {
				return super.getWildcardQuery(field, termStr);
			}
			if (termStr.equals("*")) {
				return exists(field);
			}
			List<Query> alternatives = new ArrayList<>();
			if (catalog.hasKeyword(field)) {
				alternatives.add(new WildcardQuery(new Term(field, termStr)));
			}
			if (catalog.hasText(field)) {
				alternatives.add(new WildcardQuery(new Term(IndexFields.text(field), termStr.toLowerCase(Locale.ROOT))));
			}
			return anyOf(field, alternatives);
		}

		@Override
		protected Query getPrefixQuery(String field, String termStr) throws ParseException {
			if (field.equals(IndexFields.ALL_TEXT)) {
				return everyText(textField -> super.getPrefixQuery(textField, termStr));
			}
			if (isLuceneField(field)) {
				return super.getPrefixQuery(field, termStr);
			}
			List<Query> alternatives = new ArrayList<>();
			if (catalog.hasKeyword(field)) {
				alternatives.add(new PrefixQuery(new Term(field, termStr)));
			}
			if (catalog.hasText(field)) {
				alternatives.add(new PrefixQuery(new Term(IndexFields.text(field), termStr.toLowerCase(Locale.ROOT))));
			}
			return anyOf(field, alternatives);
		}

		@Override
		protected Query getRegexpQuery(String field, String termStr) throws ParseException {
			if (isLuceneField(field)) {
				return super.getRegexpQuery(field, termStr);
			}
			try {
				return catalog.hasKeyword(field) ? new RegexpQuery(new Term(field, termStr))
						: anyOf(field, List.of());
			} catch (IllegalArgumentException e) {
				throw problem("the regular expression /" + termStr + "/ is not valid: " + e.getMessage(), field,
						"/" + termStr);
			}
		}

		@Override
		protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
			if (field.equals(IndexFields.ALL_TEXT)) {
				return everyText(textField -> super.getFuzzyQuery(textField, termStr, minSimilarity));
			}
			if (isLuceneField(field) || !catalog.hasText(field)) {
				return super.getFuzzyQuery(field, termStr, minSimilarity);
			}
			return new FuzzyQuery(new Term(IndexFields.text(field), termStr.toLowerCase(Locale.ROOT)),
					Math.max(0, Math.min(2, (int) minSimilarity)));
		}
	}

	/** A query on one Lucene field, which the base parser may refuse. */
	@FunctionalInterface
	private interface TextQuery {
		Query on(String field) throws ParseException;
	}

	private static boolean hasLetter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetter(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Returns a value as its keyword is indexed: whole numbers in their plain form (22.0 is 22). */
	private static String keywordOf(String text) {
		Optional<Double> value = number(text);
		if (value.isPresent() && value.get() == Math.rint(value.get()) && Math.abs(value.get()) < 1e15
				&& !text.strip().startsWith("0")) {
			return Long.toString(value.get().longValue());
		}
		return text;
	}

	private static Optional<Double> number(String text) {
		try {
			double value = Double.parseDouble(text);
			return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
		} catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
