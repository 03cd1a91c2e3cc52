package io.vigil.rules;

import java.io.IOException;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.alerts.AlertsSchema;

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
}
