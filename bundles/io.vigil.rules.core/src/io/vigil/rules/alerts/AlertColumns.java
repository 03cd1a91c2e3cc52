package io.vigil.rules.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How alert values fit the columns of {@link AlertsSchema}: text a rule made (titles, summaries,
 * grouped values) is cut to the column with a trailing ellipsis, while identities (rule and event
 * ids) and text a person typed are refused with a message when too long, so that a stored row never
 * says something other than what was meant.
 */
final class AlertColumns {

	static final ObjectMapper JSON = new ObjectMapper();

	static final int RULE_ID = 256;
	static final int KEY = 4096;
	static final int TITLE = 1024;
	static final int SUMMARY = 4096;
	static final int CATEGORY = 256;
	static final int TAGS = 8192;
	static final int ATTACK_IDS = 2048;
	static final int GROUP_FIELD = 512;
	static final int GROUP_VALUE = 4096;
	static final int EVENT_ID = 512;
	static final int PERSON = 256;
	static final int CHANGE = 1024;
	static final int COMMENT = 16000;
	static final int KIND = 32;
	static final int TARGET = 4096;
	static final int OUTCOME = 4096;
	static final int REASON = 4096;

	private static final String ELLIPSIS = "\u2026";

	private AlertColumns() {
	}

	/** Returns a draft whose values fit the columns: long text cut, too many ids or samples dropped. */
	static AlertDraft fit(AlertDraft draft) {
		Objects.requireNonNull(draft, "draft");
		String ruleId = require(draft.ruleId(), "the rule id", RULE_ID);
		if (ruleId.isBlank()) {
			throw new IllegalArgumentException("an alert needs a rule id");
		}
		String key = Objects.requireNonNull(draft.key(), "key");
		Instant time = time(draft.time(), "time", ruleId);
		List<String> eventIds = draft.eventIds().size() <= AlertDraft.MAX_EVENT_IDS ? draft.eventIds()
				: draft.eventIds().subList(0, AlertDraft.MAX_EVENT_IDS);
		for (String eventId : eventIds) {
			require(eventId, "event id '" + cut(String.valueOf(eventId), 40) + "' of rule " + ruleId, EVENT_ID);
		}
		List<ObjectNode> samples = draft.samples().size() <= AlertDraft.MAX_SAMPLES ? draft.samples()
				: draft.samples().subList(0, AlertDraft.MAX_SAMPLES);
		Map<String, List<String>> matched = draft.matchedFields();
		if (eventIds.size() < draft.eventIds().size()) {
			Set<String> kept = new HashSet<>(eventIds);
			matched = new HashMap<>(matched);
			matched.keySet().retainAll(kept);
		}
		return new AlertDraft(key, ruleId, draft.ruleVersion(), cut(draft.ruleTitle(), TITLE),
				cut(draft.summary(), SUMMARY), Objects.requireNonNull(draft.severity(), "severity"),
				cut(draft.category(), CATEGORY), fitList(draft.tags(), TAGS), fitList(draft.attackIds(), ATTACK_IDS),
				cut(draft.groupField(), GROUP_FIELD), cut(draft.groupValue(), GROUP_VALUE), time,
				draft.windowStart() == null ? time : draft.windowStart(),
				draft.windowEnd() == null ? time : draft.windowEnd(), draft.eventCount(), eventIds, samples, matched);
	}

	private static Instant time(Instant time, String what, String ruleId) {
		if (time == null) {
			throw new IllegalArgumentException("an alert of rule " + ruleId + " has no " + what);
		}
		return time;
	}

	/** Returns text cut to a column's length (empty for {@code null}), ending in an ellipsis when cut. */
	static String cut(String text, int length) {
		if (text == null) {
			return "";
		}
		if (text.length() <= length) {
			return text;
		}
		int end = length - ELLIPSIS.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ELLIPSIS;
	}

	/**
	 * Returns text that must be kept whole (empty for {@code null}).
	 *
	 * @throws IllegalArgumentException naming what it is when it is longer than the column
	 */
	static String require(String text, String what, int length) {
		if (text == null) {
			return "";
		}
		if (text.length() > length) {
			throw new IllegalArgumentException(what + " is " + text.length() + " characters long; at most " + length
					+ " can be stored");
		}
		return text;
	}

	/** Returns the SHA-256 of a rule id and an alert key, in hex: the alert's identity. */
	static String keyHash(String ruleId, String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(ruleId.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** Returns as many of the values (each cut to 256 characters) as fit a column as a JSON array. */
	private static List<String> fitList(List<String> values, int length) {
		List<String> kept = new ArrayList<>();
		int size = 2;
		for (String value : values) {
			String one = cut(value, 256);
			size += jsonLength(one);
			if (size > length) {
				break;
			}
			kept.add(one);
		}
		return kept;
	}

	private static int jsonLength(String value) {
		return JSON.getNodeFactory().textNode(value).toString().length() + 1;
	}

	/** Returns a list of strings as a JSON array. */
	static String jsonList(List<String> values) {
		ArrayNode array = JSON.createArrayNode();
		values.forEach(array::add);
		return array.toString();
	}

	/** Returns the samples as a JSON array. */
	static String jsonSamples(List<ObjectNode> samples) {
		ArrayNode array = JSON.createArrayNode();
		samples.forEach(array::add);
		return array.toString();
	}

	/** Returns the matched fields as a JSON object of arrays. */
	static String jsonMatched(Map<String, List<String>> matched) {
		ObjectNode object = JSON.createObjectNode();
		matched.forEach((eventId, fields) -> {
			ArrayNode array = object.putArray(eventId);
			fields.forEach(array::add);
		});
		return object.toString();
	}

	/** Reads a JSON array of strings. */
	static List<String> list(String json) throws JsonProcessingException {
		List<String> values = new ArrayList<>();
		for (JsonNode value : JSON.readTree(json)) {
			values.add(value.asText());
		}
		return values;
	}

	/** Reads a JSON array of events. */
	static List<ObjectNode> samples(String json) throws JsonProcessingException {
		List<ObjectNode> samples = new ArrayList<>();
		for (JsonNode sample : JSON.readTree(json)) {
			if (sample instanceof ObjectNode object) {
				samples.add(object);
			}
		}
		return samples;
	}

	/** Reads a JSON object of arrays of field names. */
	static Map<String, List<String>> matched(String json) throws JsonProcessingException {
		Map<String, List<String>> matched = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : JSON.readTree(json).properties()) {
			List<String> fields = new ArrayList<>();
			entry.getValue().forEach(field -> fields.add(field.asText()));
			matched.put(entry.getKey(), fields);
		}
		return matched;
	}
}
