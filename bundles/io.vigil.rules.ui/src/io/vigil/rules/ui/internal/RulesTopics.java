package io.vigil.rules.ui.internal;

/** Event broker topics between the alert rule parts. */
final class RulesTopics {

	/** A rule was selected in the library, or a new one begun; the data is a {@code LibraryRule}. */
	static final String RULE_SELECTED = "io/vigil/rules/ui/rule/selected";
	/** Rules were saved, imported, enabled, disabled or deleted; the data is a rule id or empty. */
	static final String LIBRARY_CHANGED = "io/vigil/rules/ui/library/changed";
	/** The editor's text changed and was checked; the data is an {@link EditedRule}. */
	static final String RULE_EDITED = "io/vigil/rules/ui/rule/edited";
	/** An alert was selected in the queue; the data is an {@code Alert}. */
	static final String ALERT_SELECTED = "io/vigil/rules/ui/alert/selected";

	private RulesTopics() {
	}
}
