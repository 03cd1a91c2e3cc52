package io.vigil.rules;

import java.time.Instant;
import java.util.List;

/**
 * A rule as the library keeps it.
 *
 * @param id the rule's id (Sigma's {@code id}, or one Vigil made)
 * @param title its title
 * @param kind its form
 * @param level its level
 * @param status Sigma's status ({@code stable}, {@code test}, {@code experimental}, ...)
 * @param enabled whether it runs on incoming events
 * @param version its version, 1 when imported, one more at each edit that changes its text
 * @param file the file it came from, or the name it was saved under
 * @param text its YAML (or MozDef JSON) text
 * @param problems why it cannot run, when it cannot; empty for a runnable rule
 * @param unmapped why no mapping profile covers its log source, empty when one does
 * @param updated when it was last imported or edited
 */
public record LibraryRule(String id, String title, RuleKind kind, RuleLevel level, String status, boolean enabled,
		int version, String file, String text, List<RuleProblem> problems, String unmapped, Instant updated) {

	public LibraryRule {
		problems = List.copyOf(problems);
	}

	/** Returns whether the rule compiles and can run. */
	public boolean runnable() {
		return problems.isEmpty();
	}
}
