package io.vigil.rules.response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;

/**
 * An alert as JSON, the one form every automated response sends. It follows MozDef's alert:
 *
 * <pre>
 * {
 *   "utctimestamp": "2026-12-04T08:00:00Z",   when the rule fired (event time)
 *   "severity": "WARNING",                    MozDef's severity (INFO, NOTICE, WARNING, ERROR, CRITICAL)
 *   "category": "authentication",
 *   "summary": "...",
 *   "tags": ["attack.t1110", ...],
 *   "events": [ { "documentid": "...", "documentsource": { the event } }, { "documentid": "..." }, ... ],
 *   "vigil": { "alertid": 42, "ruleid": "...", "ruleversion": 3, "ruletitle": "...", "level": "medium",
 *              "attack": ["T1110"], "key": "...", "groupfield": "...", "groupvalue": "...",
 *              "eventcount": 12, "windowstart": "...", "windowend": "...", "raised": "...",
 *              "status": "NEW", "disposition": "UNDECIDED", "assignee": "", "matchedfields": { id: [fields] } }
 * }
 * </pre>
 *
 * Every contributing event id is listed under {@code events}; the samples (the first contributing
 * events kept whole, in the order of the ids) are each given as the {@code documentsource} of the
 * id at the same position.
 */
public final class AlertJson {

	private static final ObjectMapper JSON = new ObjectMapper();

	private AlertJson() {
	}

	/** Returns an alert as a JSON object. */
	public static ObjectNode of(Alert alert) {
		AlertDraft draft = alert.draft();
		ObjectNode json = JSON.createObjectNode();
		json.put("utctimestamp", text(draft.time()));
		json.put("severity", mozdefSeverity(draft.severity()));
		json.put("category", draft.category());
		json.put("summary", draft.summary());
		strings(json.putArray("tags"), draft.tags());
		events(json.putArray("events"), draft);
		vigil(json.putObject("vigil"), alert);
		return json;
	}

	/** Returns an alert as UTF-8 JSON text, on one line. */
	public static byte[] bytes(Alert alert) {
		return of(alert).toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns MozDef's severity for a rule level: {@code INFO}, {@code NOTICE}, {@code WARNING},
	 * {@code ERROR} or {@code CRITICAL}, the names {@link RuleLevel#parse(String)} reads back.
	 */
	public static String mozdefSeverity(RuleLevel level) {
		return switch (level) {
			case INFORMATIONAL -> "INFO";
			case LOW -> "NOTICE";
			case MEDIUM -> "WARNING";
			case HIGH -> "ERROR";
			case CRITICAL -> "CRITICAL";
		};
	}

	private static void events(ArrayNode events, AlertDraft draft) {
		List<String> ids = draft.eventIds();
		for (int i = 0; i < ids.size(); i++) {
			ObjectNode event = events.addObject().put("documentid", ids.get(i));
			if (i < draft.samples().size()) {
				event.set("documentsource", draft.samples().get(i));
			}
		}
		// Samples without an id (a draft made by hand) are still sent.
		for (int i = ids.size(); i < draft.samples().size(); i++) {
			events.addObject().set("documentsource", draft.samples().get(i));
		}
	}

	private static void vigil(ObjectNode vigil, Alert alert) {
		AlertDraft draft = alert.draft();
		vigil.put("alertid", alert.id());
		vigil.put("ruleid", draft.ruleId());
		vigil.put("ruleversion", draft.ruleVersion());
		vigil.put("ruletitle", draft.ruleTitle());
		vigil.put("level", draft.severity().sigmaName());
		strings(vigil.putArray("attack"), draft.attackIds());
		vigil.put("key", draft.key());
		vigil.put("groupfield", draft.groupField());
		vigil.put("groupvalue", draft.groupValue());
		vigil.put("eventcount", draft.eventCount());
		vigil.put("windowstart", text(draft.windowStart()));
		vigil.put("windowend", text(draft.windowEnd()));
		vigil.put("raised", text(alert.raised()));
		vigil.put("status", alert.status().name());
		vigil.put("disposition", alert.disposition().name());
		vigil.put("assignee", alert.assignee());
		ObjectNode matched = vigil.putObject("matchedfields");
		for (Map.Entry<String, List<String>> entry : new TreeMap<>(draft.matchedFields()).entrySet()) {
			strings(matched.putArray(entry.getKey()), entry.getValue());
		}
	}

	private static void strings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
