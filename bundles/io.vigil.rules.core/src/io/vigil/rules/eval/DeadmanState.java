package io.vigil.rules.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.vigil.rules.Rule;
import io.vigil.rules.RuleHeader;
import io.vigil.rules.alerts.AlertDraft;

/**
 * A dead-man rule's memory: when it last matched, and whether the current silence has fired.
 * The silence starts at the last match, or when the rule was armed if it never matched since.
 */
final class DeadmanState {

	private final Rule rule;
	private final Consumer<AlertDraft> sink;
	private Instant silenceStart;
	private boolean fired;

	DeadmanState(Rule rule, Instant armed, Consumer<AlertDraft> sink) {
		this.rule = rule;
		this.sink = sink;
		this.silenceStart = armed;
	}

	boolean sameRule(Rule other) {
		return rule.sameAs(other);
	}

	/** A matching event at an event time: a silence that reached the timespan before it fires first. */
	synchronized void matched(Instant time) {
		check(time);
		if (time.isAfter(silenceStart)) {
			silenceStart = time;
			fired = false;
		}
	}

	/** Fires when the silence has lasted the timespan by {@code now}. */
	synchronized void check(Instant now) {
		Instant due = silenceStart.plus(rule.correlation().timespan());
		if (fired || now.isBefore(due)) {
			return;
		}
		fired = true;
		RuleHeader header = rule.header();
		String summary = header.title() + ": no matching event since " + silenceStart + " ("
				+ rule.correlation().timespan().toMinutes() + " min)";
		sink.accept(new AlertDraft("silent@" + silenceStart.toEpochMilli(), header.id(), header.version(), header.title(),
				summary, header.level(), header.category(), header.tags(), header.attackIds(), "", "", due, silenceStart, due, 0,
				List.of(), List.of(), Map.of()));
	}
}
