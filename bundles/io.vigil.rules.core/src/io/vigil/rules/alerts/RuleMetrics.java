package io.vigil.rules.alerts;

/**
 * What triage says about one rule.
 *
 * @param ruleId the rule
 * @param alerts how many alerts it raised
 * @param decided how many of them have a disposition
 * @param falsePositives how many were false positives
 */
public record RuleMetrics(String ruleId, long alerts, long decided, long falsePositives) {

	/** Returns the share of decided alerts that were false positives, 0 when none is decided. */
	public double falsePositiveShare() {
		return decided == 0 ? 0 : (double) falsePositives / decided;
	}
}
