package io.vigil.rules.internal.service;

import java.util.function.Consumer;

import io.vigil.rules.RuleRunner;
import io.vigil.rules.RuleWorkspace;

/** Makes the responder that runs rules' automated responses in a workspace. */
final class Responders {

	private Responders() {
	}

	static RuleRunner.Responder of(RuleWorkspace rules, Consumer<String> warnings) {
		// TODO the response runner lands with the automated responses.
		return (rule, alert) -> warnings.accept("rule " + rule.id() + " carries actions, which are not run yet");
	}
}
