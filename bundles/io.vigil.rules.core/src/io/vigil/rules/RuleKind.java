package io.vigil.rules;

/** The forms a detection rule takes. */
public enum RuleKind {
	/** A Sigma rule: each event is checked on its own. */
	SIGMA,
	/** A Sigma correlation rule over the matches of other rules, per group and time span. */
	CORRELATION,
	/** MozDef's threshold: more than a count of matching events per grouped value in a window. */
	THRESHOLD,
	/** MozDef's dead-man: matching events stopped arriving. */
	DEADMAN
}
