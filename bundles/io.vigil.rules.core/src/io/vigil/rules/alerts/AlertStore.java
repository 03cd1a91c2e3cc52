package io.vigil.rules.alerts;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;

import io.vigil.core.store.Database;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.response.ActionRun;

/**
 * The alerts of a workspace, in its Derby database: raising, the triage queue, suppressions and
 * per-rule metrics. Thread-safe: each call takes its own connection, and each change is one
 * transaction.
 *
 * <p>
 * Text a rule made (title, summary, category, grouped value, tags) is cut to fit its column, ending
 * in an ellipsis; rule ids, event ids and what a person typed (comments, reasons, names) are refused
 * with an {@link IllegalArgumentException} that says what was too long, so a stored row never holds
 * something other than what was meant.
 */
public final class AlertStore {

	private static final String DUPLICATE_KEY = "23505";
	private static final String MISSING_PARENT = "23503";
	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
	private static final String COLUMNS = "ID, ALERT_KEY, RULE_ID, RULE_VERSION, RULE_TITLE, SUMMARY, SEVERITY,"
			+ " CATEGORY, TAGS, ATTACK_IDS, GROUP_FIELD, GROUP_VALUE, FIRED_AT, WINDOW_START, WINDOW_END, EVENT_COUNT,"
			+ " SAMPLES, MATCHED_FIELDS, RAISED, STATUS, DISPOSITION, ASSIGNEE";
	private static final String SUPPRESSION_COLUMNS = "ID, RULE_ID, SUPPRESSED_VALUE, OWNER, REASON, CREATED, EXPIRES";

	private final Database database;
	private final Clock clock;
	/**
	 * Held around every insert into a table with an identity column: Derby refuses (40XL1) rather
	 * than waits when several transactions need the next block of identity values at once.
	 */
	private final Object inserts = new Object();

	/** Makes a store on a database whose schema {@link AlertsSchema} brought up to date. */
	public AlertStore(Database database, Clock clock) {
		this.database = Objects.requireNonNull(database, "database");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Returns the clock the store takes "now" from (for raising, suppressions and history). */
	public Clock clock() {
		return clock;
	}

	/**
	 * Stores a raised alert, unless an active suppression covers it or an alert with the same rule
	 * and key is stored already. Its event ids and samples beyond {@link AlertDraft#MAX_EVENT_IDS}
	 * and {@link AlertDraft#MAX_SAMPLES} are not kept. The alert and its events are stored in one
	 * transaction.
	 *
	 * @return the stored alert, or empty when suppressed or a duplicate
	 * @throws IllegalArgumentException if the draft has no rule id or time, or an id too long to keep
	 */
	public Optional<Alert> raise(AlertDraft draft) throws WorkspaceException {
		AlertDraft fitted = AlertColumns.fit(draft);
		String hash = AlertColumns.keyHash(fitted.ruleId(), fitted.key());
		synchronized (inserts) {
			return raise(fitted, hash);
		}
	}

	/**
	 * Stores raised alerts in one transaction, leaving out the suppressed ones and those stored
	 * already; when that fails (one alert cannot be stored), stores them one at a time, so that
	 * one bad alert keeps none of the others out.
	 *
	 * @return the alerts stored, in the order given
	 */
	public List<Alert> raiseAll(List<AlertDraft> drafts) throws WorkspaceException {
		synchronized (inserts) {
			try {
				return raiseTogether(drafts);
			} catch (WorkspaceException | RuntimeException e) {
				List<Alert> stored = new ArrayList<>();
				for (AlertDraft draft : drafts) {
					AlertDraft fitted = AlertColumns.fit(draft);
					raise(fitted, AlertColumns.keyHash(fitted.ruleId(), fitted.key())).ifPresent(stored::add);
				}
				return stored;
			}
		}
	}

	private List<Alert> raiseTogether(List<AlertDraft> drafts) throws WorkspaceException {
		Instant now = clock.instant();
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				List<Alert> stored = new ArrayList<>();
				java.util.Set<String> seen = new java.util.HashSet<>();
				for (AlertDraft draft : drafts) {
					AlertDraft fitted = AlertColumns.fit(draft);
					String hash = AlertColumns.keyHash(fitted.ruleId(), fitted.key());
					if (!seen.add(hash) || stored(connection, hash) || suppressed(connection, fitted, now)) {
						continue;
					}
					long id = insertAlert(connection, fitted, hash, now);
					insertEvents(connection, id, fitted.eventIds());
					stored.add(new Alert(id, fitted, now, AlertStatus.NEW, Disposition.UNDECIDED, "", List.of()));
				}
				connection.commit();
				return stored;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw failure("cannot store " + drafts.size() + " alerts", e);
		}
	}

