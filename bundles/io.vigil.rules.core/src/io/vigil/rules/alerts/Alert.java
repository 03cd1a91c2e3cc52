package io.vigil.rules.alerts;

import java.time.Instant;
import java.util.List;

import io.vigil.rules.response.ActionRun;

/**
 * A stored alert.
 *
 * @param id the alert's number in the workspace
 * @param draft what the rule raised
 * @param raised when it was stored (wall clock)
 * @param status its triage status
 * @param disposition its disposition
 * @param assignee who works on it, empty for nobody
 * @param actions the automated responses run for it, oldest first
 */
public record Alert(long id, AlertDraft draft, Instant raised, AlertStatus status, Disposition disposition,
		String assignee, List<ActionRun> actions) {
}
