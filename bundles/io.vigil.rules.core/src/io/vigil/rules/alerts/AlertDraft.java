package io.vigil.rules.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.RuleLevel;

/**
 * An alert as a rule raises it, before it is stored: the rule engine makes these, streaming and
 * in backtests alike, and the alert store keeps them.
 *
 * @param key what makes this alert unique for its rule: the event id for a single-event rule, the
 *            grouped value and window start for a correlation; raising the same key twice stores
 *            one alert
 * @param ruleId the rule's id
 * @param ruleVersion the rule's version when it fired
 * @param ruleTitle the rule's title
 * @param summary one line for the queue
 * @param severity the rule's level
 * @param category the rule's category (Sigma's logsource category or MozDef's category)
 * @param tags the rule's tags
 * @param attackIds the ATT&amp;CK technique ids among the tags ({@code T1110}, {@code T1059.001})
 * @param groupField the field the alert is grouped by, empty for none
 * @param groupValue the grouped value, empty for none
 * @param time when it fired, in event time: the last contributing event's time, or when the
 *             silence of a dead-man rule began to count
 * @param windowStart the start of the window the events fell in (the event's time for single events)
 * @param windowEnd the end of that window
 * @param eventCount how many events contributed
 * @param eventIds the contributing events' ids, at most {@link #MAX_EVENT_IDS}
 * @param samples some contributing events in full, at most {@link #MAX_SAMPLES}
 * @param matchedFields per event id, the event fields the detection matched on, for highlighting
 */
public record AlertDraft(String key, String ruleId, int ruleVersion, String ruleTitle, String summary,
		RuleLevel severity, String category, List<String> tags, List<String> attackIds, String groupField,
		String groupValue, Instant time, Instant windowStart, Instant windowEnd, long eventCount,
		List<String> eventIds, List<ObjectNode> samples, Map<String, List<String>> matchedFields) {

	/** Contributing event ids kept on an alert. */
	public static final int MAX_EVENT_IDS = 1000;
	/** Contributing events kept whole on an alert. */
	public static final int MAX_SAMPLES = 10;

	public AlertDraft {
		tags = List.copyOf(tags);
		attackIds = List.copyOf(attackIds);
		eventIds = List.copyOf(eventIds);
		samples = List.copyOf(samples);
		matchedFields = Map.copyOf(matchedFields);
	}
}
