package io.vigil.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

	@TempDir
	Path temp;

	private Database database;
	private SchemaMigrator migrator;

	@BeforeEach
	void openDatabase() throws SQLException {
		database = Database.open(temp.resolve("db"));
		migrator = new SchemaMigrator(database, "test");
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		database.close();
	}

	@Test
	void appliesPendingStepsInOrderOnce() throws Exception {
		SchemaContribution rules = contribution("rules",
				SchemaMigration.sql(1, "rules", "CREATE TABLE RULE (ID INT PRIMARY KEY)"),
				SchemaMigration.sql(2, "rule names", "ALTER TABLE RULE ADD COLUMN NAME VARCHAR(64)"),
				SchemaMigration.sql(3, "a rule", "INSERT INTO RULE VALUES (1, 'brute force')"));

		List<SchemaMigration> first = migrator.migrate(rules);
		List<SchemaMigration> second = migrator.migrate(rules);

		assertEquals(List.of(1, 2, 3), first.stream().map(SchemaMigration::version).toList());
		assertTrue(second.isEmpty());
		assertEquals(Map.of("rules", 3), migrator.versions());
	}

	@Test
	void aFailedStepLeavesTheSchemaAtTheLastGoodVersion() throws Exception {
		SchemaContribution broken = contribution("events",
				SchemaMigration.sql(1, "sources", "CREATE TABLE SOURCE (ID INT PRIMARY KEY)"),
				SchemaMigration.sql(2, "half done", "CREATE TABLE HALF (ID INT)", "CREATE TABLE BROKEN (ID NOSUCHTYPE)"));

		assertThrows(SQLException.class, () -> migrator.migrate(broken));

		assertEquals(Map.of("events", 1), migrator.versions());
		assertTrue(tableExists("SOURCE"));
		assertFalse(tableExists("HALF"), "the failed step must be rolled back as a whole");
	}

	@Test
	void refusesAStoredVersionNewerThanItKnows() throws Exception {
		migrator.migrate(contribution("alerts", SchemaMigration.sql(1, "a", "CREATE TABLE A (ID INT)"),
				SchemaMigration.sql(2, "b", "CREATE TABLE B (ID INT)")));

		SchemaTooNewException error = assertThrows(SchemaTooNewException.class,
				() -> migrator.migrate(contribution("alerts", SchemaMigration.sql(1, "a", "CREATE TABLE A (ID INT)"))));

		assertEquals(2, error.found());
		assertEquals(1, error.supported());
	}

	@Test
	void rejectsGapsInTheVersions() {
		SchemaContribution gap = contribution("gap", SchemaMigration.sql(1, "a", "CREATE TABLE A (ID INT)"),
				SchemaMigration.sql(3, "c", "CREATE TABLE C (ID INT)"));

		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> migrator.migrate(gap));
		assertTrue(error.getMessage().contains("expects version 2"), error.getMessage());
	}

	@Test
	void keepsComponentsApart() throws Exception {
		migrator.migrate(contribution("one", SchemaMigration.sql(1, "x", "CREATE TABLE X1 (ID INT)")));
		migrator.migrate(contribution("two", SchemaMigration.sql(1, "x", "CREATE TABLE X2 (ID INT)"),
				SchemaMigration.sql(2, "y", "CREATE TABLE Y2 (ID INT)")));

		assertEquals(Map.of("one", 1, "two", 2), migrator.versions());
	}

	private boolean tableExists(String name) throws SQLException {
		try (Connection connection = database.connect();
				ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
			return tables.next();
		}
	}

	private static SchemaContribution contribution(String component, SchemaMigration... migrations) {
		return new SchemaContribution() {
			@Override
			public String component() {
				return component;
			}

			@Override
			public List<SchemaMigration> migrations() {
				return List.of(migrations);
			}
		};
	}
}
