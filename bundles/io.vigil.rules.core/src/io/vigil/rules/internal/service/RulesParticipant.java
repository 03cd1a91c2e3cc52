package io.vigil.rules.internal.service;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;

import io.vigil.events.EventWorkspace;
import io.vigil.events.EventWorkspaceParticipant;
import io.vigil.rules.RuleRunner;
import io.vigil.rules.RuleWorkspace;

/**
 * Runs the workspace's enabled rules on what a command ({@code ingest}, {@code collect},
 * {@code intake}) stores, and stores their alerts before the command ends.
 */
@Component(service = EventWorkspaceParticipant.class)
public final class RulesParticipant implements EventWorkspaceParticipant {

	@Override
	public AutoCloseable join(EventWorkspace events, Consumer<String> warnings) throws Exception {
		RuleRunner runner = RuleWorkspace.open(events).runner(warnings);
		runner.start();
		return () -> {
			runner.close();
			if (runner.stored() > 0) {
				warnings.accept("rules: " + runner.stored() + " alerts raised");
			}
		};
	}
}
