package io.vigil.collect.http;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.collect.EventIntake;
import io.vigil.collect.LiveIntake;
import io.vigil.collect.SourceRegistry;
import io.vigil.collect.SourceStats;

/**
 * The bodies of MozDef's intake endpoints, apart from HTTP: splits a body into events, stores
 * them and says what to answer. Thread-safe.
 */
final class IntakeRequests {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> BULK_ACTIONS = Set.of("index", "create", "update", "delete");
	private static final int ERRORS_LISTED = 20;

	/** An endpoint: which kind, and the source named in its path for {@code /custom/<source>}. */
	record Route(String kind, String source, String path) {
	}

	/**
	 * What to answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @param stored how many events were stored
	 * @param rejected how many were refused
	 * @param firstReason why the first refused one was, or {@code null}
	 */
	record Answer(int status, String body, int stored, int rejected, String firstReason) {

		static Answer ok(String body) {
			return new Answer(200, body, 0, 0, null);
		}

		static Answer error(int status, String reason) {
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			body.put("error", reason);
			return new Answer(status, body.toString(), 0, 0, reason);
		}
	}

	/** One refused part of a body. */
	private record Refusal(int line, String reason) {
	}

	private final LiveIntake live;
	private final int maxBytes;

	IntakeRequests(LiveIntake live, int maxBytes) {
		this.live = live;
		this.maxBytes = maxBytes;
	}

	/** Returns the route of a path, or {@code null} when it is not an intake endpoint. */
	static Route route(String path) {
		String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
		if (trimmed.equals("/events")) {
			return new Route("events", null, trimmed);
		}
		if (trimmed.equals("/_bulk")) {
			return new Route("bulk", null, trimmed);
		}
		if (trimmed.startsWith("/custom/")) {
			String source = trimmed.substring("/custom/".length());
			if (!source.isEmpty() && source.matches("[A-Za-z0-9_.-]{1,64}")) {
				return new Route("custom", source, trimmed);
			}
		}
		return null;
	}

	/** Stores a body's events and waits until they are durable. */
	Answer handle(Route route, byte[] bytes, SourceStats stats, Duration wait) throws IOException, InterruptedException {
		String body;
		try {
			body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return Answer.error(400, "the body is not UTF-8 text");
		}
		if (body.isBlank()) {
			return Answer.error(400, "the body is empty; send a JSON event");
		}
		List<Refusal> refusals = new ArrayList<>();
		int stored = switch (route.kind()) {
		case "events" -> storeOne(body, route, stats, refusals);
		default -> storeMany(body, route, stats, refusals);
		};
		refusals.forEach(refusal -> stats.rejected());
		if (stored > 0 && !live.commits().await(live.commits().ticket(), wait)) {
			return Answer.error(503, "the store did not commit the events within " + wait.toSeconds()
					+ " s; send them again (they are stored once)");
		}
		return answer(stored, refusals);
	}

	private int storeOne(String body, Route route, SourceStats stats, List<Refusal> refusals) throws IOException {
		JsonNode node;
		try {
			node = JSON.readTree(body);
		} catch (JsonProcessingException e) {
			refusals.add(new Refusal(0, EventIntake.malformed(e)));
			return 0;
		}
		if (node instanceof ArrayNode) {
			refusals.add(new Refusal(0, "the body is a JSON array; POST several events to /_bulk"));
			return 0;
		}
		return store(node, body.strip(), 1, route, stats, refusals);
	}

	private int storeMany(String body, Route route, SourceStats stats, List<Refusal> refusals) throws IOException {
		String trimmed = body.strip();
		if (trimmed.startsWith("[")) {
			JsonNode array;
			try {
				array = JSON.readTree(trimmed);
			} catch (JsonProcessingException e) {
				refusals.add(new Refusal(0, EventIntake.malformed(e)));
				return 0;
			}
			int stored = 0;
			for (int i = 0; i < array.size(); i++) {
				stored += store(array.get(i), array.get(i).toString(), i + 1, route, stats, refusals);
			}
			return stored;
		}
		int stored = 0;
		String[] lines = body.split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			JsonNode node;
			try {
				node = JSON.readTree(line);
			} catch (JsonProcessingException e) {
				refusals.add(new Refusal(i + 1, EventIntake.malformed(e)));
				continue;
			}
			if (!isBulkAction(node)) {
				stored += store(node, line, i + 1, route, stats, refusals);
			}
		}
		return stored;
	}

	/** Returns whether a line is an Elasticsearch bulk action, such as {@code {"index":{...}}}. */
	private static boolean isBulkAction(JsonNode node) {
		if (!(node instanceof ObjectNode object) || object.size() != 1) {
			return false;
		}
		String name = object.fieldNames().next();
		return BULK_ACTIONS.contains(name) && object.get(name).isObject();
	}

	private int store(JsonNode node, String raw, int line, Route route, SourceStats stats, List<Refusal> refusals)
			throws IOException {
		if (!(node instanceof ObjectNode event)) {
			refusals.add(new Refusal(line, "not a JSON object"));
			return 0;
		}
		if (route.source() != null) {
			// As MozDef's custom endpoint did: mark the event, and let its path name the source.
			event.put("customendpoint", true);
		}
		EventIntake.Outcome outcome = live.intake().accept(event, raw, route.source(), "http " + route.path());
		if (!outcome.stored()) {
			refusals.add(new Refusal(line, outcome.reason()));
			return 0;
		}
		stats.stored(outcome.time());
		if (outcome.sensor() != null) {
			live.registry().source(outcome.sensor(), SourceStats.Kind.SENSOR_HOST, SourceRegistry.DEFAULT_SILENCE)
					.stored(outcome.time());
		}
		return 1;
	}

	private static Answer answer(int stored, List<Refusal> refusals) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("stored", stored);
		body.put("rejected", refusals.size());
		String first = refusals.isEmpty() ? null : where(refusals.get(0));
		if (!refusals.isEmpty()) {
			body.put("error", stored == 0 ? "no event stored: " + first : "some events were refused");
			ArrayNode errors = body.putArray("errors");
			for (Refusal refusal : refusals.subList(0, Math.min(ERRORS_LISTED, refusals.size()))) {
				ObjectNode item = errors.addObject();
				if (refusal.line() > 0) {
					item.put("line", refusal.line());
				}
				item.put("reason", refusal.reason());
			}
		}
		// A body with nothing usable is bad input; a bulk with some refused parts is stored and listed.
		int status = stored == 0 && !refusals.isEmpty() ? 400 : 200;
		return new Answer(status, body.toString(), stored, refusals.size(), first);
	}

	private static String where(Refusal refusal) {
		return refusal.line() > 0 ? "line " + refusal.line() + ": " + refusal.reason() : refusal.reason();
	}

	int maxBytes() {
		return maxBytes;
	}
}
