package io.vigil.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Normalizer;
import io.vigil.events.Timestamps;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.EventIds;
import io.vigil.events.store.EventStore;

/**
 * Stores events that arrive live, one JSON object at a time, from a collector connection or the
 * HTTP intake: parse, normalize, give a stable id and add to the store. An event that carries an
 * id in {@code vigil.id} (a sensor's, or an export's) keeps it; otherwise the id comes from the
 * message's bytes, so a message delivered twice is stored once. Thread-safe.
 */
public final class EventIntake {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String[] KEPT_FROM_SENSOR = { "format", "origin", "filled", "missing" };

	private final EventStore store;
	private final Normalizer normalizer;
	private final Supplier<Instant> oldestKept;

	/**
	 * Creates an intake.
	 *
	 * @param oldestKept tells, for each event, the time before which events are refused, as
	 *            retention would drop them; it returns {@code null} when events are kept forever
	 */
	public EventIntake(EventStore store, Normalizer normalizer, Supplier<Instant> oldestKept) {
		this.store = store;
		this.normalizer = normalizer;
		this.oldestKept = oldestKept;
	}

	/** The outcome for one event: stored, or refused with a reason. */
	public record Outcome(boolean stored, String reason, Instant time, String sensor) {

		static Outcome refused(String reason) {
			return new Outcome(false, reason, null, null);
		}
	}

	/** Parses a message body as one JSON event and stores it. */
	public Outcome accept(byte[] body, String source, String origin) throws IOException {
		JsonNode node;
		try {
			node = JSON.readTree(body);
		} catch (JsonProcessingException e) {
			return Outcome.refused(malformed(e));
		}
		if (node == null || !node.isObject()) {
			return Outcome.refused("not a JSON object");
		}
		return accept((ObjectNode) node, new String(body, StandardCharsets.UTF_8), source, origin);
	}

	/**
	 * Stores one event.
	 *
	 * @param event the event; changed in place by normalization
	 * @param raw the text it arrived as, from which its id is derived when it carries none
	 * @param source the source, set when the event names none (the connection's or intake's name)
	 * @param origin where it came from, recorded in {@code vigil.origin}
	 */
	public Outcome accept(ObjectNode event, String raw, String source, String origin) throws IOException {
		JsonNode carried = event.get(EventFields.VIGIL);
		String carriedId = event.path(EventFields.VIGIL).path("id").asText(null);
		String sensor = event.path(EventFields.VIGIL).path("sensor").asText(null);
		if (!event.hasNonNull(EventFields.SOURCE) && source != null) {
			event.put(EventFields.SOURCE, source);
		}
		Normalizer.Result result = normalizer.normalize(event, "mozdef", origin, 0);
		if (result.isRejected()) {
			return Outcome.refused(result.rejection());
		}
		Instant oldest = oldestKept.get();
		if (oldest != null && result.utcTimestamp().isBefore(oldest)) {
			return Outcome.refused("the event (" + Timestamps.format(result.utcTimestamp())
					+ ") is older than the workspace keeps events");
		}
		String utc = event.get(EventFields.UTC_TIMESTAMP).asText();
		String id = EventIds.isId(carriedId) ? carriedId : EventIds.of("mozdef", raw, utc);
		ObjectNode vigil = (ObjectNode) event.get(EventFields.VIGIL);
		vigil.put("id", id);
		if (carried instanceof ObjectNode earlier && earlier.has("format")) {
			// A sensor normalized the event where it was read: keep what it found, and say how it came.
			for (String kept : KEPT_FROM_SENSOR) {
				if (earlier.has(kept)) {
					vigil.set(kept, earlier.get(kept));
				}
			}
			vigil.put("via", origin);
		}
		if (sensor != null) {
			vigil.put("sensor", sensor);
		}
		byte[] json = JSON.writeValueAsBytes(event);
		store.add(id, result.utcTimestamp(), EventDocuments.build(id, result.utcTimestamp().toEpochMilli(), event, json),
				event);
		// After the add, so that a commit that covers the journal also covers the store.
		store.journal().append(id, result.utcTimestamp(), json);
		return new Outcome(true, null, result.utcTimestamp(), sensor);
	}

	/** Describes a JSON syntax error with where it is, for a reject reason. */
	public static String malformed(JsonProcessingException e) {
		String where = e.getLocation() == null ? ""
				: " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
		return "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage());
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int cut = message.indexOf('\n');
		String line = cut < 0 ? message : message.substring(0, cut);
		// Jackson repeats the location in a form meant for developers; the reason already has it.
		int marker = line.indexOf(" (start marker at [Source:");
		return marker < 0 ? line : line.substring(0, marker);
	}
}
