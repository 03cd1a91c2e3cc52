package io.vigil.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import io.vigil.core.store.Database;
import io.vigil.core.workspace.WorkspaceException;

/** The {@code EXCHANGE_BASE} table: each object's content hash as last exported or imported. */
final class ExchangeBaseStore {

	/** The direction of an exchange. */
	enum Direction {
		EXPORT, IMPORT
	}

	private final Database database;

	ExchangeBaseStore(Database database) {
		this.database = database;
	}

	/** Returns the base hash of an object, or empty when it was never exchanged. */
	Optional<String> base(String type, String id) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement(
						"SELECT CONTENT_HASH FROM EXCHANGE_BASE WHERE OBJECT_TYPE = ? AND OBJECT_ID = ?")) {
			query.setString(1, type);
			query.setString(2, id);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		} catch (SQLException e) {
			throw failure("cannot read the exchange base of " + type + ":" + id, e);
		}
	}

	/**
	 * Records the content hashes of objects (keyed by {@code type:id}) as exchanged now, in one
	 * transaction.
	 */
	void record(Map<String, String> hashes, Direction direction, String bundleSha256, Instant now)
			throws WorkspaceException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM EXCHANGE_BASE WHERE OBJECT_TYPE = ? AND OBJECT_ID = ?");
					PreparedStatement insert = connection.prepareStatement("INSERT INTO EXCHANGE_BASE (OBJECT_TYPE,"
							+ " OBJECT_ID, CONTENT_HASH, DIRECTION, BUNDLE_SHA256, EXCHANGED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
				for (Map.Entry<String, String> entry : hashes.entrySet()) {
					int colon = entry.getKey().indexOf(':');
					String type = entry.getKey().substring(0, colon);
					String id = entry.getKey().substring(colon + 1);
					delete.setString(1, type);
					delete.setString(2, id);
					delete.executeUpdate();
					insert.setString(1, type);
					insert.setString(2, id);
					insert.setString(3, entry.getValue());
					insert.setString(4, direction.name());
					insert.setString(5, bundleSha256);
					insert.setTimestamp(6, Timestamp.from(now), utc());
					insert.executeUpdate();
				}
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw failure("cannot record " + hashes.size() + " exchanged objects", e);
		}
	}

	private static Calendar utc() {
		return new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
	}

	private WorkspaceException failure(String what, SQLException e) {
		return new WorkspaceException("Exchange records in workspace database " + database.directory() + ": " + what
				+ ": " + e.getMessage(), e);
	}
}
