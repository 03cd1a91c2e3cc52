package io.vigil.incidents;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An incident as JSON, with everything it holds (children, custody logs, timeline marks) but not
 * its evidence's bytes, which travel beside it under their SHA-256. Lossless: {@link #fromJson}
 * gives back the incident {@link #toJson} was given. Times are ISO-8601 in UTC; unknown key dates
 * are left out; a promoted item's snapshot is kept as the JSON text it was stored as, so that it
 * comes back byte for byte.
 */
public final class IncidentJson {

	/** The value of the {@code format} field. */
	public static final String FORMAT = "vigil-incident";
	/** The version of the layout this class writes and reads. */
	public static final int VERSION = 1;

	private static final ObjectMapper JSON = new ObjectMapper();

	private IncidentJson() {
	}

	/** Returns an incident as JSON. */
	public static ObjectNode toJson(Incident incident) {
		ObjectNode node = JSON.createObjectNode();
		node.put("format", FORMAT);
		node.put("version", VERSION);
		node.put("id", incident.id());
		IncidentFields fields = incident.fields();
		node.put("title", fields.title());
		node.put("summary", fields.summary());
		node.put("severity", fields.severity().label());
		node.put("status", incident.status().label());
		node.put("phase", incident.phase().label());
		node.put("owner", fields.owner());
		node.put("tlp", fields.tlp().name().toLowerCase(Locale.ROOT));
		ObjectNode dates = node.putObject("dates");
		fields.dates().asMap().forEach((date, value) -> dates.put(date.label(), value.toString()));
		node.put("theories", fields.theories());
		node.put("mitigations", fields.mitigations());
		node.put("lessonsLearned", fields.lessonsLearned());
		strings(node.putArray("references"), incident.references());
		strings(node.putArray("techniques"), incident.techniques());
		node.put("created", incident.created().toString());
		node.put("updated", incident.updated().toString());
		ArrayNode notes = node.putArray("notes");
		incident.notes().forEach(note -> notes.add(note(note)));
		ArrayNode tasks = node.putArray("tasks");
		incident.tasks().forEach(task -> tasks.add(task(task)));
		ArrayNode observables = node.putArray("observables");
		incident.observables().forEach(o -> observables.add(observable(o)));
		ArrayNode evidence = node.putArray("evidence");
		incident.evidence().forEach(e -> evidence.add(evidence(e)));
		ArrayNode items = node.putArray("items");
		incident.items().forEach(item -> items.add(item(item)));
		ArrayNode changes = node.putArray("stateChanges");
		incident.stateChanges().forEach(change -> changes.add(state(change)));
		ArrayNode marks = node.putArray("marks");
		incident.marks().forEach(mark -> marks.add(mark(mark)));
		return node;
	}

	private static void strings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

	private static void time(ObjectNode node, String field, Instant value) {
		if (value == null) {
			node.putNull(field);
		} else {
			node.put(field, value.toString());
		}
	}

	private static ObjectNode note(Note note) {
		ObjectNode node = JSON.createObjectNode().put("id", note.id()).put("author", note.author());
		time(node, "time", note.time());
		return node.put("text", note.text());
	}

	private static ObjectNode task(IncidentTask task) {
		ObjectNode node = JSON.createObjectNode().put("id", task.id()).put("title", task.title())
				.put("assignee", task.assignee());
		time(node, "due", task.due());
		node.put("done", task.done());
		time(node, "created", task.created());
		time(node, "doneAt", task.doneAt());
		return node;
	}

	private static ObjectNode observable(Observable observable) {
		ObjectNode node = JSON.createObjectNode().put("id", observable.id()).put("kind", observable.kind().label())
				.put("value", observable.value()).put("comment", observable.comment());
		time(node, "added", observable.added());
		return node;
	}

	private static ObjectNode evidence(Evidence evidence) {
		ObjectNode node = JSON.createObjectNode().put("id", evidence.id()).put("name", evidence.name())
				.put("sha256", evidence.sha256()).put("size", evidence.size()).put("mediaType", evidence.mediaType())
				.put("addedBy", evidence.addedBy());
		time(node, "addedAt", evidence.addedAt());
		node.put("description", evidence.description()).put("source", evidence.source());
		ArrayNode custody = node.putArray("custody");
		for (CustodyEntry entry : evidence.custody()) {
			ObjectNode line = custody.addObject().put("who", entry.who());
			time(line, "when", entry.when());
			line.put("action", entry.action().label()).put("detail", entry.detail());
		}
		return node;
	}

	private static ObjectNode item(PromotedItem item) {
		ObjectNode node = JSON.createObjectNode().put("id", item.id()).put("kind", item.kind().label())
				.put("sourceId", item.sourceId()).put("snapshot", item.snapshot());
		time(node, "occurred", item.occurred());
		time(node, "discovered", item.discovered());
		return node.put("host", item.host()).put("user", item.user()).put("source", item.source())
				.put("title", item.title());
	}

	private static ObjectNode state(StateChange change) {
		ObjectNode node = JSON.createObjectNode().put("id", change.id())
				.put("field", change.field().label()).put("from", change.from())
				.put("to", change.to()).put("who", change.who());
		time(node, "when", change.when());
		return node;
	}

	private static ObjectNode mark(EntryMark mark) {
		ObjectNode node = JSON.createObjectNode().put("entryKey", mark.entryKey()).put("starred", mark.starred());
		strings(node.putArray("tags"), mark.tags());
		node.put("comment", mark.comment());
		time(node, "updated", mark.updated());
		return node;
	}

	/**
	 * Reads an incident written by {@link #toJson}.
	 *
	 * @throws IllegalArgumentException naming the field that is missing or wrong (such as
	 *             {@code tasks[2].due})
	 */
	public static Incident fromJson(JsonNode node) {
		Fields in = new Fields(node, "");
		if (!FORMAT.equals(in.text("format"))) {
			throw new IllegalArgumentException("not a Vigil incident: 'format' is '" + in.text("format")
					+ "', not '" + FORMAT + "'");
		}
		int version = in.node("version").asInt(-1);
		if (version != VERSION) {
			throw new IllegalArgumentException("incident JSON version " + in.node("version")
					+ " cannot be read (this Vigil reads version " + VERSION + ")");
		}
		String id = in.text("id");
		if (!IncidentIds.INCIDENT_ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'id' is '" + id + "', not an incident id (inc- and 10 base32 characters)");
		}
		Fields dates = in.object("dates");
		KeyDates known = KeyDates.NONE;
		for (KeyDate date : KeyDate.values()) {
			known = known.with(date, dates.optionalTime(date.label()));
		}
		IncidentFields fields = in.parsed("title", title -> new IncidentFields(title, in.text("summary"),
				in.parsed("severity", IncidentSeverity::parse), in.text("owner"), in.parsed("tlp", Tlp::parse), null,
				in.text("theories"), in.text("mitigations"), in.text("lessonsLearned"))).withDates(known);
		return new Incident(id, fields, in.parsed("status", IncidentStatus::parse),
				in.parsed("phase", IncidentPhase::parse),
				in.strings("references"), in.strings("techniques"), in.time("created"), in.time("updated"),
				in.list("notes", IncidentJson::readNote), in.list("tasks", IncidentJson::readTask),
				in.list("observables", IncidentJson::readObservable), in.list("evidence", IncidentJson::readEvidence),
				in.list("items", IncidentJson::readItem), in.list("stateChanges", IncidentJson::readState),
				in.list("marks", IncidentJson::readMark));
	}

	private static Note readNote(Fields in) {
		return new Note(in.text("id"), in.text("author"), in.time("time"), in.text("text"));
	}

	private static IncidentTask readTask(Fields in) {
		return new IncidentTask(in.text("id"), in.text("title"), in.text("assignee"), in.optionalTime("due"),
				in.bool("done"), in.time("created"), in.optionalTime("doneAt"));
	}

	private static Observable readObservable(Fields in) {
		return new Observable(in.text("id"), in.parsed("kind", ObservableKind::parse), in.text("value"),
				in.text("comment"), in.time("added"));
	}

	private static Evidence readEvidence(Fields in) {
		String sha256 = in.text("sha256");
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException(in.path("sha256") + " is not a SHA-256 (64 lowercase hex digits)");
		}
		JsonNode size = in.node("size");
		if (!size.canConvertToLong() || size.asLong() < 0) {
			throw new IllegalArgumentException(in.path("size") + " is not a size in bytes");
		}
		return new Evidence(in.text("id"), in.text("name"), sha256, size.asLong(), in.text("mediaType"),
				in.text("addedBy"), in.time("addedAt"), in.text("description"), in.text("source"),
				in.list("custody", line -> new CustodyEntry(line.text("who"), line.time("when"),
						line.parsed("action", CustodyAction::parse), line.text("detail"))));
	}

	private static PromotedItem readItem(Fields in) {
		return in.parsed("sourceId", sourceId -> new PromotedItem(in.text("id"), in.parsed("kind", ItemKind::parse),
				sourceId, in.text("snapshot"), in.time("occurred"), in.time("discovered"), in.text("host"),
				in.text("user"), in.text("source"), in.text("title")));
	}

	private static StateChange readState(Fields in) {
		StateField field = in.parsed("field", StateField::parse);
		return new StateChange(in.text("id"), field, in.text("from"), in.text("to"), in.text("who"), in.time("when"));
	}

	private static EntryMark readMark(Fields in) {
		return new EntryMark(in.text("entryKey"), in.bool("starred"), in.strings("tags"), in.text("comment"),
				in.optionalTime("updated"));
	}

	/** Reads the fields of one JSON object, naming any that is wrong by its path. */
	private record Fields(JsonNode node, String prefix) {

		Fields {
			if (node == null || !node.isObject()) {
				throw new IllegalArgumentException((prefix.isEmpty() ? "the incident" : prefix) + " is not a JSON object");
			}
		}

		String path(String field) {
			return "'" + prefix + (prefix.isEmpty() ? "" : ".") + field + "'";
		}

		JsonNode node(String field) {
			JsonNode value = node.get(field);
			if (value == null) {
				throw new IllegalArgumentException("the incident JSON has no " + path(field));
			}
			return value;
		}

		String text(String field) {
			JsonNode value = node(field);
			if (!value.isTextual()) {
				throw new IllegalArgumentException(path(field) + " is not a string");
			}
			return value.asText();
		}

		boolean bool(String field) {
			JsonNode value = node(field);
			if (!value.isBoolean()) {
				throw new IllegalArgumentException(path(field) + " is not true or false");
			}
			return value.asBoolean();
		}

		Instant time(String field) {
			Instant value = optionalTime(field);
			if (value == null) {
				throw new IllegalArgumentException(path(field) + " is missing; it needs a time");
			}
			return value;
		}

		Instant optionalTime(String field) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			try {
				return Instant.parse(value.asText());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException(path(field) + " is '" + value.asText()
						+ "', not an ISO-8601 UTC time such as 2026-12-04T08:00:00Z", e);
			}
		}

		<T> T parsed(String field, Function<String, T> parser) {
			String value = text(field);
			try {
				return parser.apply(value);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(path(field) + ": " + e.getMessage(), e);
			}
		}

		Fields object(String field) {
			return new Fields(node(field), prefix + (prefix.isEmpty() ? "" : ".") + field);
		}

		List<String> strings(String field) {
			List<String> values = new ArrayList<>();
			JsonNode array = array(field);
			for (int i = 0; i < array.size(); i++) {
				if (!array.get(i).isTextual()) {
					throw new IllegalArgumentException("'" + field + "[" + i + "]' is not a string");
				}
				values.add(array.get(i).asText());
			}
			return values;
		}

		<T> List<T> list(String field, Function<Fields, T> reader) {
			List<T> values = new ArrayList<>();
			JsonNode array = array(field);
			for (int i = 0; i < array.size(); i++) {
				String at = prefix + (prefix.isEmpty() ? "" : ".") + field + "[" + i + "]";
				values.add(reader.apply(new Fields(array.get(i), at)));
			}
			return values;
		}

		private JsonNode array(String field) {
			JsonNode value = node(field);
			if (!value.isArray()) {
				throw new IllegalArgumentException(path(field) + " is not a list");
			}
			return value;
		}
	}
}
