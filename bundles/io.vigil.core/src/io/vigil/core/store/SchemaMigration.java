package io.vigil.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * One step of a component's database schema: from version {@code version - 1} to {@code version}.
 * Steps run in one transaction each and are recorded in the {@code VIGIL_SCHEMA} table, so a
 * workspace written by an older Vigil is brought up to date step by step when a newer one opens it.
 *
 * @param version the schema version this step produces, starting at 1
 * @param description what the step adds, in a few words
 * @param step the work, run on a connection whose transaction the migrator commits
 */
public record SchemaMigration(int version, String description, Step step) {

	/** The work of one migration step. */
	@FunctionalInterface
	public interface Step {
		/** Applies the step; the caller commits or rolls back. */
		void apply(Connection connection) throws SQLException;
	}

	/** Checks the arguments. */
	public SchemaMigration {
		if (version < 1) {
			throw new IllegalArgumentException("schema versions start at 1: " + version);
		}
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(step, "step");
	}

	/** Returns a step made of SQL statements run in order. */
	public static SchemaMigration sql(int version, String description, String... statements) {
		List<String> copy = List.of(statements);
		return new SchemaMigration(version, description, connection -> {
			try (Statement statement = connection.createStatement()) {
				for (String sql : copy) {
					statement.execute(sql);
				}
			}
		});
	}
}
