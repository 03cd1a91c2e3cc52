package io.vigil.rules.alerts;

/** Where an alert is in triage. */
public enum AlertStatus {
	NEW, IN_PROGRESS, ACKNOWLEDGED, ESCALATED, CLOSED
}
