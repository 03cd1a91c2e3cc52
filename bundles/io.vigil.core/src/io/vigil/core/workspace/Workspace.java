package io.vigil.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.core.VigilVersion;
import io.vigil.core.store.Database;
import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;
import io.vigil.core.store.SchemaMigrator;
import io.vigil.core.store.SchemaTooNewException;

/**
 * An open Vigil workspace: one directory that holds all of a user's state.
 *
 * <pre>
 * workspace.properties   layout version, written once
 * .lock                  held while a Vigil has the workspace open
 * db/                    Derby database (records)
 * index/                 Lucene indexes (events)
 * settings/              exported settings and profiles
 * logs/                  Vigil and Derby logs
 * .metadata/             workbench state and preferences (Eclipse instance location)
 * </pre>
 *
 * Only one Vigil process opens a workspace at a time. Components bring their database schema up
 * to date with {@link #ensureSchema(SchemaContribution)} before first use.
 */
public final class Workspace implements AutoCloseable {

	private final Path root;
	private final WorkspaceLock lock;
	private final Database database;
	private final SchemaMigrator migrator;

	private Workspace(Path root, WorkspaceLock lock, Database database, SchemaMigrator migrator) {
		this.root = root;
		this.lock = lock;
		this.database = database;
		this.migrator = migrator;
	}

	/**
	 * Opens a workspace, creating it when the directory is missing or empty.
	 *
	 * @param directory the workspace directory
	 * @param purpose what this Vigil does with it ("workbench", "command search"), shown to a
	 *            second Vigil that finds the workspace in use
	 * @throws WorkspaceInUseException if another Vigil has it open
	 * @throws WorkspaceException if it cannot be created, is damaged, or was written by a newer
	 *             Vigil
	 */
	public static Workspace open(Path directory, String purpose) throws WorkspaceException {
		Path root = directory.toAbsolutePath().normalize();
		createDirectory(root);
		WorkspaceLock lock = WorkspaceLock.acquire(root, purpose);
		try {
			String version = VigilVersion.running().toString();
			WorkspaceFormat.readOrCreate(root, version);
			for (String child : List.of("index", "settings", "logs")) {
				createDirectory(root.resolve(child));
			}
			Database database = openDatabase(root);
			Workspace workspace = new Workspace(root, lock, database, new SchemaMigrator(database, version));
			workspace.initialize(purpose, version);
			return workspace;
		} catch (WorkspaceException | RuntimeException e) {
			closeQuietly(lock);
			throw e;
		}
	}

	private void initialize(String purpose, String version) throws WorkspaceException {
		try {
			ensureSchema(new CoreSchema());
			recordOpen(purpose, version);
		} catch (WorkspaceException | RuntimeException e) {
			closeQuietly(database);
			throw e;
		}
	}

	private static Database openDatabase(Path root) throws WorkspaceException {
		Path logs = root.resolve("logs");
		// Derby reads this system property when its engine boots, once per process; without it
		// derby.log lands in the current directory of whoever started Vigil. A process opens one
		// workspace, so the log follows the first workspace opened.
		System.setProperty("derby.stream.error.file", logs.resolve("derby.log").toString());
		try {
			return Database.open(root.resolve("db"));
		} catch (SQLException e) {
			throw new WorkspaceException("Cannot open the database of workspace " + root + ": " + describe(e), e);
		}
	}

	/** Returns the workspace directory. */
	public Path root() {
		return root;
	}

	/** Returns the directory for Lucene indexes. */
	public Path indexDirectory() {
		return root.resolve("index");
	}

	/** Returns the directory for settings files. */
	public Path settingsDirectory() {
		return root.resolve("settings");
	}

	/** Returns the directory for logs. */
	public Path logDirectory() {
		return root.resolve("logs");
	}

	/** Returns the workspace database. */
	public Database database() {
		return database;
	}

	/**
	 * Brings a component's schema up to date.
	 *
	 * @return the migration steps applied now
	 * @throws WorkspaceException if the stored schema is newer than this Vigil, or a step fails
	 */
	public List<SchemaMigration> ensureSchema(SchemaContribution contribution) throws WorkspaceException {
		try {
			return migrator.migrate(contribution);
		} catch (SchemaTooNewException e) {
			throw new WorkspaceException("Workspace " + root + ": " + e.getMessage() + ".", e);
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": cannot bring the '" + contribution.component()
					+ "' data up to date: " + describe(e), e);
		}
	}

	/**
	 * Returns the schema version of every component stored in the workspace.
	 *
	 * @throws WorkspaceException if the database cannot be read
	 */
	public Map<String, Integer> schemaVersions() throws WorkspaceException {
		try {
			return migrator.versions();
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": cannot read schema versions: " + describe(e), e);
		}
	}

	/**
	 * Returns a workspace setting.
	 *
	 * @param name the setting's name, namespaced by its capability ({@code events.retention.days})
	 * @return its value, or empty when it was never set
	 * @throws WorkspaceException if the database cannot be read
	 */
	public Optional<String> property(String name) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
						.prepareStatement("SELECT PROPERTY_VALUE FROM WORKSPACE_PROPERTY WHERE NAME = ?")) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": cannot read setting " + name + ": " + describe(e), e);
		}
	}

	/**
	 * Sets a workspace setting, or removes it when the value is {@code null}.
	 *
	 * @throws WorkspaceException if the database cannot be written
	 */
	public void setProperty(String name, String value) throws WorkspaceException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM WORKSPACE_PROPERTY WHERE NAME = ?")) {
				delete.setString(1, name);
				delete.executeUpdate();
			}
			if (value != null) {
				try (PreparedStatement insert = connection
						.prepareStatement("INSERT INTO WORKSPACE_PROPERTY (NAME, PROPERTY_VALUE) VALUES (?, ?)")) {
					insert.setString(1, name);
					insert.setString(2, value);
					insert.executeUpdate();
				}
			}
			connection.commit();
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": cannot write setting " + name + ": " + describe(e), e);
		}
	}

	private void recordOpen(String purpose, String version) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO WORKSPACE_OPEN (OPENED_AT, VIGIL_VERSION, PURPOSE) VALUES (?, ?, ?)")) {
			insert.setTimestamp(1, Timestamp.from(Instant.now()));
			insert.setString(2, truncate(version, 64));
			insert.setString(3, truncate(purpose, 256));
			insert.executeUpdate();
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": cannot record this open: " + describe(e), e);
		}
	}

	/** Shuts the database down and releases the lock. */
	@Override
	public void close() throws WorkspaceException {
		try {
			database.close();
		} catch (SQLException e) {
			throw new WorkspaceException("Workspace " + root + ": the database did not shut down cleanly: "
					+ describe(e), e);
		} finally {
			closeQuietly(lock);
		}
	}

	private static void createDirectory(Path directory) throws WorkspaceException {
		try {
			Files.createDirectories(directory);
		} catch (IOException e) {
			throw new WorkspaceException("Cannot create workspace directory " + directory + ": " + e, e);
		}
	}

	private static String describe(SQLException e) {
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		SQLException next = e.getNextException();
		if (next != null && next.getMessage() != null && !text.toString().contains(next.getMessage())) {
			text.append(" (").append(next.getMessage()).append(')');
		}
		return text.toString();
	}

	private static String truncate(String value, int length) {
		return value.length() <= length ? value : value.substring(0, length);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		} catch (Exception e) {
			// Already failing; the first error is the one to report.
		}
	}
}
