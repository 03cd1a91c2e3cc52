package io.vigil.rules.alerts;

import java.time.Instant;

/**
 * Keeps a rule from raising alerts for one grouped value (or for every value) until it expires.
 *
 * @param id its number
 * @param ruleId the rule it applies to
 * @param value the grouped value it applies to; empty for all of the rule's alerts
 * @param owner who made it
 * @param reason why
 * @param created when it was made
 * @param expires when it stops suppressing
 */
public record Suppression(long id, String ruleId, String value, String owner, String reason, Instant created,
		Instant expires) {

	/** Returns whether it suppresses at an instant. */
	public boolean activeAt(Instant instant) {
		return instant.isBefore(expires);
	}
}
