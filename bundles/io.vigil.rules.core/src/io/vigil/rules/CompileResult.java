package io.vigil.rules;

import java.util.List;

/**
 * What compiling a rule text gave: the rules it holds that can run, and the problems of those
 * that cannot (with where they are).
 */
public record CompileResult(List<Rule> rules, List<RuleProblem> problems) {

	public CompileResult {
		rules = List.copyOf(rules);
		problems = List.copyOf(problems);
	}
}
