package io.vigil.rules.ui.internal;

/** Event broker topics between the alert rule parts. */
final class RulesTopics {

	/** A rule was selected in the library, or a new one begun; the data is a {@code LibraryRule}. */
	static final String RULE_SELECTED = "io/vigil/rules/ui/rule/selected";
	/** Rules were saved, imported, enabled, disabled or deleted; the data is a rule id or empty. */
	static final String LIBRARY_CHANGED = "io/vigil/rules/ui/library/changed";
	/** Alerts were triaged (status or disposition), which changes the rules' metrics; the data is a count. */
	static final String ALERTS_TRIAGED = "io/vigil/rules/ui/alerts/triaged";
	/** An alert was selected in the queue; the data is an {@code Alert}. */
	static final String ALERT_SELECTED = "io/vigil/rules/ui/alert/selected";

	private RulesTopics() {
	}
}
