package io.vigil.rules.alerts;

/** What triage decided an alert was. */
public enum Disposition {
	/** Not decided yet. */
	UNDECIDED,
	/** Malicious activity, as the rule meant. */
	TRUE_POSITIVE,
	/** The rule saw what it looks for, but it was allowed (an admin's scan, a test). */
	BENIGN_TRUE_POSITIVE,
	/** The rule was wrong. */
	FALSE_POSITIVE
}
