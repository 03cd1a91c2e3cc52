package io.vigil.rules;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.TimeRange;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.eval.BacktestResult;

/**
 * Alert rules in the workbench: the rule library, the engine that runs the enabled rules on every
 * stored event, and the alerts it raised. A Declarative Services component offers it while the
 * workbench has an event workspace.
 */
public interface RuleService {

	/** Returns the rule library. */
	RuleLibrary library();

	/** Returns the alert store. */
	AlertStore alerts();

	/** Returns the compiler, for validating text while it is typed. */
	RuleCompiler compiler();

	/**
	 * Makes the running engine take up the library's enabled rules as they are now: call it after
	 * enabling, disabling, editing or importing. Correlation state of rules that did not change is
	 * kept.
	 */
	void reload() throws WorkspaceException;

	/**
	 * Runs rules over the stored events of a range, as streaming would have, without storing
	 * alerts.
	 */
	BacktestResult backtest(List<Rule> rules, TimeRange range, IProgressMonitor monitor) throws IOException;

	/** Runs rules over events given whole (pasted in the test pane), in the order given. */
	List<AlertDraft> test(List<Rule> rules, List<ObjectNode> events);

	/** Adds a listener told (on any thread) whenever alerts are raised or changed. */
	void addAlertListener(Runnable listener);

	/** Removes a listener. */
	void removeAlertListener(Runnable listener);
}
