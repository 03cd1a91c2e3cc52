package io.vigil.rules.ui.internal;

import java.util.Optional;

import io.vigil.rules.alerts.AlertStatus;
import io.vigil.rules.alerts.Disposition;

/**
 * The single keys that triage the selected alerts in the queue: each sets a status or a
 * disposition, after asking for an optional comment.
 */
enum TriageKey {
	IN_PROGRESS('i', AlertStatus.IN_PROGRESS, null, Messages.Triage_inProgress),
	ACKNOWLEDGED('a', AlertStatus.ACKNOWLEDGED, null, Messages.Triage_acknowledged),
	ESCALATED('e', AlertStatus.ESCALATED, null, Messages.Triage_escalated),
	CLOSED('c', AlertStatus.CLOSED, null, Messages.Triage_closed),
	TRUE_POSITIVE('t', null, Disposition.TRUE_POSITIVE, Messages.Triage_truePositive),
	BENIGN_TRUE_POSITIVE('b', null, Disposition.BENIGN_TRUE_POSITIVE, Messages.Triage_benign),
	FALSE_POSITIVE('f', null, Disposition.FALSE_POSITIVE, Messages.Triage_falsePositive);

	private final char key;
	private final AlertStatus status;
	private final Disposition disposition;
	private final String label;

	TriageKey(char key, AlertStatus status, Disposition disposition, String label) {
		this.key = key;
		this.status = status;
		this.disposition = disposition;
		this.label = label;
	}

	/** Returns the action of a typed character, either case. */
	static Optional<TriageKey> of(char typed) {
		char lower = Character.toLowerCase(typed);
		for (TriageKey candidate : values()) {
			if (candidate.key == lower) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** Returns the key, upper case as it is shown. */
	char key() {
		return Character.toUpperCase(key);
	}

	/** Returns the status it sets, or {@code null} when it sets a disposition. */
	AlertStatus status() {
		return status;
	}

	/** Returns the disposition it sets, or {@code null} when it sets a status. */
	Disposition disposition() {
		return disposition;
	}

	/** Returns what it does, for a person ({@code Acknowledged}). */
	String label() {
		return label;
	}
}
