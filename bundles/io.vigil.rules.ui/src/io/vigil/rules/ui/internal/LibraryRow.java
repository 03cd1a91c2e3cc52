package io.vigil.rules.ui.internal;

import io.vigil.rules.LibraryRule;
import io.vigil.rules.alerts.RuleMetrics;

/**
 * One row of the Rule Library: a rule with what triage says about it.
 *
 * @param rule the rule
 * @param hitsToday how many alerts it raised since midnight UTC
 * @param metrics its triage metrics, {@code null} when it raised no alert yet
 */
record LibraryRow(LibraryRule rule, long hitsToday, RuleMetrics metrics) {

	/** Returns whether the row needs a mark: the rule cannot run, or no profile maps its log source. */
	boolean marked() {
		return !rule.runnable() || !rule.unmapped().isEmpty();
	}

	/** Returns why the row is marked, for a person; empty when it is not. */
	String why() {
		if (!rule.runnable()) {
			return rule.problems().get(0).toString();
		}
		return rule.unmapped().isEmpty() ? "" : rule.unmapped();
	}
}
