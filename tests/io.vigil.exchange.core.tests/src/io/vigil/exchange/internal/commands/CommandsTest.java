package io.vigil.exchange.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.HandlerKeys;

/** The keys, export and import commands, run as the command line runs them. */
class CommandsTest {

	@TempDir
	Path folder;
	private Workspace alice;
	private Workspace bob;
	private final Map<String, String> variables = new HashMap<>();
	private final Deque<String> typed = new ArrayDeque<>();
	private boolean terminal = true;
	private final CommandEnvironment environment = new CommandEnvironment() {
		@Override
		public Optional<String> variable(String name) {
			return Optional.ofNullable(variables.get(name));
		}

		@Override
		public char[] readPassword(String prompt) {
			return terminal && !typed.isEmpty() ? typed.pop().toCharArray() : null;
		}

		@Override
		public HandlerKeys keys(Workspace workspace) {
			return new HandlerKeys(workspace.settingsDirectory().resolve("keys"), Clock.systemUTC(), 1_000);
		}
	};
	private final NoteParticipant notes = new NoteParticipant("note");

	@BeforeEach
	void setUp() throws Exception {
		alice = Workspace.open(folder.resolve("alice"), "test");
		bob = Workspace.open(folder.resolve("bob"), "test");
		variables.put("VIGIL_PASSPHRASE", "s3cret passphrase");
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
	}

	@Test
	void keysNewListAndExchangeOfPublicKeys() throws Exception {
		Result made = run(new KeysCommand(environment), alice, "new", "alice");
		Result list = run(new KeysCommand(environment), alice, "list");
		Path pub = folder.resolve("alice.pub");
		run(new KeysCommand(environment), alice, "export-public", "alice", "--out", pub.toString());
		Result imported = run(new KeysCommand(environment), bob, "import", pub.toString());
		Result bobs = run(new KeysCommand(environment), bob, "list", "--format", "json");

		String fingerprint = made.out.replaceFirst("new key alice  ", "").strip();
		assertTrue(fingerprint.matches("([0-9A-F]{4} ){15}[0-9A-F]{4}"), fingerprint);
		assertTrue(list.out.startsWith("alice "), list.out);
		assertTrue(list.out.contains("private") && list.out.contains(fingerprint), list.out);
		assertEquals("known key alice  " + fingerprint, imported.out.strip());
		assertTrue(bobs.out.contains("\"kind\" : \"public\"") && bobs.out.contains(fingerprint), bobs.out);
	}

	@Test
	void keysNewAsksTwiceOnTheTerminalWithoutTheVariable() throws Exception {
		variables.clear();
		typed.add("typed passphrase");
		typed.add("typed passphrase");
		run(new KeysCommand(environment), alice, "new", "alice");
		typed.add("one");
		typed.add("other");
		CommandException differ = assertThrows(CommandException.class,
				() -> run(new KeysCommand(environment), alice, "new", "second"));
		terminal = false;
		CommandException none = assertThrows(CommandException.class,
				() -> run(new KeysCommand(environment), alice, "new", "third"));

		assertEquals("the two passphrases differ; key second was not made", differ.getMessage());
		assertEquals("no terminal to ask for the passphrase: set VIGIL_PASSPHRASE", none.getMessage());
		assertTrue(environment.keys(alice).find("alice").isPresent());
		assertFalse(environment.keys(alice).find("second").isPresent());
	}

	@Test
	void exportAndImportThroughTheCommands() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		notes.put(alice, "n1", "{\"text\":\"seen 10.1.2.3\"}");
		notes.put(alice, "n2", "{\"text\":\"second\"}");
		Path file = folder.resolve("notes.vigil");

