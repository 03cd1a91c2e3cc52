package io.vigil.rules;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.vigil.core.store.Database;
import io.vigil.core.workspace.WorkspaceException;

/**
 * The workspace's rules, in its Derby database ({@link RulesSchema}): each with its text, version
 * and whether it is enabled. Each call uses its own connection; thread-safe.
 */
public final class RuleLibrary {

	private static final String COLUMNS = "ID, TITLE, KIND, RULE_LEVEL, STATUS, ENABLED, VERSION, FILE_NAME, RULE_TEXT,"
			+ " PROBLEMS, UNMAPPED, UPDATED";
	private static final long MAX_FILE_BYTES = 4L << 20;

	private final Database database;
	private final RuleCompiler compiler;
	private final Clock clock;

	/** Makes a library over a database whose {@code rules} schema is up to date. */
	public RuleLibrary(Database database, RuleCompiler compiler, Clock clock) {
		this.database = database;
		this.compiler = compiler;
		this.clock = clock;
	}

	/** Returns the compiler the library compiles with. */
	public RuleCompiler compiler() {
		return compiler;
	}

	/** Returns every rule, by title. */
	public List<LibraryRule> list() throws WorkspaceException {
		return query("SELECT " + COLUMNS + " FROM RULE_DEFINITION ORDER BY TITLE, ID", null);
	}

	/** Returns a rule by id. */
	public Optional<LibraryRule> get(String id) throws WorkspaceException {
		return query("SELECT " + COLUMNS + " FROM RULE_DEFINITION WHERE ID = ?", id).stream().findFirst();
	}

