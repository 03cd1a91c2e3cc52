package io.vigil.rules.eval;

import java.time.Duration;
import java.util.List;

/**
 * What a correlation (Sigma's, or MozDef's threshold and dead-man) counts. Windows are tumbling
 * and aligned on the epoch, {@code timespan} long, so that the same events give the same alerts
 * whatever order they arrive in: streaming and backtests agree.
 *
 * @param type the correlation's type
 * @param rules the ids of the rules whose matches it counts (for MozDef's forms, the rule itself)
 * @param groupBy the event fields it groups by, empty for one group
 * @param timespan the window's length (for a dead-man rule: the silence that fires it)
 * @param condition when a window fires
 * @param generate Sigma's {@code generate}: whether the referenced rules raise their own alerts too
 *            (by default they do not, even when enabled)
 */
public record CorrelationSpec(Type type, List<String> rules, List<String> groupBy, Duration timespan,
		Condition condition, boolean generate) {

	public CorrelationSpec {
		rules = List.copyOf(rules);
		groupBy = List.copyOf(groupBy);
	}

	/** A correlation whose referenced rules raise no alerts of their own. */
	public CorrelationSpec(Type type, List<String> rules, List<String> groupBy, Duration timespan, Condition condition) {
		this(type, rules, groupBy, timespan, condition, false);
	}

	/** The kinds of correlation. */
	public enum Type {
		/** Matching events per group and window. */
		EVENT_COUNT,
		/** Distinct values of a field per group and window. */
		VALUE_COUNT,
		/** All the rules matched in one window, in any order. */
		TEMPORAL,
		/** All the rules matched in one window, in the order given. */
		TEMPORAL_ORDERED,
		/** No matching event for a timespan. */
		DEADMAN
	}

	/**
	 * A comparison of a window's count.
	 *
	 * @param operator {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code eq} or {@code neq}
	 * @param value the number compared with
	 * @param field for {@link Type#VALUE_COUNT}: the field whose distinct values are counted
	 */
	public record Condition(String operator, long value, String field) {

		/** Returns whether a count satisfies the condition. */
		public boolean test(long count) {
			return switch (operator) {
				case "gt" -> count > value;
				case "gte" -> count >= value;
				case "lt" -> count < value;
				case "lte" -> count <= value;
				case "eq" -> count == value;
				case "neq" -> count != value;
				default -> throw new IllegalStateException("unknown operator " + operator);
			};
		}

		/**
		 * Returns whether a window can fire as soon as its count is reached ({@code gt}, {@code gte}),
		 * rather than only once it is over.
		 */
		public boolean firesEarly() {
			return operator.equals("gt") || operator.equals("gte");
		}
	}
}
