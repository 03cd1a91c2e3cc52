package io.vigil.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The workspace's embedded Derby database. Each caller takes its own connection and closes it;
 * {@link #close()} shuts the database down cleanly so that the next open needs no recovery.
 */
public final class Database implements AutoCloseable {

	private static final String SHUTDOWN_SUCCEEDED = "08006";

	private final Path directory;
	private final EmbeddedDataSource dataSource;

	private Database(Path directory, EmbeddedDataSource dataSource) {
		this.directory = directory;
		this.dataSource = dataSource;
	}

	/**
	 * Opens (and creates when missing) the database in a directory.
	 *
	 * @param directory the database directory, for example {@code WORKSPACE/db}
	 * @throws SQLException if Derby cannot boot the database
	 */
	public static Database open(Path directory) throws SQLException {
		EmbeddedDataSource dataSource = new EmbeddedDataSource();
		dataSource.setDatabaseName(directory.toString());
		dataSource.setCreateDatabase("create");
		Database database = new Database(directory, dataSource);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
		}
		return database;
	}

	/** Returns the directory that holds the database files. */
	public Path directory() {
		return directory;
	}

	/**
	 * Opens a new connection, in auto-commit mode. The caller closes it.
	 *
	 * @throws SQLException if the database is closed or broken
	 */
	public Connection connect() throws SQLException {
		return dataSource.getConnection();
	}

	/** Shuts the database down; later {@link #connect()} calls fail. */
	@Override
	public void close() throws SQLException {
		EmbeddedDataSource shutdown = new EmbeddedDataSource();
		shutdown.setDatabaseName(directory.toString());
		shutdown.setShutdownDatabase("shutdown");
		try {
			shutdown.getConnection().close();
		} catch (SQLException e) {
			if (SHUTDOWN_SUCCEEDED.equals(e.getSQLState())) {
				return;
			}
			throw e;
		}
		throw new SQLException("Derby did not shut down the database in " + directory);
	}
}
