package io.vigil.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.store.Database;
import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;
import io.vigil.core.store.SchemaMigrator;

class WorkspaceTest {

	@TempDir
	Path temp;

	@Test
	void createsTheLayoutInANewDirectory() throws Exception {
		Path root = temp.resolve("new");

		try (Workspace workspace = Workspace.open(root, "test")) {
			assertEquals(root, workspace.root());
			assertEquals(Map.of("core", 2), workspace.schemaVersions());
		}

		for (String child : List.of("workspace.properties", "db", "index", "settings", "logs")) {
			assertTrue(Files.exists(root.resolve(child)), child + " is missing");
		}
	}

	@Test
	void keepsRecordsAcrossReopens() throws Exception {
		Path root = temp.resolve("ws");
		try (Workspace workspace = Workspace.open(root, "first")) {
			execute(workspace.database(), "INSERT INTO WORKSPACE_PROPERTY VALUES ('owner', 'alice')");
		}

		try (Workspace workspace = Workspace.open(root, "second")) {
			assertEquals("alice", queryString(workspace.database(),
					"SELECT PROPERTY_VALUE FROM WORKSPACE_PROPERTY WHERE NAME = 'owner'"));
			assertEquals("2", queryString(workspace.database(), "SELECT CAST(COUNT(*) AS CHAR(8)) FROM WORKSPACE_OPEN").strip());
		}
	}

	@Test
	void refusesASecondOpenUntilTheFirstIsClosed() throws Exception {
		Path root = temp.resolve("busy");
		Workspace first = Workspace.open(root, "workbench");

		WorkspaceInUseException busy = assertThrows(WorkspaceInUseException.class,
				() -> Workspace.open(root, "command search"));
		assertTrue(busy.getMessage().contains(root.toString()), busy.getMessage());
		assertTrue(busy.getMessage().contains("--workspace"), busy.getMessage());

		first.close();
		try (Workspace again = Workspace.open(root, "command search")) {
			assertEquals(root, again.root());
		}
	}

	@Test
	void namesTheHolderOfTheLock() throws Exception {
		Path root = temp.resolve("held");
		try (Workspace workspace = Workspace.open(root, "workbench")) {
			String owner = Files.readString(root.resolve(".lock"), StandardCharsets.UTF_8);
			assertTrue(owner.contains("process " + ProcessHandle.current().pid()), owner);
			assertTrue(owner.contains("workbench"), owner);
		}
	}

	@Test
	void refusesALayoutFromANewerVigilWithoutTouchingIt() throws Exception {
		Path root = Files.createDirectories(temp.resolve("future"));
		Files.writeString(root.resolve("workspace.properties"), "format=99\n");

		WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(root, "test"));

		assertTrue(error.getMessage().contains("newer"), error.getMessage());
		assertFalse(Files.exists(root.resolve("db")), "the database must not be created");
		assertEquals("format=99\n", Files.readString(root.resolve("workspace.properties")));
	}

	@Test
	void refusesADamagedLayoutFile() throws Exception {
		Path root = Files.createDirectories(temp.resolve("damaged"));
		Files.writeString(root.resolve("workspace.properties"), "format=one\n");

		WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(root, "test"));

		assertTrue(error.getMessage().contains("workspace.properties"), error.getMessage());
		assertTrue(error.getMessage().contains("'one'"), error.getMessage());
	}

	@Test
	void refusesADirectoryThatIsNotAWorkspace() throws Exception {
		Path root = Files.createDirectories(temp.resolve("documents"));
		Files.writeString(root.resolve("notes.txt"), "mine");

		WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(root, "test"));

		assertTrue(error.getMessage().contains("not a Vigil workspace"), error.getMessage());
		assertEquals("mine", Files.readString(root.resolve("notes.txt")));
		assertFalse(Files.exists(root.resolve("workspace.properties")));
	}

	@Test
	void upgradesAWorkspaceWrittenByAnOlderVigil() throws Exception {
		Path root = olderWorkspace(temp.resolve("old"));

		try (Workspace workspace = Workspace.open(root, "upgrade")) {
			assertEquals(Map.of("core", 2), workspace.schemaVersions());
			assertEquals("kept", queryString(workspace.database(),
					"SELECT PROPERTY_VALUE FROM WORKSPACE_PROPERTY WHERE NAME = 'from-v1'"));
			assertEquals("1", queryString(workspace.database(),
					"SELECT CAST(COUNT(*) AS CHAR(8)) FROM WORKSPACE_OPEN").strip());
		}
	}

	@Test
	void refusesASchemaFromANewerVigilAndLeavesItIntact() throws Exception {
		Path root = temp.resolve("newer-schema");
		try (Workspace workspace = Workspace.open(root, "test")) {
			execute(workspace.database(), "INSERT INTO VIGIL_SCHEMA VALUES ('core', 3, 'from the future',"
					+ " CURRENT_TIMESTAMP, '9.0.0')");
		}

		WorkspaceException error = assertThrows(WorkspaceException.class, () -> Workspace.open(root, "test"));

		assertTrue(error.getMessage().contains("schema version 3"), error.getMessage());
		try (Database database = Database.open(root.resolve("db"))) {
			assertEquals(Map.of("core", 3), new SchemaMigrator(database, "test").versions());
		}
		try (Workspace unlocked = openAfterRepair(root)) {
			assertEquals(Map.of("core", 2), unlocked.schemaVersions());
		}
	}

	/** A workspace as a Vigil that only knew the first core migration left it. */
	private static Path olderWorkspace(Path root) throws Exception {
		Files.createDirectories(root);
		Files.writeString(root.resolve("workspace.properties"), "format=1\ncreated.by=Vigil 0.0.1\n");
		try (Database database = Database.open(root.resolve("db"))) {
			SchemaContribution firstRelease = new SchemaContribution() {
				@Override
				public String component() {
					return "core";
				}

				@Override
				public List<SchemaMigration> migrations() {
					return new CoreSchema().migrations().subList(0, 1);
				}
			};
			new SchemaMigrator(database, "0.0.1").migrate(firstRelease);
			execute(database, "INSERT INTO WORKSPACE_PROPERTY VALUES ('from-v1', 'kept')");
		}
		return root;
	}

	/** Removes the future schema row again, proving the refused workspace was not damaged. */
	private static Workspace openAfterRepair(Path root) throws Exception {
		try (Database database = Database.open(root.resolve("db"))) {
			execute(database, "DELETE FROM VIGIL_SCHEMA WHERE VERSION = 3");
		}
		return Workspace.open(root, "test");
	}

	private static void execute(Database database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String queryString(Database database, String sql) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement(sql);
				ResultSet rows = query.executeQuery()) {
			assertTrue(rows.next(), "no row for " + sql);
			return rows.getString(1);
		}
	}
}
