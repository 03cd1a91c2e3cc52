package io.vigil.rules;

import io.vigil.rules.eval.CorrelationSpec;
import io.vigil.rules.eval.EventMatcher;

/**
 * A compiled rule, ready for the {@link io.vigil.rules.eval.RuleEngine}.
 *
 * @param header what describes it
 * @param kind its form
 * @param matcher for {@link RuleKind#SIGMA}, {@link RuleKind#THRESHOLD} and {@link RuleKind#DEADMAN}:
 *            which events it looks at (its log source and detection together); {@code null} for a
 *            correlation
 * @param correlation for {@link RuleKind#CORRELATION}, {@link RuleKind#THRESHOLD} and
 *            {@link RuleKind#DEADMAN}: what it counts, grouped how and over what time span;
 *            {@code null} for a single-event Sigma rule
 * @param generate whether its own matches raise alerts: false for a Sigma rule that a correlation
 *            refers to without {@code generate: true}
 */
public record Rule(RuleHeader header, RuleKind kind, EventMatcher matcher, CorrelationSpec correlation,
		boolean generate) {

	/** Returns the rule's id. */
	public String id() {
		return header.id();
	}

	/**
	 * Returns whether another rule is this one unchanged: the same id, library version and text.
	 * The engine keeps the state of such a rule across reloads.
	 */
	public boolean sameAs(Rule other) {
		return id().equals(other.id()) && header.version() == other.header().version()
				&& header.text().equals(other.header().text());
	}

	/** Returns the rule with another library version. */
	public Rule withVersion(int version) {
		return new Rule(header.withVersion(version), kind, matcher, correlation, generate);
	}

	/** Returns the rule with another category for its alerts. */
	public Rule withCategory(String category) {
		return new Rule(header.withCategory(category), kind, matcher, correlation, generate);
	}

	/** Returns the rule with its own alerts turned on or off. */
	public Rule withGenerate(boolean on) {
		return new Rule(header, kind, matcher, correlation, on);
	}
}
