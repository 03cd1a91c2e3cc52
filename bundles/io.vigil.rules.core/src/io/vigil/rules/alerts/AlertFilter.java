package io.vigil.rules.alerts;

import java.util.Set;

/**
 * Which alerts a list shows.
 *
 * @param statuses the statuses to show; empty for all
 * @param ruleId only this rule's alerts; empty for all rules
 * @param limit at most this many, newest first
 */
public record AlertFilter(Set<AlertStatus> statuses, String ruleId, int limit) {

	/** The open queue: everything not closed. */
	public static AlertFilter open(int limit) {
		return new AlertFilter(Set.of(AlertStatus.NEW, AlertStatus.IN_PROGRESS, AlertStatus.ACKNOWLEDGED,
				AlertStatus.ESCALATED), "", limit);
	}

	/** Every alert. */
	public static AlertFilter all(int limit) {
		return new AlertFilter(Set.of(), "", limit);
	}
}
