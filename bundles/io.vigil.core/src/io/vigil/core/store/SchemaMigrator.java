package io.vigil.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings components' schemas up to date. The applied steps are kept in {@code VIGIL_SCHEMA}
 * (component, version, description, when, by which Vigil). Each step runs in its own transaction:
 * a crash between steps leaves the schema at the last completed version, never half-way.
 */
public final class SchemaMigrator {

	private static final String TABLE = "VIGIL_SCHEMA";

	private final Database database;
	private final String vigilVersion;

	/**
	 * Creates a migrator.
	 *
	 * @param database the database to migrate
	 * @param vigilVersion the running Vigil version, recorded with each step
	 */
	public SchemaMigrator(Database database, String vigilVersion) {
		this.database = database;
		this.vigilVersion = vigilVersion;
	}

	/**
	 * Applies the migrations a component's stored schema lacks.
	 *
	 * @return the steps applied now, oldest first; empty when the schema was current
	 * @throws SchemaTooNewException if the stored schema is newer than the contribution knows
	 * @throws SQLException if a step fails; the steps before it stay applied
	 */
	public List<SchemaMigration> migrate(SchemaContribution contribution) throws SchemaTooNewException, SQLException {
		checkOrder(contribution);
		try (Connection connection = database.connect()) {
			ensureTable(connection);
			int current = currentVersion(connection, contribution.component());
			if (current > contribution.latestVersion()) {
				throw new SchemaTooNewException(contribution.component(), current, contribution.latestVersion());
			}
			List<SchemaMigration> applied = new ArrayList<>();
			for (SchemaMigration migration : contribution.migrations()) {
				if (migration.version() > current) {
					apply(connection, contribution.component(), migration);
					applied.add(migration);
				}
			}
			return applied;
		}
	}

	/**
	 * Returns the stored version of every component, by component name.
	 *
	 * @throws SQLException if the database cannot be read
	 */
	public Map<String, Integer> versions() throws SQLException {
		Map<String, Integer> versions = new LinkedHashMap<>();
		try (Connection connection = database.connect()) {
			ensureTable(connection);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COMPONENT, MAX(VERSION) FROM " + TABLE
							+ " GROUP BY COMPONENT ORDER BY COMPONENT")) {
				while (rows.next()) {
					versions.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		return versions;
	}

	private static void checkOrder(SchemaContribution contribution) {
		int expected = 1;
		for (SchemaMigration migration : contribution.migrations()) {
			if (migration.version() != expected) {
				throw new IllegalArgumentException("Schema of '" + contribution.component() + "' expects version "
						+ expected + " next but lists " + migration.version());
			}
			expected++;
		}
	}

	private static void ensureTable(Connection connection) throws SQLException {
		if (tableExists(connection)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + TABLE + " (COMPONENT VARCHAR(128) NOT NULL, VERSION INT NOT NULL,"
					+ " DESCRIPTION VARCHAR(512) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL,"
					+ " APPLIED_BY VARCHAR(64) NOT NULL, PRIMARY KEY (COMPONENT, VERSION))");
		} catch (SQLException e) {
			// Another connection may have created it in between.
			if (!tableExists(connection)) {
				throw e;
			}
		}
	}

	private static boolean tableExists(Connection connection) throws SQLException {
		try (ResultSet tables = connection.getMetaData().getTables(null, null, TABLE, null)) {
			return tables.next();
		}
	}

	private static int currentVersion(Connection connection, String component) throws SQLException {
		try (PreparedStatement query = connection
				.prepareStatement("SELECT MAX(VERSION) FROM " + TABLE + " WHERE COMPONENT = ?")) {
			query.setString(1, component);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getInt(1) : 0;
			}
		}
	}

	private void apply(Connection connection, String component, SchemaMigration migration) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			migration.step().apply(connection);
			record(connection, component, migration);
			connection.commit();
		} catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		} finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private void record(Connection connection, String component, SchemaMigration migration) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
				+ " (COMPONENT, VERSION, DESCRIPTION, APPLIED_AT, APPLIED_BY) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, component);
			insert.setInt(2, migration.version());
			insert.setString(3, migration.description());
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			insert.setString(5, vigilVersion);
			insert.executeUpdate();
		}
	}
}
