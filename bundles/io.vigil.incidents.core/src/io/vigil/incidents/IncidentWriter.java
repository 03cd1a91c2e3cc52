package io.vigil.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Writes incidents and their children into the workspace database, inside the caller's transaction. */
final class IncidentWriter {

	private IncidentWriter() {
	}

	static void insertIncident(Connection connection, String id, IncidentFields fields, IncidentStatus status,
			IncidentPhase phase, Instant created, Instant updated) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT (TITLE, SUMMARY, SEVERITY,"
				+ " OWNER, TLP, DETECTED, REPORTED, VERIFIED, CONTAINED, MITIGATED, CLOSED, THEORIES, MITIGATIONS,"
				+ " LESSONS, ID, STATUS, PHASE, CREATED, UPDATED)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			int index = IncidentStore.bindFields(insert, 1, fields);
			insert.setString(index++, id);
			insert.setString(index++, status.name());
			insert.setString(index++, phase.name());
			Sql.setTime(insert, index++, created);
			Sql.setTime(insert, index, updated);
			insert.executeUpdate();
		}
	}

	/** Replaces whatever is stored under an incident's id by the incident as given. */
	static void replace(Connection connection, Incident incident) throws SQLException {
		String id = incident.id();
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM INCIDENT WHERE ID = ?")) {
			delete.setString(1, id);
			delete.executeUpdate();
		}
		insertIncident(connection, id, incident.fields(), incident.status(), incident.phase(),
				incident.created(), incident.updated());
		insertAll(connection, "INCIDENT_REFERENCE", "REF", id, incident.references());
		insertAll(connection, "INCIDENT_TECHNIQUE", "TECHNIQUE", id, incident.techniques());
		for (Note note : incident.notes()) {
			insertNote(connection, id, note);
		}
		for (IncidentTask task : incident.tasks()) {
			insertTask(connection, id, task);
		}
		for (Observable observable : incident.observables()) {
			insertObservable(connection, id, observable);
		}
		for (Evidence evidence : incident.evidence()) {
			insertEvidence(connection, id, evidence);
		}
		for (PromotedItem item : incident.items()) {
			insertItem(connection, id, item);
		}
		for (int position = 0; position < incident.stateChanges().size(); position++) {
			insertState(connection, id, position, incident.stateChanges().get(position));
		}
		for (EntryMark mark : incident.marks()) {
			insertMark(connection, id, mark);
		}
	}

	private static void insertAll(Connection connection, String table, String column, String id, List<String> values)
			throws SQLException {
		for (int position = 0; position < values.size(); position++) {
			insertListed(connection, table, column, id, position, values.get(position));
		}
	}

	static void insertListed(Connection connection, String table, String column, String id, int position, String value)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO " + table + " (INCIDENT_ID, POSITION, " + column + ") VALUES (?, ?, ?)")) {
			insert.setString(1, id);
			insert.setInt(2, position);
			insert.setString(3, value);
			insert.executeUpdate();
		}
	}

	static void insertNote(Connection connection, String id, Note note) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO INCIDENT_NOTE (ID, INCIDENT_ID, AUTHOR, NOTED_AT, NOTE_TEXT) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, note.id());
			insert.setString(2, id);
			insert.setString(3, note.author());
			Sql.setTime(insert, 4, note.time());
			insert.setString(5, note.text());
			insert.executeUpdate();
		}
	}

	static void insertTask(Connection connection, String id, IncidentTask task) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT_TASK (ID, INCIDENT_ID, TITLE,"
				+ " ASSIGNEE, DUE, DONE, CREATED, DONE_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, task.id());
			insert.setString(2, id);
			insert.setString(3, task.title());
			insert.setString(4, task.assignee());
			Sql.setTime(insert, 5, task.due());
			insert.setBoolean(6, task.done());
			Sql.setTime(insert, 7, task.created());
			Sql.setTime(insert, 8, task.doneAt());
			insert.executeUpdate();
		}
	}

	static void insertObservable(Connection connection, String id, Observable observable) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT_OBSERVABLE (ID, INCIDENT_ID,"
				+ " KIND, OBSERVED_VALUE, COMMENT_TEXT, ADDED) VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, observable.id());
			insert.setString(2, id);
			insert.setString(3, observable.kind().name());
			insert.setString(4, observable.value());
			insert.setString(5, observable.comment());
			Sql.setTime(insert, 6, observable.added());
			insert.executeUpdate();
		}
	}

	static void insertEvidence(Connection connection, String id, Evidence evidence) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT_EVIDENCE (ID, INCIDENT_ID,"
				+ " NAME, SHA256, BYTE_SIZE, MEDIA_TYPE, ADDED_BY, ADDED_AT, DESCRIPTION, SOURCE)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, evidence.id());
			insert.setString(2, id);
			insert.setString(3, evidence.name());
			insert.setString(4, evidence.sha256());
			insert.setLong(5, evidence.size());
			insert.setString(6, evidence.mediaType());
			insert.setString(7, evidence.addedBy());
			Sql.setTime(insert, 8, evidence.addedAt());
			insert.setString(9, evidence.description());
			insert.setString(10, evidence.source());
			insert.executeUpdate();
		}
		for (int position = 0; position < evidence.custody().size(); position++) {
			insertCustody(connection, evidence.id(), position, evidence.custody().get(position));
		}
	}

	static void insertCustody(Connection connection, String evidenceId, int position, CustodyEntry entry)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO EVIDENCE_CUSTODY (EVIDENCE_ID,"
				+ " POSITION, WHO, HAPPENED, ACTION, DETAIL) VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, evidenceId);
			insert.setInt(2, position);
			insert.setString(3, entry.who());
			Sql.setTime(insert, 4, entry.when());
			insert.setString(5, entry.action().name());
			insert.setString(6, entry.detail());
			insert.executeUpdate();
		}
	}

	static String sourceHash(ItemKind kind, String sourceId) {
		return Sql.sha256(kind.name() + "\n" + sourceId);
	}

	static void insertItem(Connection connection, String id, PromotedItem item) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT_ITEM (ID, INCIDENT_ID, KIND,"
				+ " SOURCE_ID, SOURCE_HASH, SNAPSHOT, OCCURRED, DISCOVERED, HOST, USER_NAME, SOURCE, TITLE)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, item.id());
			insert.setString(2, id);
			insert.setString(3, item.kind().name());
			insert.setString(4, item.sourceId());
			insert.setString(5, sourceHash(item.kind(), item.sourceId()));
			insert.setString(6, item.snapshot());
			Sql.setTime(insert, 7, item.occurred());
			Sql.setTime(insert, 8, item.discovered());
			insert.setString(9, item.host());
			insert.setString(10, item.user());
			insert.setString(11, item.source());
			insert.setString(12, item.title());
			insert.executeUpdate();
		}
	}

	/** Stores a state change at a position in its incident's history (the number of changes before it). */
	static void insertState(Connection connection, String id, int position, StateChange change) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO INCIDENT_STATE (ID, INCIDENT_ID, FIELD,"
				+ " FROM_STATE, TO_STATE, WHO, CHANGED_AT, POSITION) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, change.id());
			insert.setString(2, id);
			insert.setString(3, change.field().name());
			insert.setString(4, change.from());
			insert.setString(5, change.to());
			insert.setString(6, change.who());
			Sql.setTime(insert, 7, change.when());
			insert.setInt(8, position);
			insert.executeUpdate();
		}
	}

	static void insertMark(Connection connection, String id, EntryMark mark) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TIMELINE_MARK (INCIDENT_ID, KEY_HASH,"
				+ " ENTRY_KEY, STARRED, TAGS, COMMENT_TEXT, UPDATED) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, id);
			insert.setString(2, Sql.sha256(mark.entryKey()));
			insert.setString(3, mark.entryKey());
			insert.setBoolean(4, mark.starred());
			insert.setString(5, IncidentStore.tagsJson(mark.tags()));
			insert.setString(6, mark.comment());
			Sql.setTime(insert, 7, mark.updated() == null ? Instant.EPOCH : mark.updated());
			insert.executeUpdate();
		}
	}

	static void deleteMark(Connection connection, String id, String entryKey) throws SQLException {
		try (PreparedStatement delete = connection
				.prepareStatement("DELETE FROM TIMELINE_MARK WHERE INCIDENT_ID = ? AND KEY_HASH = ?")) {
			delete.setString(1, id);
			delete.setString(2, Sql.sha256(entryKey));
			delete.executeUpdate();
		}
	}
}
