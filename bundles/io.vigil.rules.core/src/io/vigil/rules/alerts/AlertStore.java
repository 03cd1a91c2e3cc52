package io.vigil.rules.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.core.store.Database;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.rules.response.ActionRun;

/**
 * The alerts of a workspace, in its Derby database: raising, the triage queue, suppressions and
 * per-rule metrics. Thread-safe.
 */
public final class AlertStore {

	private final Database database;
	private final Clock clock;

	/** Makes a store on a database whose schema {@link AlertsSchema} brought up to date. */
	public AlertStore(Database database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/**
	 * Stores a raised alert, unless an active suppression covers it or an alert with the same rule
	 * and key is stored already.
	 *
	 * @return the stored alert, or empty when suppressed or a duplicate
	 */
	public Optional<Alert> raise(AlertDraft draft) throws WorkspaceException {
		throw new UnsupportedOperationException("not yet: " + database + clock);
	}

	/** Returns the alerts a filter selects, newest first. */
	public List<Alert> list(AlertFilter filter) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns an alert by id. */
	public Optional<Alert> get(long id) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Changes an alert's status, recording who did it with a comment in its history. */
	public void setStatus(long id, AlertStatus status, String who, String comment) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Sets an alert's disposition, recording who did it with a comment in its history. */
	public void setDisposition(long id, Disposition disposition, String who, String comment)
			throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns an alert's triage history, oldest first. */
	public List<AlertNote> history(long id) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Records one run of an automated response on an alert. */
	public void recordAction(long alertId, ActionRun run) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns the metrics of every rule that raised an alert, by rule id. */
	public Map<String, RuleMetrics> metrics() throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns how many alerts a rule raised since an instant (for "hits today"). */
	public long countSince(String ruleId, Instant since) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Adds a suppression of a rule's alerts for a value (empty for all), until it expires. */
	public Suppression suppress(String ruleId, String value, String owner, String reason, Instant expires)
			throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns the suppressions, those expired too when asked. */
	public List<Suppression> suppressions(boolean includeExpired) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Removes a suppression. */
	public void removeSuppression(long id) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}
}
