package io.vigil.rules;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.alerts.AlertsSchema;
import io.vigil.rules.response.ResponseRunner;
import io.vigil.rules.response.WorkspaceResponseEnvironment;

/**
 * The alert-rule side of an open workspace: its mapping profiles, rule library and alerts. The
 * command line opens one per run; in the workbench the rule service holds one.
 */
public final class RuleWorkspace {

	private final EventWorkspace events;
	private final RuleCompiler compiler;
	private final RuleLibrary library;
	private final AlertStore alerts;

	private RuleWorkspace(EventWorkspace events, RuleCompiler compiler, RuleLibrary library, AlertStore alerts) {
		this.events = events;
		this.compiler = compiler;
		this.library = library;
		this.alerts = alerts;
	}

	/**
	 * Opens the rules of an event workspace, bringing their schema up to date and reading the
	 * mapping profiles (writing the default one the first time).
	 *
	 * @throws IOException if a mapping profile cannot be read, naming its file and line
	 */
	public static RuleWorkspace open(EventWorkspace events) throws WorkspaceException, IOException {
		events.workspace().ensureSchema(new RulesSchema());
		events.workspace().ensureSchema(new AlertsSchema());
		RuleCompiler compiler = new RuleCompiler(MappingProfiles.load(events.workspace().settingsDirectory()));
		return new RuleWorkspace(events, compiler, new RuleLibrary(events.workspace().database(), compiler, events.clock()),
				new AlertStore(events.workspace().database(), events.clock()));
	}

	/** Returns the events. */
	public EventWorkspace events() {
		return events;
	}

	/** Returns the compiler, with the workspace's mapping profiles. */
	public RuleCompiler compiler() {
		return compiler;
	}

	/** Returns the rule library. */
	public RuleLibrary library() {
		return library;
	}

	/** Returns the alerts. */
	public AlertStore alerts() {
		return alerts;
	}

	/**
	 * Makes the runner of the library's enabled rules on the workspace's event store, with the
	 * automated responses of the workspace. Connections are named by their {@code amqp://} or
	 * {@code amqps://} URI: named workbench connections keep their secrets in the workbench's
	 * secure storage. {@link RuleRunner#start()} attaches it.
	 *
	 * @param warnings told (on any thread) what went wrong storing an alert or running a rule
	 */
	public RuleRunner runner(Consumer<String> warnings) {
		ResponseRunner responses = new ResponseRunner(alerts,
				new WorkspaceResponseEnvironment(events.workspace(), name -> Optional.empty()));
		return new RuleRunner(events.store(), library, alerts, responses, events.clock(), warnings);
	}
}
