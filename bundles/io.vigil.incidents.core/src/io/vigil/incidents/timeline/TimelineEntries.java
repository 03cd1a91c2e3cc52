package io.vigil.incidents.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.vigil.incidents.Evidence;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentTask;
import io.vigil.incidents.Note;
import io.vigil.incidents.PromotedItem;
import io.vigil.incidents.StateChange;

/** Turns what an incident holds into timeline entries. */
final class TimelineEntries {

	private static final int TITLE_LENGTH = 200;

	private TimelineEntries() {
	}

	static List<TimelineEntry> of(Incident incident) {
		List<TimelineEntry> entries = new ArrayList<>();
		incident.items().forEach(item -> entries.add(item(item)));
		incident.notes().forEach(note -> entries.add(note(note)));
		incident.tasks().forEach(task -> tasks(task, entries));
		incident.evidence().forEach(evidence -> entries.add(evidence(evidence)));
		incident.stateChanges().forEach(change -> entries.add(state(change)));
		return entries;
	}

	private static TimelineEntry item(PromotedItem item) {
		EntryKind kind = switch (item.kind()) {
			case EVENT -> EntryKind.EVENT;
			case ALERT -> EntryKind.ALERT;
			case PACKET -> EntryKind.PACKET;
			case AGENT_RESULT -> EntryKind.AGENT_RESULT;
		};
		return new TimelineEntry(TimelineEntry.key(kind, item.sourceId()), kind, item.occurred(), item.discovered(),
				item.title(), item.host(), item.user(), item.source(), item.kind().label(), item.sourceId(), false,
				List.of(), "");
	}

	private static TimelineEntry note(Note note) {
		return new TimelineEntry(TimelineEntry.key(EntryKind.NOTE, note.id()), EntryKind.NOTE, note.time(), note.time(),
				"Note by " + note.author() + ": " + firstLine(note.text()), "", note.author(), "note", "note", note.id(),
				false, List.of(), "");
	}

	private static void tasks(IncidentTask task, List<TimelineEntry> entries) {
		entries.add(task(task, EntryKind.TASK_CREATED, "Task added: ", task.created()));
		if (task.due() != null) {
			entries.add(task(task, EntryKind.TASK_DUE, "Task due: ", task.due()));
		}
		if (task.done() && task.doneAt() != null) {
			entries.add(task(task, EntryKind.TASK_DONE, "Task done: ", task.doneAt()));
		}
	}

	private static TimelineEntry task(IncidentTask task, EntryKind kind, String prefix, Instant when) {
		return new TimelineEntry(TimelineEntry.key(kind, task.id()), kind, when, when, prefix + firstLine(task.title()),
				"", task.assignee(), "task", "task", task.id(), false, List.of(), "");
	}

	private static TimelineEntry evidence(Evidence evidence) {
		return new TimelineEntry(TimelineEntry.key(EntryKind.EVIDENCE, evidence.id()), EntryKind.EVIDENCE,
				evidence.addedAt(), evidence.addedAt(), "Evidence added: " + evidence.name() + " (SHA-256 "
						+ evidence.sha256().substring(0, Math.min(12, evidence.sha256().length())) + "...)",
				"", evidence.addedBy(), evidence.source(), "evidence", evidence.id(), false, List.of(), "");
	}

	private static TimelineEntry state(StateChange change) {
		String field = change.field().label();
		return new TimelineEntry(TimelineEntry.key(EntryKind.STATE_CHANGE, change.id()), EntryKind.STATE_CHANGE,
				change.when(), change.when(), "The " + field + " changed from " + change.from() + " to " + change.to(),
				"", change.who(), "incident", "state", change.id(), false, List.of(), "");
	}

	private static String firstLine(String text) {
		String line = text.strip().lines().findFirst().orElse("");
		return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 3) + "...";
	}
}
