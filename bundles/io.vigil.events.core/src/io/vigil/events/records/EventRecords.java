package io.vigil.events.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.vigil.core.store.Database;
import io.vigil.events.ingest.IngestReport;

/**
 * The event store's records in the workspace database ({@link EventsSchema}): import history,
 * sources, saved searches and dashboards. Each call uses its own connection; thread-safe.
 */
public final class EventRecords {

	private final Database database;

	/** Creates the records over a database whose {@code events} schema is up to date. */
	public EventRecords(Database database) {
		this.database = database;
	}

	/**
	 * Records an import run and updates the sources it read from, in one transaction.
	 *
	 * @param origin what ran it: {@code command} or {@code workbench}
	 * @return the import's number
	 */
	public long recordImport(IngestReport report, String origin) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				long id = insertImport(connection, report, origin);
				for (IngestReport.InputReport input : report.inputs()) {
					insertInput(connection, id, input);
					if (input.format() != null) {
						updateSource(connection, input, report.finished());
					}
				}
				connection.commit();
				return id;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
	}

	private static long insertImport(Connection connection, IngestReport report, String origin) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO EVENT_IMPORT (STARTED, FINISHED,"
				+ " ORIGIN, STORED, REJECTED, REJECTS_FILE, CANCELLED) VALUES (?, ?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.setTimestamp(1, Timestamp.from(report.started()));
			insert.setTimestamp(2, Timestamp.from(report.finished()));
			insert.setString(3, origin);
			insert.setLong(4, report.stored());
			insert.setLong(5, report.rejected());
			insert.setString(6, report.rejects() == null ? null : report.rejects().toString());
			insert.setBoolean(7, report.cancelled());
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void insertInput(Connection connection, long id, IngestReport.InputReport input)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO EVENT_IMPORT_INPUT (IMPORT_ID, NAME,"
				+ " FORMAT, EVENTS, REJECTED, OLDEST, NEWEST) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setLong(1, id);
			insert.setString(2, cut(input.name(), 4096));
			insert.setString(3, input.format());
			insert.setLong(4, input.events());
			insert.setLong(5, input.rejected());
			setInstant(insert, 6, input.oldest());
			setInstant(insert, 7, input.newest());
			insert.executeUpdate();
		}
	}

	private static void updateSource(Connection connection, IngestReport.InputReport input, Instant seen)
			throws SQLException {
		String kind = input.name().equals("-") ? "stream" : "file";
		String key = key(kind, input.name());
		try (PreparedStatement update = connection.prepareStatement("UPDATE EVENT_SOURCE SET EVENTS = EVENTS + ?,"
				+ " LAST_SEEN = ?, FORMAT = ?,"
				+ " OLDEST_EVENT = CASE WHEN OLDEST_EVENT IS NULL OR ? < OLDEST_EVENT THEN ? ELSE OLDEST_EVENT END,"
				+ " NEWEST_EVENT = CASE WHEN NEWEST_EVENT IS NULL OR ? > NEWEST_EVENT THEN ? ELSE NEWEST_EVENT END"
				+ " WHERE NAME_KEY = ?")) {
			update.setLong(1, input.events());
			update.setTimestamp(2, Timestamp.from(seen));
			update.setString(3, input.format());
			setInstant(update, 4, input.oldest());
			setInstant(update, 5, input.oldest());
			setInstant(update, 6, input.newest());
			setInstant(update, 7, input.newest());
			update.setString(8, key);
			if (update.executeUpdate() > 0) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO EVENT_SOURCE (NAME_KEY, KIND, NAME,"
				+ " FORMAT, EVENTS, FIRST_SEEN, LAST_SEEN, OLDEST_EVENT, NEWEST_EVENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, key);
			insert.setString(2, kind);
			insert.setString(3, cut(input.name(), 4096));
			insert.setString(4, input.format());
			insert.setLong(5, input.events());
			insert.setTimestamp(6, Timestamp.from(seen));
			insert.setTimestamp(7, Timestamp.from(seen));
			setInstant(insert, 8, input.oldest());
			setInstant(insert, 9, input.newest());
			insert.executeUpdate();
		}
	}

	/** Returns the latest imports, newest first. */
	public List<ImportRecord> imports(int limit) throws SQLException {
		List<ImportRecord> imports = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT ID, STARTED, FINISHED, ORIGIN, STORED,"
						+ " REJECTED, REJECTS_FILE, CANCELLED FROM EVENT_IMPORT ORDER BY ID DESC FETCH FIRST ? ROWS ONLY")) {
			query.setInt(1, limit);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					imports.add(new ImportRecord(rows.getLong(1), rows.getTimestamp(2).toInstant(),
							rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getLong(5), rows.getLong(6),
							rows.getString(7), rows.getBoolean(8)));
				}
			}
		}
		return imports;
	}

	/** Returns every source, most recently seen first. */
	public List<EventSource> sources() throws SQLException {
		List<EventSource> sources = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT KIND, NAME, FORMAT, EVENTS, FIRST_SEEN,"
						+ " LAST_SEEN, OLDEST_EVENT, NEWEST_EVENT FROM EVENT_SOURCE ORDER BY LAST_SEEN DESC, NAME");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				sources.add(new EventSource(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
						rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant(), instant(rows, 7),
						instant(rows, 8)));
			}
		}
		return sources;
	}

	/** Saves a search, replacing one with the same name. */
	public void save(SavedSearch search) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				Timestamp now = Timestamp.from(Instant.now());
				Timestamp created = now;
				try (PreparedStatement find = connection.prepareStatement("SELECT CREATED FROM SAVED_SEARCH WHERE NAME = ?")) {
					find.setString(1, search.name());
					try (ResultSet rows = find.executeQuery()) {
						created = rows.next() ? rows.getTimestamp(1) : now;
					}
				}
				deleteSearch(connection, search.name());
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SAVED_SEARCH (NAME, QUERY_TEXT,"
						+ " TIME_FROM, TIME_TO, COLUMNS, CREATED, UPDATED) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
					insert.setString(1, search.name());
					insert.setString(2, search.query());
					insert.setString(3, search.from());
					insert.setString(4, search.to());
					insert.setString(5, String.join(",", search.columns()));
					insert.setTimestamp(6, created);
					insert.setTimestamp(7, now);
					insert.executeUpdate();
				}
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
	}

	/** Returns the saved search with a name. */
	public Optional<SavedSearch> savedSearch(String name) throws SQLException {
		return savedSearches().stream().filter(search -> search.name().equals(name)).findFirst();
	}

	/** Returns every saved search, by name. */
	public List<SavedSearch> savedSearches() throws SQLException {
		List<SavedSearch> searches = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement(
						"SELECT NAME, QUERY_TEXT, TIME_FROM, TIME_TO, COLUMNS FROM SAVED_SEARCH ORDER BY NAME");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				String columns = rows.getString(5);
				searches.add(new SavedSearch(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
						columns == null || columns.isEmpty() ? List.of() : Arrays.asList(columns.split(","))));
			}
		}
		return searches;
	}

	/** Deletes a saved search; returns whether it existed. */
	public boolean deleteSavedSearch(String name) throws SQLException {
		try (Connection connection = database.connect()) {
			return deleteSearch(connection, name) > 0;
		}
	}

	private static int deleteSearch(Connection connection, String name) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SAVED_SEARCH WHERE NAME = ?")) {
			delete.setString(1, name);
			return delete.executeUpdate();
		}
	}

	/** Saves a dashboard's tiles (as JSON), replacing one with the same name. */
	public void saveDashboard(String name, String tilesJson) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement delete = connection.prepareStatement("DELETE FROM DASHBOARD WHERE NAME = ?")) {
					delete.setString(1, name);
					delete.executeUpdate();
				}
				try (PreparedStatement insert = connection
						.prepareStatement("INSERT INTO DASHBOARD (NAME, TILES, UPDATED) VALUES (?, ?, ?)")) {
					insert.setString(1, name);
					insert.setString(2, tilesJson);
					insert.setTimestamp(3, Timestamp.from(Instant.now()));
					insert.executeUpdate();
				}
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		}
	}

	/** Returns a dashboard's tiles JSON. */
	public Optional<String> dashboard(String name) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT TILES FROM DASHBOARD WHERE NAME = ?")) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		}
	}

	/** Returns the dashboards' names, sorted. */
	public List<String> dashboards() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT NAME FROM DASHBOARD ORDER BY NAME");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/** Deletes a dashboard; returns whether it existed. */
	public boolean deleteDashboard(String name) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement delete = connection.prepareStatement("DELETE FROM DASHBOARD WHERE NAME = ?")) {
			delete.setString(1, name);
			return delete.executeUpdate() > 0;
		}
	}

	private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP);
		} else {
			statement.setTimestamp(index, Timestamp.from(instant));
		}
	}

	private static Instant instant(ResultSet rows, int column) throws SQLException {
		Timestamp timestamp = rows.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	private static String key(String kind, String name) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest((kind + '\n' + name).getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
