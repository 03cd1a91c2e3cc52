package io.vigil.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.vigil.rules.Rule;
import io.vigil.rules.RuleHeader;
import io.vigil.rules.alerts.AlertDraft;

/** The alert a single-event rule raises for one event. */
final class SingleAlerts {

	private SingleAlerts() {
	}

	/** Returns the alert of a rule for an event it matched. */
	static AlertDraft of(Rule rule, EventView event) {
		RuleHeader header = rule.header();
		List<String> matched = matchedFields(rule, event);
		String summary = header.title() + describe(event);
		return new AlertDraft(event.id(), header.id(), header.version(), header.title(), summary, header.level(),
				header.category(), header.tags(), header.attackIds(), "", "", event.time(), event.time(), event.time(), 1,
				List.of(event.id()), List.of(event.json()), Map.of(event.id(), matched));
	}

	/** Returns the event fields a rule's match rests on, sorted. */
	static List<String> matchedFields(Rule rule, EventView event) {
		TreeSet<String> fields = new TreeSet<>();
		rule.matcher().matches(event, fields);
		return new ArrayList<>(fields);
	}

	private static String describe(EventView event) {
		String host = event.first("hostname");
		String summary = event.first("summary");
		StringBuilder text = new StringBuilder();
		if (!host.isEmpty()) {
			text.append(" on ").append(host);
		}
		if (!summary.isEmpty()) {
			text.append(": ").append(summary.length() > 200 ? summary.substring(0, 200) + "\u2026" : summary);
		}
		return text.toString();
	}
}