	private Optional<Alert> raise(AlertDraft fitted, String hash) throws WorkspaceException {
		Instant now = clock.instant();
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				if (stored(connection, hash) || suppressed(connection, fitted, now)) {
					connection.rollback();
					return Optional.empty();
				}
				long id = insertAlert(connection, fitted, hash, now);
				insertEvents(connection, id, fitted.eventIds());
				connection.commit();
				return Optional.of(new Alert(id, fitted, now, AlertStatus.NEW, Disposition.UNDECIDED, "", List.of()));
			} catch (SQLException e) {
				connection.rollback();
				if (DUPLICATE_KEY.equals(e.getSQLState())) {
					return Optional.empty();
				}
				throw e;
			} catch (RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw failure("cannot store an alert of rule " + fitted.ruleId(), e);
		}
	}

	private static boolean stored(Connection connection, String hash) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM ALERT WHERE KEY_HASH = ?")) {
			query.setString(1, hash);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static boolean suppressed(Connection connection, AlertDraft draft, Instant now) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM ALERT_SUPPRESSION WHERE RULE_ID = ?"
				+ " AND EXPIRES > ? AND (SUPPRESSED_VALUE = '' OR SUPPRESSED_VALUE = ?)")) {
			query.setString(1, draft.ruleId());
			setTime(query, 2, now);
			query.setString(3, draft.groupValue());
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static long insertAlert(Connection connection, AlertDraft draft, String hash, Instant now)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ALERT (KEY_HASH, ALERT_KEY, RULE_ID,"
				+ " RULE_VERSION, RULE_TITLE, SUMMARY, SEVERITY, CATEGORY, TAGS, ATTACK_IDS, GROUP_FIELD, GROUP_VALUE,"
				+ " FIRED_AT, WINDOW_START, WINDOW_END, EVENT_COUNT, SAMPLES, MATCHED_FIELDS, RAISED, STATUS,"
				+ " DISPOSITION, ASSIGNEE, UPDATED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, hash);
			insert.setString(2, AlertColumns.cut(draft.key(), AlertColumns.KEY));
			insert.setString(3, draft.ruleId());
			insert.setInt(4, draft.ruleVersion());
			insert.setString(5, draft.ruleTitle());
			insert.setString(6, draft.summary());
			insert.setString(7, draft.severity().name());
			insert.setString(8, draft.category());
			insert.setString(9, AlertColumns.jsonList(draft.tags()));
			insert.setString(10, AlertColumns.jsonList(draft.attackIds()));
			insert.setString(11, draft.groupField());
			insert.setString(12, draft.groupValue());
			setTime(insert, 13, draft.time());
			setTime(insert, 14, draft.windowStart());
			setTime(insert, 15, draft.windowEnd());
			insert.setLong(16, draft.eventCount());
			insert.setString(17, AlertColumns.jsonSamples(draft.samples()));
			insert.setString(18, AlertColumns.jsonMatched(draft.matchedFields()));
			setTime(insert, 19, now);
			insert.setString(20, AlertStatus.NEW.name());
			insert.setString(21, Disposition.UNDECIDED.name());
			insert.setString(22, "");
			setTime(insert, 23, now);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void insertEvents(Connection connection, long id, List<String> eventIds) throws SQLException {
		if (eventIds.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO ALERT_EVENT (ALERT_ID, POSITION, EVENT_ID) VALUES (?, ?, ?)")) {
			for (int position = 0; position < eventIds.size(); position++) {
				insert.setLong(1, id);
				insert.setInt(2, position);
				insert.setString(3, eventIds.get(position));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * Returns the alerts a filter selects, newest first; a limit of 0 or less selects them all.
	 */
	public List<Alert> list(AlertFilter filter) throws WorkspaceException {
		String sql = "SELECT " + COLUMNS + " FROM ALERT" + where(filter) + " ORDER BY ID DESC"
				+ (filter.limit() > 0 ? " FETCH FIRST " + filter.limit() + " ROWS ONLY" : "");
		try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
			bind(query, filter);
			return read(connection, query);
		} catch (SQLException e) {
			throw failure("cannot list the alerts", e);
		}
	}

	/** Returns how many alerts a filter selects, whatever its limit (for "12 open of 340"). */
	public long count(AlertFilter filter) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM ALERT" + where(filter))) {
			bind(query, filter);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		} catch (SQLException e) {
			throw failure("cannot count the alerts", e);
		}
	}

	private static String where(AlertFilter filter) {
		List<String> conditions = new ArrayList<>();
		if (!filter.statuses().isEmpty()) {
			conditions.add("STATUS IN (" + String.join(", ", filter.statuses().stream().map(s -> "?").toList()) + ")");
		}
		if (filter.ruleId() != null && !filter.ruleId().isEmpty()) {
			conditions.add("RULE_ID = ?");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static void bind(PreparedStatement query, AlertFilter filter) throws SQLException {
		int index = 1;
		for (AlertStatus status : filter.statuses()) {
			query.setString(index++, status.name());
		}
		if (filter.ruleId() != null && !filter.ruleId().isEmpty()) {
			query.setString(index, filter.ruleId());
		}
	}

	/** Returns an alert by id. */
	public Optional<Alert> get(long id) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM ALERT WHERE ID = ?")) {
			query.setLong(1, id);
			return read(connection, query).stream().findFirst();
		} catch (SQLException e) {
			throw failure("cannot read alert " + id, e);
		}
	}

	private static List<Alert> read(Connection connection, PreparedStatement query) throws SQLException {
		List<Alert> alerts = new ArrayList<>();
		try (PreparedStatement events = connection
				.prepareStatement("SELECT EVENT_ID FROM ALERT_EVENT WHERE ALERT_ID = ? ORDER BY POSITION");
				PreparedStatement actions = connection.prepareStatement("SELECT KIND, TARGET, STARTED, SUCCEEDED,"
						+ " OUTCOME FROM ALERT_ACTION WHERE ALERT_ID = ? ORDER BY ID");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				long id = rows.getLong(1);
				alerts.add(alert(rows, eventIds(events, id), actions(actions, id)));
			}
		}
		return alerts;
	}

	private static Alert alert(ResultSet rows, List<String> eventIds, List<ActionRun> actions) throws SQLException {
		try {
			AlertDraft draft = new AlertDraft(rows.getString(2), rows.getString(3), rows.getInt(4), rows.getString(5),
					rows.getString(6), RuleLevel.valueOf(rows.getString(7)), rows.getString(8),
					AlertColumns.list(rows.getString(9)), AlertColumns.list(rows.getString(10)), rows.getString(11),
					rows.getString(12), time(rows, 13), time(rows, 14), time(rows, 15), rows.getLong(16), eventIds,
					AlertColumns.samples(rows.getString(17)), AlertColumns.matched(rows.getString(18)));
			return new Alert(rows.getLong(1), draft, time(rows, 19), AlertStatus.valueOf(rows.getString(20)),
					Disposition.valueOf(rows.getString(21)), rows.getString(22), actions);
		} catch (IOException | IllegalArgumentException e) {
			throw new SQLException("alert " + rows.getLong(1) + " cannot be read: " + e.getMessage(), e);
		}
	}

	private static List<String> eventIds(PreparedStatement query, long id) throws SQLException {
		query.setLong(1, id);
		List<String> ids = new ArrayList<>();
		try (ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	private static List<ActionRun> actions(PreparedStatement query, long id) throws SQLException {
		query.setLong(1, id);
		List<ActionRun> runs = new ArrayList<>();
		try (ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				runs.add(new ActionRun(rows.getString(1), rows.getString(2), time(rows, 3), rows.getBoolean(4),
						rows.getString(5)));
			}
		}
		return runs;
	}

	/**
	 * Changes an alert's status, recording who did it with a comment in its history. Setting the
	 * status it has records only the comment, if any.
	 */
	public void setStatus(long id, AlertStatus status, String who, String comment) throws WorkspaceException {
		change(id, "STATUS", "status", Objects.requireNonNull(status, "status").name(), who, comment);
	}

	/**
	 * Sets an alert's disposition, recording who did it with a comment in its history. Setting the
	 * disposition it has records only the comment, if any.
	 */
	public void setDisposition(long id, Disposition disposition, String who, String comment)
			throws WorkspaceException {
		change(id, "DISPOSITION", "disposition", Objects.requireNonNull(disposition, "disposition").name(), who,
				comment);
	}

	/**
	 * Gives an alert to someone (empty for nobody), recording who did it with a comment in its
	 * history.
	 *
	 * @throws IllegalArgumentException if the assignee's name is longer than 256 characters
	 */
	public void assign(long id, String assignee, String who, String comment) throws WorkspaceException {
		change(id, "ASSIGNEE", "assignee", AlertColumns.require(assignee, "the assignee's name", AlertColumns.PERSON),
				who, comment);
	}

	/** Adds a comment to an alert's history without changing it. */
	public void comment(long id, String who, String comment) throws WorkspaceException {
		String text = AlertColumns.require(comment, "the comment", AlertColumns.COMMENT);
		String person = AlertColumns.require(who, "the name of who comments", AlertColumns.PERSON);
		if (text.isBlank()) {
			return;
		}
		synchronized (inserts) {
			insertComment(id, person, text);
		}
	}

	private void insertComment(long id, String person, String text) throws WorkspaceException {
		try (Connection connection = database.connect()) {
			if (!exists(connection, id)) {
				throw new WorkspaceException("Alert " + id + " does not exist in workspace database "
						+ database.directory());
			}
			note(connection, id, clock.instant(), person, "comment", text);
		} catch (SQLException e) {
			throw failure("cannot comment on alert " + id, e);
		}
	}

	private void change(long id, String column, String label, String value, String who, String comment)
			throws WorkspaceException {
		String person = AlertColumns.require(who, "the name of who changes the alert", AlertColumns.PERSON);
		String text = AlertColumns.require(comment, "the comment", AlertColumns.COMMENT);
		synchronized (inserts) {
			changeLocked(id, column, label, value, person, text);
		}
	}

	private void changeLocked(long id, String column, String label, String value, String person, String text)
			throws WorkspaceException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				changeOnce(connection, id, column, label, value, person, text);
				connection.commit();
			} catch (SQLException | WorkspaceException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw failure("cannot change the " + label + " of alert " + id, e);
		}
	}

	private void changeOnce(Connection connection, long id, String column, String label, String value, String who,
			String comment) throws SQLException, WorkspaceException {
		Instant now = clock.instant();
		// Compare-and-set, so that two people changing one alert at once each record what they saw.
		for (;;) {
			Optional<String> old = column(connection, id, column);
			if (old.isEmpty()) {
				throw new WorkspaceException("Alert " + id + " does not exist in workspace database "
						+ database.directory());
			}
			if (old.get().equals(value)) {
				if (!comment.isBlank()) {
					note(connection, id, now, who, "comment", comment);
				}
				return;
			}
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE ALERT SET " + column + " = ?, UPDATED = ? WHERE ID = ? AND " + column + " = ?")) {
				update.setString(1, value);
				setTime(update, 2, now);
				update.setLong(3, id);
				update.setString(4, old.get());
				if (update.executeUpdate() == 1) {
					note(connection, id, now, who, label + " " + shown(old.get()) + " -> " + shown(value), comment);
					return;
				}
			}
		}
	}

	private static String shown(String value) {
		return value.isEmpty() ? "(nobody)" : value;
	}

	private static Optional<String> column(Connection connection, long id, String column) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM ALERT WHERE ID = ?")) {
			query.setLong(1, id);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
			}
		}
	}

	private static boolean exists(Connection connection, long id) throws SQLException {
		return column(connection, id, "STATUS").isPresent();
	}

	private static void note(Connection connection, long id, Instant time, String who, String change,
			String comment) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ALERT_NOTE (ALERT_ID, NOTED_AT, WHO,"
				+ " CHANGE_TEXT, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?)")) {
			insert.setLong(1, id);
			setTime(insert, 2, time);
			insert.setString(3, who);
			insert.setString(4, AlertColumns.cut(change, AlertColumns.CHANGE));
			insert.setString(5, comment);
			insert.executeUpdate();
		}
	}

	/** Returns an alert's triage history, oldest first; empty for an alert that does not exist. */
	public List<AlertNote> history(long id) throws WorkspaceException {
		List<AlertNote> notes = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT NOTED_AT, WHO, CHANGE_TEXT, COMMENT_TEXT"
						+ " FROM ALERT_NOTE WHERE ALERT_ID = ? ORDER BY ID")) {
			query.setLong(1, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					notes.add(new AlertNote(time(rows, 1), rows.getString(2), rows.getString(3), rows.getString(4)));
				}
			}
		} catch (SQLException e) {
			throw failure("cannot read the history of alert " + id, e);
		}
		return notes;
	}

	/**
	 * Records one run of an automated response on an alert. The target and outcome are cut to 4096
	 * characters.
	 *
	 * @throws WorkspaceException if the alert does not exist or the run cannot be stored
	 */
	public void recordAction(long alertId, ActionRun run) throws WorkspaceException {
		synchronized (inserts) {
			insertAction(alertId, run);
		}
	}

	private void insertAction(long alertId, ActionRun run) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO ALERT_ACTION (ALERT_ID, KIND, TARGET,"
						+ " STARTED, SUCCEEDED, OUTCOME) VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setLong(1, alertId);
			insert.setString(2, AlertColumns.cut(run.kind(), AlertColumns.KIND));
			insert.setString(3, AlertColumns.cut(run.target(), AlertColumns.TARGET));
			setTime(insert, 4, Objects.requireNonNull(run.started(), "started"));
			insert.setBoolean(5, run.succeeded());
			insert.setString(6, AlertColumns.cut(run.outcome(), AlertColumns.OUTCOME));
			insert.executeUpdate();
		} catch (SQLException e) {
			if (MISSING_PARENT.equals(e.getSQLState())) {
				throw new WorkspaceException("Alert " + alertId + " does not exist in workspace database "
						+ database.directory() + "; its " + run.kind() + " response was not recorded", e);
			}
			throw failure("cannot record a " + run.kind() + " response of alert " + alertId, e);
		}
	}

	/** Returns the metrics of every rule that raised an alert, by rule id (sorted). */
	public Map<String, RuleMetrics> metrics() throws WorkspaceException {
		Map<String, RuleMetrics> metrics = new LinkedHashMap<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT RULE_ID, COUNT(*),"
						+ " SUM(CASE WHEN DISPOSITION <> ? THEN 1 ELSE 0 END),"
						+ " SUM(CASE WHEN DISPOSITION = ? THEN 1 ELSE 0 END)"
						+ " FROM ALERT GROUP BY RULE_ID ORDER BY RULE_ID")) {
			query.setString(1, Disposition.UNDECIDED.name());
			query.setString(2, Disposition.FALSE_POSITIVE.name());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String rule = rows.getString(1);
					metrics.put(rule, new RuleMetrics(rule, rows.getLong(2), rows.getLong(3), rows.getLong(4)));
				}
			}
		} catch (SQLException e) {
			throw failure("cannot count the alerts per rule", e);
		}
		return metrics;
	}

	/** Returns how many alerts a rule raised (by wall clock) since an instant, for "hits today". */
	public long countSince(String ruleId, Instant since) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
						.prepareStatement("SELECT COUNT(*) FROM ALERT WHERE RULE_ID = ? AND RAISED >= ?")) {
			query.setString(1, ruleId);
			setTime(query, 2, since);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		} catch (SQLException e) {
			throw failure("cannot count the alerts of rule " + ruleId, e);
		}
	}

	/**
	 * Adds a suppression of a rule's alerts for a grouped value (empty for all), until it expires.
	 *
	 * @throws IllegalArgumentException if the rule id is empty, the expiry missing, or a text too long
	 */
	public Suppression suppress(String ruleId, String value, String owner, String reason, Instant expires)
			throws WorkspaceException {
		String rule = AlertColumns.require(ruleId, "the rule id", AlertColumns.RULE_ID);
		if (rule.isBlank()) {
			throw new IllegalArgumentException("a suppression needs a rule id");
		}
		Objects.requireNonNull(expires, "a suppression needs an expiry");
		String suppressed = AlertColumns.require(value, "the suppressed value", AlertColumns.GROUP_VALUE);
		String person = AlertColumns.require(owner, "the owner's name", AlertColumns.PERSON);
		String why = AlertColumns.require(reason, "the reason", AlertColumns.REASON);
		synchronized (inserts) {
			return insertSuppression(rule, suppressed, person, why, expires);
		}
	}

	private Suppression insertSuppression(String rule, String suppressed, String person, String why, Instant expires)
			throws WorkspaceException {
		Instant created = clock.instant();
		try (Connection connection = database.connect();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO ALERT_SUPPRESSION (RULE_ID,"
						+ " SUPPRESSED_VALUE, OWNER, REASON, CREATED, EXPIRES) VALUES (?, ?, ?, ?, ?, ?)",
						Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, rule);
			insert.setString(2, suppressed);
			insert.setString(3, person);
			insert.setString(4, why);
			setTime(insert, 5, created);
			setTime(insert, 6, expires);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return new Suppression(keys.getLong(1), rule, suppressed, person, why, created, expires);
			}
		} catch (SQLException e) {
			throw failure("cannot store a suppression of rule " + rule, e);
		}
	}

	/** Returns the suppressions, newest first; those expired by the store's clock too when asked. */
	public List<Suppression> suppressions(boolean includeExpired) throws WorkspaceException {
		List<Suppression> suppressions = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement("SELECT " + SUPPRESSION_COLUMNS
						+ " FROM ALERT_SUPPRESSION" + (includeExpired ? "" : " WHERE EXPIRES > ?") + " ORDER BY ID DESC")) {
			if (!includeExpired) {
				setTime(query, 1, clock.instant());
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					suppressions.add(new Suppression(rows.getLong(1), rows.getString(2), rows.getString(3),
							rows.getString(4), rows.getString(5), time(rows, 6), time(rows, 7)));
				}
			}
		} catch (SQLException e) {
			throw failure("cannot list the suppressions", e);
		}
		return suppressions;
	}

	/** Removes a suppression; removing one that does not exist does nothing. */
	public void removeSuppression(long id) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement delete = connection.prepareStatement("DELETE FROM ALERT_SUPPRESSION WHERE ID = ?")) {
			delete.setLong(1, id);
			delete.executeUpdate();
		} catch (SQLException e) {
			throw failure("cannot remove suppression " + id, e);
		}
	}

	private static Calendar utc() {
		// Derby may change the calendar it is given, so each call gets its own.
		return new GregorianCalendar(UTC, Locale.ROOT);
	}

	private static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setTimestamp(index, Timestamp.from(instant), utc());
	}

	private static Instant time(ResultSet rows, int index) throws SQLException {
		return rows.getTimestamp(index, utc()).toInstant();
	}

	private WorkspaceException failure(String what, SQLException e) {
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		SQLException next = e.getNextException();
		if (next != null && next.getMessage() != null && !text.toString().contains(next.getMessage())) {
			text.append(" (").append(next.getMessage()).append(')');
		}
		return new WorkspaceException("Alerts in workspace database " + database.directory() + ": " + what + ": "
				+ text, e);
	}
}