	/**
	 * Saves the runnable rules of a text: new ones, or new versions of those with the same ids
	 * (an enabled rule stays enabled). Rules of the text that cannot run are not saved; their
	 * problems come back in the report.
	 */
	public ImportReport save(String text, String file) throws WorkspaceException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				ImportReport report = save(connection, text, file);
				connection.commit();
				return report;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new WorkspaceException("cannot save the rules of " + file + ": " + e.getMessage(), e);
		}
	}

	private ImportReport save(Connection connection, String text, String file) throws SQLException {
		CompileResult result = compiler.compile(text, file);
		int imported = 0;
		int unchanged = 0;
		for (Rule rule : result.rules()) {
			if (store(connection, rule)) {
				imported++;
			} else {
				unchanged++;
			}
		}
		return new ImportReport(1, imported, unchanged, result.problems());
	}

	/** Inserts a rule or a new version of it; returns false when the same text is stored already. */
	private boolean store(Connection connection, Rule rule) throws SQLException {
		RuleHeader header = rule.header();
		Optional<LibraryRule> existing = read(connection, header.id());
		if (existing.isPresent() && existing.get().text().equals(header.text())) {
			return false;
		}
		String sql = existing.isPresent()
				? "UPDATE RULE_DEFINITION SET TITLE = ?, KIND = ?, RULE_LEVEL = ?, STATUS = ?, ENABLED = ?, VERSION = ?,"
						+ " FILE_NAME = ?, RULE_TEXT = ?, PROBLEMS = ?, UNMAPPED = ?, UPDATED = ? WHERE ID = ?"
				: "INSERT INTO RULE_DEFINITION (TITLE, KIND, RULE_LEVEL, STATUS, ENABLED, VERSION, FILE_NAME, RULE_TEXT,"
						+ " PROBLEMS, UNMAPPED, UPDATED, ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, cut(header.title(), 1024));
			statement.setString(2, rule.kind().name());
			statement.setString(3, header.level().name());
			statement.setString(4, cut(header.status(), 32));
			statement.setBoolean(5, existing.map(LibraryRule::enabled).orElse(false));
			statement.setInt(6, existing.map(e -> e.version() + 1).orElse(1));
			statement.setString(7, cut(header.file(), 4096));
			statement.setString(8, header.text());
			statement.setString(9, "");
			statement.setString(10, cut(header.unmapped(), 1024));
			statement.setTimestamp(11, Timestamp.from(clock.instant()));
			statement.setString(12, header.id());
			statement.executeUpdate();
		}
		return true;
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "\u2026";
	}

	/** Enables or disables a rule. */
	public void setEnabled(String id, boolean enabled) throws WorkspaceException {
		update("UPDATE RULE_DEFINITION SET ENABLED = ? WHERE ID = ?", statement -> {
			statement.setBoolean(1, enabled);
			statement.setString(2, id);
		}, "cannot " + (enabled ? "enable" : "disable") + " rule " + id);
	}

	/** Deletes a rule. */
	public void delete(String id) throws WorkspaceException {
		update("DELETE FROM RULE_DEFINITION WHERE ID = ?", statement -> statement.setString(1, id), "cannot delete rule " + id);
	}

	/**
	 * Imports a rule file, or every {@code .yml}, {@code .yaml} and {@code .json} file under a
	 * folder. New rules start disabled; rules that cannot run are reported with their reasons,
	 * not imported.
	 */
	public ImportReport importPath(Path path, IProgressMonitor monitor) throws WorkspaceException, IOException {
		List<Path> files;
		if (Files.isDirectory(path)) {
			try (Stream<Path> walk = Files.walk(path)) {
				files = walk.filter(Files::isRegularFile)
						.filter(file -> file.getFileName().toString().matches("(?i).*\\.(ya?ml|json)")).sorted().toList();
			}
		} else if (Files.isRegularFile(path)) {
			files = List.of(path);
		} else {
			throw new IOException("no rule file or folder at " + path);
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Importing rules from " + path, files.size());
		int imported = 0;
		int unchanged = 0;
		List<RuleProblem> problems = new ArrayList<>();
		// One transaction for the whole import: a cancelled or failed import leaves the library as it was.
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				for (Path file : files) {
					if (progress.isCanceled()) {
						connection.rollback();
						return new ImportReport(files.size(), 0, 0,
								List.of(new RuleProblem(path.toString(), 0, "", "cancelled; nothing was imported")));
					}
					progress.subTask(file.getFileName().toString());
					String name = path.equals(file) ? file.toString() : path.relativize(file).toString();
					Optional<String> text = readText(file, name, problems);
					if (text.isPresent()) {
						ImportReport one = save(connection, text.get(), name);
						imported += one.imported();
						unchanged += one.unchanged();
						problems.addAll(one.unsupported());
					}
					progress.worked(1);
				}
				connection.commit();
			} catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw new WorkspaceException("cannot import the rules of " + path + ": " + e.getMessage(), e);
		}
		return new ImportReport(files.size(), imported, unchanged, problems);
	}

	private static Optional<String> readText(Path file, String name, List<RuleProblem> problems) throws IOException {
		if (Files.size(file) > MAX_FILE_BYTES) {
			problems.add(new RuleProblem(name, 0, "", "the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
			return Optional.empty();
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
					.toString());
		} catch (CharacterCodingException e) {
			problems.add(new RuleProblem(name, 0, "", "the file is not UTF-8 text"));
			return Optional.empty();
		}
	}

	/**
	 * Returns rules that are not in the library yet (a text being edited or tested) as they would
	 * run beside it: each correlation gets the library rules it names, by id or by name, that the
	 * rules given do not hold. As streaming does, a rule a correlation uses raises no alerts of its
	 * own unless the correlation says {@code generate: true}, and a library rule that came only as
	 * a reference never does.
	 *
	 * @param own the rules compiled from the text
	 * @return those rules and the ones they need, own rules first
	 */
	public List<Rule> withReferences(List<Rule> own) throws WorkspaceException {
		Map<String, Rule> chosen = new LinkedHashMap<>();
		Map<String, Rule> ownByName = new HashMap<>();
		for (Rule rule : own) {
			chosen.put(rule.id(), rule);
			if (!rule.header().name().isEmpty()) {
				ownByName.put(rule.header().name(), rule);
			}
		}
		Map<String, Rule> library = null;
		Set<String> silenced = new HashSet<>();
		for (Rule rule : own) {
			if (rule.kind() != RuleKind.CORRELATION) {
				continue;
			}
			for (String reference : rule.correlation().rules()) {
				Rule referenced = chosen.containsKey(reference) ? chosen.get(reference) : ownByName.get(reference);
				if (referenced == null) {
					library = library == null ? byIdAndName() : library;
					referenced = library.get(reference);
				}
				if (referenced == null) {
					continue;
				}
				chosen.putIfAbsent(referenced.id(), referenced.withGenerate(false));
				if (!rule.correlation().generate()) {
					silenced.add(referenced.id());
				}
			}
		}
		for (String id : silenced) {
			chosen.computeIfPresent(id, (key, rule) -> rule.withGenerate(false));
		}
		return List.copyOf(chosen.values());
	}

	/** Returns the library's rules compiled, under their ids and their names. */
	private Map<String, Rule> byIdAndName() throws WorkspaceException {
		Map<String, Rule> found = new HashMap<>();
		for (LibraryRule entry : list()) {
			for (Rule rule : compiler.compile(entry.text(), entry.file()).rules()) {
				Rule versioned = rule.withVersion(entry.version());
				found.put(rule.id(), versioned);
				if (!rule.header().name().isEmpty()) {
					found.putIfAbsent(rule.header().name(), versioned);
				}
			}
		}
		return found;
	}

	/**
	 * Returns the enabled rules compiled, with the rules their correlations refer to. A rule a
	 * correlation uses raises no alerts of its own unless the correlation says {@code generate:
	 * true} and the rule is enabled. Rules that no longer compile (after a mapping profile
	 * changed) are left out.
	 */
	public List<Rule> enabledRules() throws WorkspaceException {
		List<LibraryRule> all = list();
		Map<String, Rule> compiled = new LinkedHashMap<>();
		Map<String, Rule> byName = new HashMap<>();
		for (LibraryRule entry : all) {
			for (Rule rule : compiler.compile(entry.text(), entry.file()).rules()) {
				Rule versioned = rule.withVersion(entry.version());
				compiled.put(rule.id(), versioned);
				if (!rule.header().name().isEmpty()) {
					byName.put(rule.header().name(), versioned);
				}
			}
		}
		Set<String> enabled = new HashSet<>();
		all.stream().filter(LibraryRule::enabled).forEach(entry -> enabled.add(entry.id()));
		Map<String, Rule> running = new LinkedHashMap<>();
		Set<String> silenced = new HashSet<>();
		for (String id : enabled) {
			Rule rule = compiled.get(id);
			if (rule == null) {
				continue;
			}
			running.put(id, rule);
			if (rule.kind() == RuleKind.CORRELATION) {
				for (String reference : rule.correlation().rules()) {
					Rule referenced = compiled.containsKey(reference) ? compiled.get(reference) : byName.get(reference);
					if (referenced != null) {
						running.putIfAbsent(referenced.id(), referenced);
						if (!rule.correlation().generate()) {
							silenced.add(referenced.id());
						}
					}
				}
			}
		}
		// As Sigma says: a rule a correlation uses raises no alerts of its own unless it says generate.
		for (String id : silenced) {
			running.computeIfPresent(id, (key, rule) -> rule.withGenerate(false));
		}
		for (Map.Entry<String, Rule> entry : running.entrySet()) {
			if (!enabled.contains(entry.getKey())) {
				entry.setValue(entry.getValue().withGenerate(false));
			}
		}
		return List.copyOf(running.values());
	}

	private List<LibraryRule> query(String sql, String id) throws WorkspaceException {
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			if (id != null) {
				statement.setString(1, id);
			}
			return rows(statement);
		} catch (SQLException e) {
			throw new WorkspaceException("cannot read the rule library: " + e.getMessage(), e);
		}
	}

	private static Optional<LibraryRule> read(Connection connection, String id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM RULE_DEFINITION WHERE ID = ?")) {
			statement.setString(1, id);
			return rows(statement).stream().findFirst();
		}
	}

	private static List<LibraryRule> rows(PreparedStatement statement) throws SQLException {
		List<LibraryRule> rules = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				rules.add(new LibraryRule(rows.getString(1), rows.getString(2), RuleKind.valueOf(rows.getString(3)),
						RuleLevel.valueOf(rows.getString(4)), rows.getString(5), rows.getBoolean(6), rows.getInt(7),
						rows.getString(8), rows.getString(9), List.of(), rows.getString(11), rows.getTimestamp(12).toInstant()));
			}
		}
		return rules;
	}

	private interface Binder {
		void bind(PreparedStatement statement) throws SQLException;
	}

	private void update(String sql, Binder binder, String what) throws WorkspaceException {
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			if (statement.executeUpdate() == 0) {
				throw new WorkspaceException(what + ": no such rule");
			}
		} catch (SQLException e) {
			throw new WorkspaceException(what + ": " + e.getMessage(), e);
		}
	}
}
