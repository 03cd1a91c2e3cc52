package io.vigil.rules.eval;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.Rule;
import io.vigil.rules.alerts.AlertDraft;

/**
 * Runs rules on events one at a time and raises alerts. Thread-safe: many ingest threads may hand
 * events at once.
 */
public final class RuleEngine {

	/** Makes an engine that hands what it raises to a sink, on the thread that handed the event. */
	public RuleEngine(Consumer<AlertDraft> sink) {
		throw new UnsupportedOperationException();
	}

	/** Replaces the rules, keeping the correlation state of rules whose text did not change. */
	public void setRules(Collection<Rule> rules) {
		throw new UnsupportedOperationException();
	}

	/** Checks one stored event against every rule. */
	public void accept(String id, Instant time, ObjectNode event) {
		throw new UnsupportedOperationException();
	}

	/** Fires dead-man rules whose silence reached their timespan by now (wall clock). */
	public void tick(Instant now) {
		throw new UnsupportedOperationException();
	}
}