		Result exported = run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1,note:n2",
				"--out", file.toString());
		Result opened = run(new ImportCommand(environment, List.of(notes)), bob, file.toString());
		boolean storedOnOpen = !notes.all(bob).isEmpty();
		Result merged = run(new ImportCommand(environment, List.of(notes)), bob, file.toString(), "--merge");

		assertTrue(exported.out.startsWith("wrote " + file + ": 2 objects, signed by alice"), exported.out);
		assertTrue(opened.out.contains("(UNKNOWN)") && opened.out.contains("  note:n1  "), opened.out);
		assertTrue(opened.err.startsWith("warning: signed by alice, key fingerprint "), opened.err);
		assertFalse(storedOnOpen);
		assertTrue(merged.out.contains("add         note:n1\nadd         note:n2\n"), merged.out);
		assertTrue(merged.out.contains("merged: 2 stored, 0 conflicts kept ours, 0 skipped"), merged.out);
		assertEquals(2, notes.all(bob).size());
	}

	@Test
	void theSignerIsRememberedOnlyWhenAskedAndKnownOnlyRefusesStrangers() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		notes.put(alice, "n1", "{\"text\":\"hello\"}");
		Path file = folder.resolve("notes.vigil");
		run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1", "--out", file.toString());
		Result policy = run(new KeysCommand(environment), bob, "signers", "known-only");

		CommandException refused = assertThrows(CommandException.class,
				() -> run(new ImportCommand(environment, List.of(notes)), bob, file.toString()));
		run(new KeysCommand(environment), bob, "signers", "any");
		run(new ImportCommand(environment, List.of(notes)), bob, file.toString());
		boolean knownAfterPlainOpen = environment.keys(bob).find("alice").isPresent();
		Result remembered = run(new ImportCommand(environment, List.of(notes)), bob, file.toString(),
				"--remember-signer");
		run(new KeysCommand(environment), bob, "signers", "known-only");
		Result known = run(new ImportCommand(environment, List.of(notes)), bob, file.toString());

		assertEquals("known-only: bundles from unknown signers are refused", policy.out.strip());
		assertTrue(refused.getMessage().contains("unknown signer alice (fingerprint "), refused.getMessage());
		assertFalse(knownAfterPlainOpen);
		assertTrue(remembered.out.contains("remembered signer alice ("), remembered.out);
		assertTrue(known.out.contains("(known)"), known.out);
		assertEquals("", known.err);
	}

	@Test
	void conflictsAreListedAndKeptAsOursUnlessAcceptTheirs() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		notes.put(alice, "n1", "{\"text\":\"alice's\"}");
		notes.put(bob, "n1", "{\"text\":\"bob's\"}");
		Path file = folder.resolve("notes.vigil");
		run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1", "--out", file.toString());

		Result ours = run(new ImportCommand(environment, List.of(notes)), bob, file.toString(), "--merge");
		String kept = notes.all(bob).get(0).content().path("text").asText();
		Result theirs = run(new ImportCommand(environment, List.of(notes)), bob, file.toString(), "--merge", "--accept",
				"theirs");

		assertTrue(ours.out.contains("conflict    note:n1  (keeping ours)"), ours.out);
		assertEquals("bob's", kept);
		assertTrue(theirs.out.contains("keep        note:n1"), "after the first merge the bundle's copy is the base: "
				+ theirs.out);
	}

	@Test
	void previewPrintsWhatWouldLeaveAndWritesNothing() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		notes.put(alice, "n1", "{\"username\":\"jdoe\",\"text\":\"jdoe logged in from 10.1.2.3\"}");
		Path file = folder.resolve("preview.vigil");

		Result preview = run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1", "--out",
				file.toString(), "--redact", "pseudonymize", "--preview");

		assertTrue(preview.out.startsWith("redaction profile pseudonymize; 1 objects would leave:\n  note:n1\n"),
				preview.out);
		assertTrue(preview.out.contains("replaced note:n1 username: jdoe -> user-"), preview.out);
		assertTrue(preview.out.contains("replaced note:n1 text: 10.1.2.3 -> ip-"), preview.out);
		assertFalse(Files.exists(file));
	}

	@Test
	void anIncidentExportTakesWhatTheIncidentParticipantCollects() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		NoteParticipant incidents = new NoteParticipant("incident");
		incidents.put(alice, "INC-1", "{\"title\":\"Beacon\",\"tlp\":\"RED\",\"summary\":\"from 10.9.8.7\"}");
		Path file = folder.resolve("inc.vigil");

		Result exported = run(new ExportCommand(environment, List.of(notes, incidents)), alice, "--incident", "INC-1",
				"--out", file.toString());

		assertTrue(exported.out.contains(": 1 objects, signed by alice"), exported.out);
		assertTrue(exported.out.contains("redaction pseudonymize"), "the incident's TLP RED chose it: " + exported.out);
		assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
				.contains("10.9.8.7"));
	}

	@Test
	void anIncidentExportWithoutAnIncidentParticipantSaysSo() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");

		CommandException e = assertThrows(CommandException.class, () -> run(new ExportCommand(environment,
				List.of(notes)), alice, "--incident", "INC-1", "--out", folder.resolve("x.vigil").toString()));

		assertEquals("no installed capability exports objects of type 'incident' (installed: note)", e.getMessage());
	}

	@Test
	void aTamperedBundleIsRefusedByTheCommandAndNothingIsStored() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		notes.put(alice, "n1", "{\"text\":\"original\"}");
		Path file = folder.resolve("notes.vigil");
		run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1", "--out", file.toString());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x20;
		Files.write(file, bytes);

		CommandException e = assertThrows(CommandException.class,
				() -> run(new ImportCommand(environment, List.of(notes)), bob, file.toString(), "--merge"));

		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertTrue(notes.all(bob).isEmpty());
	}

	@Test
	void anEncryptedExportAsksTheRecipientsPassphrase() throws Exception {
		run(new KeysCommand(environment), alice, "new", "alice");
		run(new KeysCommand(environment), bob, "new", "bob");
		Path pub = folder.resolve("bob.pub");
		run(new KeysCommand(environment), bob, "export-public", "bob", "--out", pub.toString());
		run(new KeysCommand(environment), alice, "import", pub.toString());
		notes.put(alice, "n1", "{\"text\":\"for bob only\"}");
		Path file = folder.resolve("bob.vigil");
		run(new ExportCommand(environment, List.of(notes)), alice, "--objects", "note:n1", "--out", file.toString(),
				"--recipient", "bob");
		variables.clear();
		typed.add("s3cret passphrase");

		Result opened = run(new ImportCommand(environment, List.of(notes)), bob, file.toString());

		assertTrue(opened.out.contains(", encrypted"), opened.out);
		assertTrue(opened.out.contains("note:n1"), opened.out);
		assertTrue(typed.isEmpty(), "the passphrase was asked");
	}

	private static Result run(VigilCommand command, Workspace workspace, String... arguments) throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
			CommandContext context = new CommandContext() {
				@Override
				public List<String> arguments() {
					return List.of(arguments);
				}

				@Override
				public PrintWriter out() {
					return outWriter;
				}

				@Override
				public PrintWriter err() {
					return errWriter;
				}

				@Override
				public InputStream in() {
					return new ByteArrayInputStream(new byte[0]);
				}

				@Override
				public Path workspaceDirectory() {
					return workspace.root();
				}

				@Override
				public Workspace workspace() {
					return workspace;
				}
			};
			assertEquals(0, command.run(context));
		}
		return new Result(out.toString(), err.toString());
	}

	private record Result(String out, String err) {
	}

	/** Notes in a small table, the one type of object these tests exchange. */
	private static final class NoteParticipant implements ExchangeParticipant {

		private static final ObjectMapper JSON = new ObjectMapper();

		private final String type;

		NoteParticipant(String type) {
			this.type = type;
		}

		@Override
		public Set<String> types() {
			return Set.of(type);
		}

		void put(Workspace workspace, String id, String json) throws Exception {
			store(List.of(new ExchangeObject(type, id, Instant.parse("2026-12-04T09:00:00Z"),
					(ObjectNode) JSON.readTree(json), List.of())), workspace);
		}

		List<ExchangeObject> all(Workspace workspace) throws Exception {
			workspace.ensureSchema(SCHEMA);
			List<ExchangeObject> all = new java.util.ArrayList<>();
			try (var connection = workspace.database().connect();
					var query = connection.prepareStatement("SELECT ID, BODY FROM NOTE WHERE KIND = ? ORDER BY ID")) {
				query.setString(1, type);
				try (var rows = query.executeQuery()) {
					while (rows.next()) {
						all.add(new ExchangeObject(type, rows.getString(1), Instant.parse("2026-12-04T09:00:00Z"),
								(ObjectNode) JSON.readTree(rows.getString(2)), List.of()));
					}
				}
			}
			return all;
		}

		@Override
		public List<ExchangeObject> collect(ExchangeSelection selection, Workspace workspace) throws ExchangeException,
				WorkspaceException {
			List<ExchangeObject> found = new java.util.ArrayList<>();
			List<String> ids = selection.kind().equals(ExchangeSelection.INCIDENT) ? selection.ids()
					: selection.idsOfType(type);
			for (String id : ids) {
				found.add(current(type, id, workspace).orElseThrow(() -> new ExchangeException("no " + type + " " + id)));
			}
			return found;
		}

		@Override
		public Optional<ExchangeObject> current(String type, String id, Workspace workspace) throws WorkspaceException {
			try {
				return all(workspace).stream().filter(note -> note.id().equals(id)).findFirst();
			} catch (Exception e) {
				throw new WorkspaceException(e.getMessage(), e);
			}
		}

		@Override
		public void store(List<ExchangeObject> objects, Workspace workspace) throws WorkspaceException {
			workspace.ensureSchema(SCHEMA);
			try (var connection = workspace.database().connect()) {
				connection.setAutoCommit(false);
				for (ExchangeObject object : objects) {
					try (var delete = connection.prepareStatement("DELETE FROM NOTE WHERE KIND = ? AND ID = ?");
							var insert = connection.prepareStatement("INSERT INTO NOTE (KIND, ID, BODY) VALUES (?, ?, ?)")) {
						delete.setString(1, type);
						delete.setString(2, object.id());
						delete.executeUpdate();
						insert.setString(1, type);
						insert.setString(2, object.id());
						insert.setString(3, object.content().toString());
						insert.executeUpdate();
					}
				}
				connection.commit();
			} catch (java.sql.SQLException e) {
				throw new WorkspaceException(e.getMessage(), e);
			}
		}

		private static final SchemaContribution SCHEMA = new SchemaContribution() {
			@Override
			public String component() {
				return "exchange-test-notes";
			}

			@Override
			public List<SchemaMigration> migrations() {
				return List.of(SchemaMigration.sql(1, "notes",
						"CREATE TABLE NOTE (KIND VARCHAR(16) NOT NULL, ID VARCHAR(64) NOT NULL, BODY VARCHAR(4000) NOT NULL,"
								+ " PRIMARY KEY (KIND, ID))"));
			}
		};
	}
}
