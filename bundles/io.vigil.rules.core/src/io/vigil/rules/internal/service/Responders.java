package io.vigil.rules.internal.service;

import java.util.Optional;

import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.response.ResponseRunner;
import io.vigil.rules.response.WorkspaceResponseEnvironment;

/** Makes the runner of rules' automated responses in a workspace. */
final class Responders {

	private Responders() {
	}

	/**
	 * Returns a response runner. Connections are named by their {@code amqp://} or
	 * {@code amqps://} URI; named workbench connections keep their secrets in the workbench's
	 * secure storage, which a command does not open.
	 */
	static ResponseRunner of(RuleWorkspace rules) {
		return new ResponseRunner(rules.alerts(),
				new WorkspaceResponseEnvironment(rules.events().workspace(), name -> Optional.empty()));
	}
}
