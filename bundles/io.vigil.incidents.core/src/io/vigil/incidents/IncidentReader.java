package io.vigil.incidents;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads incidents and their children from the workspace database. */
final class IncidentReader {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String COLUMNS = "ID, TITLE, SUMMARY, SEVERITY, STATUS, PHASE, OWNER, TLP, DETECTED, REPORTED,"
			+ " VERIFIED, CONTAINED, MITIGATED, CLOSED, THEORIES, MITIGATIONS, LESSONS, CREATED, UPDATED";

	private IncidentReader() {
	}

	static List<String> ids(Connection connection) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID FROM INCIDENT ORDER BY CREATED DESC, ID");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	static Optional<Incident> read(Connection connection, String id) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM INCIDENT WHERE ID = ?")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				return Optional.of(incident(connection, rows));
			}
		}
	}

	private static Incident incident(Connection connection, ResultSet rows) throws SQLException {
		String id = rows.getString(1);
		try {
			KeyDates dates = new KeyDates(Sql.time(rows, 9), Sql.time(rows, 10), Sql.time(rows, 11), Sql.time(rows, 12),
					Sql.time(rows, 13), Sql.time(rows, 14));
			IncidentFields fields = new IncidentFields(rows.getString(2), rows.getString(3),
					IncidentSeverity.valueOf(rows.getString(4)), rows.getString(7), Tlp.valueOf(rows.getString(8)), dates,
					rows.getString(15), rows.getString(16), rows.getString(17));
			return new Incident(id, fields, IncidentStatus.valueOf(rows.getString(5)),
					IncidentPhase.valueOf(rows.getString(6)), references(connection, id), techniques(connection, id),
					Sql.time(rows, 18), Sql.time(rows, 19), notes(connection, id), tasks(connection, id),
					observables(connection, id), evidence(connection, id), items(connection, id),
					states(connection, id), marks(connection, id));
		} catch (IllegalArgumentException e) {
			throw new SQLException("incident " + id + " cannot be read: " + e.getMessage(), e);
		}
	}

	static List<String> references(Connection connection, String id) throws SQLException {
		return strings(connection, "SELECT REF FROM INCIDENT_REFERENCE WHERE INCIDENT_ID = ? ORDER BY POSITION", id);
	}

	static List<String> techniques(Connection connection, String id) throws SQLException {
		return strings(connection, "SELECT TECHNIQUE FROM INCIDENT_TECHNIQUE WHERE INCIDENT_ID = ? ORDER BY POSITION",
				id);
	}

	private static List<String> strings(Connection connection, String sql, String id) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
		}
		return values;
	}

	private static List<Note> notes(Connection connection, String id) throws SQLException {
		List<Note> notes = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, AUTHOR, NOTED_AT, NOTE_TEXT"
				+ " FROM INCIDENT_NOTE WHERE INCIDENT_ID = ? ORDER BY NOTED_AT, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					notes.add(new Note(rows.getString(1), rows.getString(2), Sql.time(rows, 3), rows.getString(4)));
				}
			}
		}
		return notes;
	}

	private static List<IncidentTask> tasks(Connection connection, String id) throws SQLException {
		List<IncidentTask> tasks = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, TITLE, ASSIGNEE, DUE, DONE, CREATED,"
				+ " DONE_AT FROM INCIDENT_TASK WHERE INCIDENT_ID = ? ORDER BY CREATED, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					tasks.add(new IncidentTask(rows.getString(1), rows.getString(2), rows.getString(3), Sql.time(rows, 4),
							rows.getBoolean(5), Sql.time(rows, 6), Sql.time(rows, 7)));
				}
			}
		}
		return tasks;
	}

	private static List<Observable> observables(Connection connection, String id) throws SQLException {
		List<Observable> observables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, KIND, OBSERVED_VALUE, COMMENT_TEXT,"
				+ " ADDED FROM INCIDENT_OBSERVABLE WHERE INCIDENT_ID = ? ORDER BY ADDED, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					observables.add(new Observable(rows.getString(1), ObservableKind.valueOf(rows.getString(2)),
							rows.getString(3), rows.getString(4), Sql.time(rows, 5)));
				}
			}
		}
		return observables;
	}

	static Optional<Observable> observable(Connection connection, String id, ObservableKind kind, String value)
			throws SQLException {
		return observables(connection, id).stream().filter(o -> o.kind() == kind && o.value().equals(value))
				.findFirst();
	}

	private static List<Evidence> evidence(Connection connection, String id) throws SQLException {
		List<Evidence> evidence = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, NAME, SHA256, BYTE_SIZE, MEDIA_TYPE,"
				+ " ADDED_BY, ADDED_AT, DESCRIPTION, SOURCE FROM INCIDENT_EVIDENCE WHERE INCIDENT_ID = ?"
				+ " ORDER BY ADDED_AT, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String evidenceId = rows.getString(1);
					evidence.add(new Evidence(evidenceId, rows.getString(2), rows.getString(3), rows.getLong(4),
							rows.getString(5), rows.getString(6), Sql.time(rows, 7), rows.getString(8), rows.getString(9),
							custody(connection, evidenceId)));
				}
			}
		}
		return evidence;
	}

	private static List<CustodyEntry> custody(Connection connection, String evidenceId) throws SQLException {
		List<CustodyEntry> custody = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT WHO, HAPPENED, ACTION, DETAIL"
				+ " FROM EVIDENCE_CUSTODY WHERE EVIDENCE_ID = ? ORDER BY POSITION")) {
			query.setString(1, evidenceId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					custody.add(new CustodyEntry(rows.getString(1), Sql.time(rows, 2),
							CustodyAction.valueOf(rows.getString(3)), rows.getString(4)));
				}
			}
		}
		return custody;
	}

	static boolean hasEvidence(Connection connection, String id, String evidenceId) throws SQLException {
		try (PreparedStatement query = connection
				.prepareStatement("SELECT 1 FROM INCIDENT_EVIDENCE WHERE ID = ? AND INCIDENT_ID = ?")) {
			query.setString(1, evidenceId);
			query.setString(2, id);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	static int custodyCount(Connection connection, String evidenceId) throws SQLException {
		try (PreparedStatement query = connection
				.prepareStatement("SELECT COALESCE(MAX(POSITION) + 1, 0) FROM EVIDENCE_CUSTODY WHERE EVIDENCE_ID = ?")) {
			query.setString(1, evidenceId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private static List<PromotedItem> items(Connection connection, String id) throws SQLException {
		List<PromotedItem> items = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, KIND, SOURCE_ID, SNAPSHOT, OCCURRED,"
				+ " DISCOVERED, HOST, USER_NAME, SOURCE, TITLE FROM INCIDENT_ITEM WHERE INCIDENT_ID = ?"
				+ " ORDER BY OCCURRED, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					items.add(new PromotedItem(rows.getString(1), ItemKind.valueOf(rows.getString(2)), rows.getString(3),
							rows.getString(4), Sql.time(rows, 5), Sql.time(rows, 6), rows.getString(7),
							rows.getString(8), rows.getString(9), rows.getString(10)));
				}
			}
		}
		return items;
	}

	static boolean hasItem(Connection connection, String id, ItemKind kind, String sourceId) throws SQLException {
		try (PreparedStatement query = connection
				.prepareStatement("SELECT 1 FROM INCIDENT_ITEM WHERE INCIDENT_ID = ? AND SOURCE_HASH = ?")) {
			query.setString(1, id);
			query.setString(2, IncidentWriter.sourceHash(kind, sourceId));
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	static int stateCount(Connection connection, String id) throws SQLException {
		try (PreparedStatement query = connection
				.prepareStatement("SELECT COALESCE(MAX(POSITION) + 1, 0) FROM INCIDENT_STATE WHERE INCIDENT_ID = ?")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private static List<StateChange> states(Connection connection, String id) throws SQLException {
		List<StateChange> changes = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ID, FIELD, FROM_STATE, TO_STATE, WHO,"
				+ " CHANGED_AT FROM INCIDENT_STATE WHERE INCIDENT_ID = ? ORDER BY CHANGED_AT, POSITION, ID")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					changes.add(new StateChange(rows.getString(1), StateField.valueOf(rows.getString(2)),
							rows.getString(3), rows.getString(4), rows.getString(5), Sql.time(rows, 6)));
				}
			}
		}
		return changes;
	}

	private static List<EntryMark> marks(Connection connection, String id) throws SQLException {
		List<EntryMark> marks = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT ENTRY_KEY, STARRED, TAGS, COMMENT_TEXT,"
				+ " UPDATED FROM TIMELINE_MARK WHERE INCIDENT_ID = ? ORDER BY ENTRY_KEY")) {
			query.setString(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					marks.add(new EntryMark(rows.getString(1), rows.getBoolean(2), tags(rows.getString(3)),
							rows.getString(4), Sql.time(rows, 5)));
				}
			}
		}
		return marks;
	}

	private static List<String> tags(String json) throws SQLException {
		try {
			return JSON.readValue(json, new TypeReference<List<String>>() {
			});
		} catch (IOException e) {
			throw new SQLException("stored timeline tags are not a JSON list: " + e.getMessage(), e);
		}
	}
}
