package io.vigil.incidents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.core.store.Database;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * The incidents of a workspace, in its Derby database, with their evidence's bytes in
 * {@code incidents/evidence} beside it. Thread-safe: each call takes its own connection, and each
 * change is one transaction, so a change that fails leaves the incident as it was.
 *
 * <p>
 * Texts longer than their column are refused with an {@link IllegalArgumentException} that says
 * what was too long; an unknown incident id is a {@link WorkspaceException} that names it.
 */
public final class IncidentStore {

	private static final String DUPLICATE_KEY = "23505";
	private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
	private static final ObjectMapper JSON = new ObjectMapper();


	private final Database database;
	private final EvidenceFiles files;
	private final Clock clock;
	private final IncidentIds ids = new IncidentIds();
	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Makes a store on a database whose schema {@link IncidentsSchema} brought up to date.
	 *
	 * @param evidence where the evidence's bytes are kept
	 */
	public IncidentStore(Database database, EvidenceFiles evidence, Clock clock) {
		this.database = Objects.requireNonNull(database, "database");
		this.files = Objects.requireNonNull(evidence, "evidence");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Opens the incidents of a workspace, bringing their schema up to date; evidence is kept in
	 * {@code incidents/evidence} under the workspace's root.
	 */
	public static IncidentStore open(Workspace workspace, Clock clock) throws WorkspaceException {
		workspace.ensureSchema(new IncidentsSchema());
		return new IncidentStore(workspace.database(),
				new EvidenceFiles(workspace.root().resolve("incidents").resolve("evidence")), clock);
	}

	/** Returns the clock the store takes "now" from. */
	public Clock clock() {
		return clock;
	}

	/** Returns where the evidence's bytes are kept. */
	public EvidenceFiles evidenceFiles() {
		return files;
	}

	/**
	 * Adds a listener told the id of each incident after a change to it is committed (on the thread
	 * that changed it), so that views can refresh.
	 */
	public void addListener(Consumer<String> listener) {
		listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/** Removes a listener. */
	public void removeListener(Consumer<String> listener) {
		listeners.remove(listener);
	}

	// ---- incidents

	/** Creates an open incident in the identification phase, with a new id. */
	public Incident create(IncidentFields fields, String who) throws WorkspaceException {
		Objects.requireNonNull(fields, "fields");
		checkFields(fields);
		Sql.require(who, "the name of who creates the incident", Sql.PERSON);
		Instant now = clock.instant();
		for (int attempt = 0;; attempt++) {
			String id = ids.newIncidentId();
			try {
				write(id, "cannot create incident '" + fields.title() + "'", connection -> IncidentWriter.insertIncident(
						connection, id, fields, IncidentStatus.OPEN, IncidentPhase.IDENTIFICATION, now, now));
				return require(id);
			} catch (WorkspaceException e) {
				// 50 random bits rarely meet; when they do, draw again (a few times at most).
				if (!(e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState()))
						|| attempt >= 3) {
					throw e;
				}
			}
		}
	}

	/** Returns an incident with everything it holds. */
	public Optional<Incident> get(String id) throws WorkspaceException {
		try (Connection connection = database.connect()) {
			return IncidentReader.read(connection, id);
		} catch (SQLException e) {
			throw failure("cannot read incident " + id, e);
		}
	}

	/**
	 * Returns an incident with everything it holds.
	 *
	 * @throws WorkspaceException naming the id when there is no such incident
	 */
	public Incident require(String id) throws WorkspaceException {
		return get(id).orElseThrow(() -> unknown(id));
	}

	/**
	 * Returns the id of the one incident whose id starts with a prefix (a whole id is its own
	 * prefix).
	 *
	 * @throws WorkspaceException when no incident or several have such an id, naming them
	 */
	public String resolve(String prefix) throws WorkspaceException {
		String wanted = prefix == null ? "" : prefix.strip();
		if (wanted.isEmpty()) {
			throw new WorkspaceException("an incident id is needed");
		}
		List<String> found = new ArrayList<>();
		try (Connection connection = database.connect();
				PreparedStatement query = connection.prepareStatement(
						"SELECT ID FROM INCIDENT WHERE ID LIKE ? ESCAPE '!' ORDER BY ID FETCH FIRST 6 ROWS ONLY")) {
			query.setString(1, wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					found.add(rows.getString(1));
				}
			}
		} catch (SQLException e) {
			throw failure("cannot look up incident " + wanted, e);
		}
		if (found.contains(wanted) || found.size() == 1) {
			return found.contains(wanted) ? wanted : found.get(0);
		}
		if (found.isEmpty()) {
			throw unknown(wanted);
		}
		throw new WorkspaceException("'" + wanted + "' is the start of several incident ids ("
				+ String.join(", ", found.subList(0, Math.min(5, found.size()))) + (found.size() > 5 ? ", ..." : "")
				+ "); give more of the id");
	}

	/** Returns the incidents a filter selects, with everything they hold, newest first. */
	public List<Incident> list(IncidentFilter filter) throws WorkspaceException {
		List<Incident> selected = new ArrayList<>();
		try (Connection connection = database.connect()) {
			for (String id : IncidentReader.ids(connection)) {
				IncidentReader.read(connection, id).filter(filter::test).ifPresent(selected::add);
			}
		} catch (SQLException e) {
			throw failure("cannot list the incidents", e);
		}
		return selected;
	}

	/** Changes what handlers edit directly on an incident (everything but status, phase and children). */
	public Incident update(String id, IncidentFields fields, String who) throws WorkspaceException {
		Objects.requireNonNull(fields, "fields");
		checkFields(fields);
		Sql.require(who, "the name of who changes the incident", Sql.PERSON);
		write(id, "cannot change incident " + id, connection -> {
			Instant now = touch(connection, id);
			try (PreparedStatement update = connection.prepareStatement("UPDATE INCIDENT SET TITLE = ?, SUMMARY = ?,"
					+ " SEVERITY = ?, OWNER = ?, TLP = ?, DETECTED = ?, REPORTED = ?, VERIFIED = ?, CONTAINED = ?,"
					+ " MITIGATED = ?, CLOSED = ?, THEORIES = ?, MITIGATIONS = ?, LESSONS = ?, UPDATED = ?"
					+ " WHERE ID = ?")) {
				int index = bindFields(update, 1, fields);
				Sql.setTime(update, index, now);
				update.setString(index + 1, id);
				update.executeUpdate();
			}
		});
		return require(id);
	}

	/**
	 * Moves an incident to a phase, recording the change. Moving it to {@link IncidentPhase#CLOSED}
	 * also closes it (and sets its closed date when not known); moving a closed incident to another
	 * phase reopens it. Moving it to the phase it has changes nothing.
	 */
	public Incident changePhase(String id, IncidentPhase phase, String who) throws WorkspaceException {
		Objects.requireNonNull(phase, "phase");
		String person = Sql.require(who, "the name of who changes the phase", Sql.PERSON);
		write(id, "cannot change the phase of incident " + id, connection -> {
			Incident before = IncidentReader.read(connection, id).orElseThrow(() -> unknown(id));
			if (before.phase() == phase) {
				return;
			}
			Instant now = touch(connection, id);
			setState(connection, id, StateField.PHASE, before.phase().label(), phase.label(), person, now);
			IncidentStatus status = phase == IncidentPhase.CLOSED ? IncidentStatus.CLOSED : IncidentStatus.OPEN;
			if (status != before.status()) {
				setState(connection, id, StateField.STATUS, before.status().label(), status.label(), person, now);
			}
			if (phase == IncidentPhase.CLOSED && before.dates().closed() == null) {
				setClosedDate(connection, id, now);
			}
		});
		return require(id);
	}

	/**
	 * Opens or closes an incident, recording the change; closing also sets its closed date when
	 * not known. The phase stays as it is. Setting the status it has changes nothing.
	 */
	public Incident changeStatus(String id, IncidentStatus status, String who) throws WorkspaceException {
		Objects.requireNonNull(status, "status");
		String person = Sql.require(who, "the name of who changes the status", Sql.PERSON);
		write(id, "cannot change the status of incident " + id, connection -> {
			Incident before = IncidentReader.read(connection, id).orElseThrow(() -> unknown(id));
			if (before.status() == status) {
				return;
			}
			Instant now = touch(connection, id);
			setState(connection, id, StateField.STATUS, before.status().label(), status.label(), person, now);
			if (status == IncidentStatus.CLOSED && before.dates().closed() == null) {
				setClosedDate(connection, id, now);
			}
		});
		return require(id);
	}

	/** Removes an incident and everything it holds; its evidence's bytes stay (other incidents may share them). */
	public void delete(String id) throws WorkspaceException {
		write(id, "cannot remove incident " + id, connection -> {
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM INCIDENT WHERE ID = ?")) {
				delete.setString(1, id);
				if (delete.executeUpdate() == 0) {
					throw unknown(id);
				}
			}
		});
	}

	/**
	 * Stores a whole incident with the ids it has (as an import brings it), replacing what is stored
	 * under its id, in one transaction. Its evidence's bytes must be stored already.
	 *
	 * @throws WorkspaceException if an evidence item's bytes are missing, or it cannot be stored;
	 *         what was stored before stays then
	 */
	public Incident upsert(Incident incident) throws WorkspaceException {
		upsertAll(List.of(incident));
		return require(incident.id());
	}

	/**
	 * Stores whole incidents with the ids they have, replacing what is stored under those ids,
	 * all in one transaction: either every one is stored or none is (as a merge of a bundle with
	 * several incidents needs). Their evidence's bytes must be stored already.
	 *
	 * @throws WorkspaceException if an incident is not valid, an evidence item's bytes are
	 *         missing, or they cannot be stored; what was stored before stays then
	 */
	public void upsertAll(List<Incident> incidents) throws WorkspaceException {
		for (Incident incident : incidents) {
			Objects.requireNonNull(incident, "incident");
			if (!IncidentIds.INCIDENT_ID.matcher(incident.id()).matches()) {
				throw new IllegalArgumentException("'" + incident.id()
						+ "' is not an incident id (inc- and 10 base32 characters)");
			}
			checkFields(incident.fields());
			for (Evidence item : incident.evidence()) {
				if (!files.contains(item.sha256())) {
					throw new WorkspaceException("Incident " + incident.id() + ": the bytes of evidence '" + item.name()
							+ "' (SHA-256 " + item.sha256() + ") are not in " + files.directory());
				}
			}
		}
		if (incidents.isEmpty()) {
			return;
		}
		String ids = String.join(", ", incidents.stream().map(Incident::id).toList());
		write(incidents.get(0).id(), "cannot store incidents " + ids, connection -> {
			for (Incident incident : incidents) {
				IncidentWriter.replace(connection, incident);
			}
		});
		for (Incident incident : incidents.subList(1, incidents.size())) {
			for (Consumer<String> listener : listeners) {
				listener.accept(incident.id());
			}
		}
	}

	// ---- children

	/** Adds a note. */
	public Note addNote(String id, String author, String text) throws WorkspaceException {
		Note note = new Note(IncidentIds.newChildId(), Sql.require(author, "the author's name", Sql.PERSON),
				clock.instant(), Objects.requireNonNull(text, "text"));
		if (text.isBlank()) {
			throw new IllegalArgumentException("a note needs some text");
		}
		write(id, "cannot add a note to incident " + id, connection -> {
			touch(connection, id);
			IncidentWriter.insertNote(connection, id, note);
		});
		return note;
	}

	/** Removes a note; removing one that does not exist does nothing. */
	public void removeNote(String id, String noteId) throws WorkspaceException {
		removeChild(id, "INCIDENT_NOTE", noteId, "a note");
	}

	/**
	 * Adds a task.
	 *
	 * @param due when it is due, {@code null} for no date
	 */
	public IncidentTask addTask(String id, String title, String assignee, Instant due) throws WorkspaceException {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a task needs a title");
		}
		IncidentTask task = new IncidentTask(IncidentIds.newChildId(), Sql.require(title, "the task's title", Sql.TITLE),
				Sql.require(assignee, "the assignee's name", Sql.PERSON), due, false, clock.instant(), null);
		write(id, "cannot add a task to incident " + id, connection -> {
			touch(connection, id);
			IncidentWriter.insertTask(connection, id, task);
		});
		return task;
	}

	/** Marks a task done or not done (done records when). */
	public void setTaskDone(String id, String taskId, boolean done) throws WorkspaceException {
		write(id, "cannot change a task of incident " + id, connection -> {
			Instant now = touch(connection, id);
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE INCIDENT_TASK SET DONE = ?, DONE_AT = ? WHERE ID = ? AND INCIDENT_ID = ?")) {
				update.setBoolean(1, done);
				Sql.setTime(update, 2, done ? now : null);
				update.setString(3, taskId);
				update.setString(4, id);
				if (update.executeUpdate() == 0) {
					throw new WorkspaceException("Incident " + id + " has no task " + taskId);
				}
			}
		});
	}

	/** Removes a task; removing one that does not exist does nothing. */
	public void removeTask(String id, String taskId) throws WorkspaceException {
		removeChild(id, "INCIDENT_TASK", taskId, "a task");
	}

	/**
	 * Adds an observable, or returns the one the incident has with that kind and value.
	 *
	 * @throws IllegalArgumentException for an empty value
	 */
	public Observable addObservable(String id, ObservableKind kind, String value, String comment)
			throws WorkspaceException {
		Objects.requireNonNull(kind, "kind");
		String text = Sql.require(value, "the observable's value", Sql.TEXT).strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("an observable needs a value");
		}
		Observable observable = new Observable(IncidentIds.newChildId(), kind, text,
				Sql.require(comment, "the observable's comment", Sql.TEXT), clock.instant());
		Observable[] result = {observable};
		write(id, "cannot add an observable to incident " + id, connection -> {
			touch(connection, id);
			Optional<Observable> existing = IncidentReader.observable(connection, id, kind, text);
			if (existing.isPresent()) {
				result[0] = existing.get();
			} else {
				IncidentWriter.insertObservable(connection, id, observable);
			}
		});
		return result[0];
	}

	/** Removes an observable; removing one that does not exist does nothing. */
	public void removeObservable(String id, String observableId) throws WorkspaceException {
		removeChild(id, "INCIDENT_OBSERVABLE", observableId, "an observable");
	}

	/**
	 * Adds an ATT&amp;CK technique id ({@code T1110} or {@code T1110.001}); adding one the incident has
	 * changes nothing.
	 *
	 * @throws IllegalArgumentException for an id that is not a technique's
	 */
	public void addTechnique(String id, String technique) throws WorkspaceException {
		String normalized = normalizeTechnique(technique);
		write(id, "cannot add technique " + normalized + " to incident " + id, connection -> {
			touch(connection, id);
			List<String> known = IncidentReader.techniques(connection, id);
			if (!known.contains(normalized)) {
				IncidentWriter.insertListed(connection, "INCIDENT_TECHNIQUE", "TECHNIQUE", id, next(known), normalized);
			}
		});
	}

	/** Removes a technique; removing one the incident does not have does nothing. */
	public void removeTechnique(String id, String technique) throws WorkspaceException {
		removeListed(id, "INCIDENT_TECHNIQUE", "TECHNIQUE", technique.strip().toUpperCase(Locale.ROOT));
	}

	/** Adds a reference (a URL, a ticket, a document); adding one the incident has changes nothing. */
	public void addReference(String id, String reference) throws WorkspaceException {
		String text = Sql.require(reference, "the reference", Sql.TEXT).strip();
		if (text.isEmpty()) {
			throw new IllegalArgumentException("a reference cannot be empty");
		}
		write(id, "cannot add a reference to incident " + id, connection -> {
			touch(connection, id);
			List<String> known = IncidentReader.references(connection, id);
			if (!known.contains(text)) {
				IncidentWriter.insertListed(connection, "INCIDENT_REFERENCE", "REF", id, next(known), text);
			}
		});
	}

	/** Removes a reference; removing one the incident does not have does nothing. */
	public void removeReference(String id, String reference) throws WorkspaceException {
		removeListed(id, "INCIDENT_REFERENCE", "REF", reference.strip());
	}

	/**
	 * Adds a file as evidence: copies it into the workspace, computing its SHA-256 while copying,
	 * and starts its chain of custody.
	 *
	 * @throws WorkspaceException naming the file when it does not exist or cannot be read
	 */
	public Evidence addEvidence(String id, Path file, EvidenceDraft draft) throws WorkspaceException {
		if (!Files.isRegularFile(file)) {
			throw new WorkspaceException("Evidence file " + file + " does not exist or is not a file");
		}
		require(id);
		try (InputStream in = Files.newInputStream(file)) {
			return addEvidence(id, in, draft, file.toAbsolutePath().toString());
		} catch (NoSuchFileException e) {
			throw new WorkspaceException("Evidence file " + file + " does not exist", e);
		} catch (IOException e) {
			throw new WorkspaceException("Evidence file " + file + " cannot be read: " + e.getMessage(), e);
		}
	}

	/** Adds bytes as evidence (an extract, a pasted text), starting its chain of custody. */
	public Evidence addEvidence(String id, byte[] bytes, EvidenceDraft draft) throws WorkspaceException {
		require(id);
		try (InputStream in = new ByteArrayInputStream(bytes)) {
			return addEvidence(id, in, draft, "");
		} catch (IOException e) {
			throw new WorkspaceException("Evidence '" + draft.name() + "' cannot be stored in " + files.directory()
					+ ": " + e.getMessage(), e);
		}
	}

	private Evidence addEvidence(String id, InputStream in, EvidenceDraft draft, String origin)
			throws IOException, WorkspaceException {
		Sql.require(draft.name(), "the evidence's name", Sql.TITLE);
		Sql.require(draft.description(), "the evidence's description", Sql.LONG_TEXT);
		Sql.require(draft.source(), "the evidence's source", Sql.TEXT);
		Sql.require(draft.addedBy(), "the name of who adds the evidence", Sql.PERSON);
		EvidenceFiles.Stored stored = files.add(in);
		Instant now = clock.instant();
		String mediaType = draft.mediaType().isEmpty() ? MediaTypes.guess(draft.name()) : draft.mediaType();
		Evidence evidence = new Evidence(IncidentIds.newChildId(), draft.name(), stored.sha256(), stored.size(),
				Sql.require(mediaType, "the media type", Sql.PERSON), draft.addedBy(), now, draft.description(),
				draft.source(), List.of(new CustodyEntry(draft.addedBy(), now, CustodyAction.ADDED, origin)));
		try {
			write(id, "cannot add evidence '" + draft.name() + "' to incident " + id, connection -> {
				touch(connection, id);
				IncidentWriter.insertEvidence(connection, id, evidence);
			});
		} catch (WorkspaceException | RuntimeException e) {
			if (stored.created() && !shared(stored.sha256())) {
				files.delete(stored.sha256());
			}
			throw e;
		}
		return evidence;
	}

	private boolean shared(String sha256) throws WorkspaceException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
						.prepareStatement("SELECT 1 FROM INCIDENT_EVIDENCE WHERE SHA256 = ?")) {
			query.setString(1, sha256);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		} catch (SQLException e) {
			throw failure("cannot look up evidence " + sha256, e);
		}
	}

	/**
	 * Appends to an evidence item's chain of custody (an export, an import, a look at it).
	 *
	 * @throws WorkspaceException if the incident has no such evidence item
	 */
	public CustodyEntry recordCustody(String id, String evidenceId, CustodyAction action, String who, String detail)
			throws WorkspaceException {
		CustodyEntry entry = new CustodyEntry(Sql.require(who, "the name of who handled the evidence", Sql.PERSON),
				clock.instant(), Objects.requireNonNull(action, "action"), Sql.require(detail, "the detail", Sql.TEXT));
		write(id, "cannot record the custody of evidence " + evidenceId, connection -> {
			if (!IncidentReader.hasEvidence(connection, id, evidenceId)) {
				throw new WorkspaceException("Incident " + id + " has no evidence item " + evidenceId);
			}
			IncidentWriter.insertCustody(connection, evidenceId, IncidentReader.custodyCount(connection, evidenceId),
					entry);
		});
		return entry;
	}

	/**
	 * Removes an evidence item and its custody log from an incident; its bytes stay while another
	 * item holds them. Removing one that does not exist does nothing.
	 */
	public void removeEvidence(String id, String evidenceId) throws WorkspaceException {
		Optional<Evidence> item = require(id).evidence(evidenceId);
		removeChild(id, "INCIDENT_EVIDENCE", evidenceId, "evidence");
		if (item.isPresent() && !shared(item.get().sha256())) {
			try {
				files.delete(item.get().sha256());
			} catch (IOException e) {
				throw new WorkspaceException("Evidence file " + files.path(item.get().sha256())
						+ " cannot be removed: " + e.getMessage(), e);
			}
		}
	}

	/**
	 * Promotes an item into an incident, unless it holds that source (kind and source id) already.
	 *
	 * @return whether it was added
	 */
	public boolean promote(String id, PromotedItem item) throws WorkspaceException {
		return promoteAll(id, List.of(item)) == 1;
	}

	/**
	 * Promotes items into an incident in one transaction, leaving out the sources it holds already
	 * (and repeats among the items).
	 *
	 * @return how many were added
	 */
	public int promoteAll(String id, List<PromotedItem> items) throws WorkspaceException {
		return promoteAll(id, items, Set.of(), Map.of());
	}

	/**
	 * Promotes items with the techniques and observables they bring, all in one transaction.
	 * Technique ids that are not ATT&CK's are left out; known techniques and observables are not
	 * added again.
	 */
	int promoteAll(String id, List<PromotedItem> items, Set<String> techniques,
			Map<ObservableKind, Set<String>> observables) throws WorkspaceException {
		for (PromotedItem item : items) {
			checkItem(item);
		}
		List<String> validTechniques = techniques.stream().map(IncidentStore::techniqueOrNull)
				.filter(Objects::nonNull).distinct().toList();
		int[] added = {0};
		write(id, "cannot promote " + items.size() + " items into incident " + id, connection -> {
			Instant now = touch(connection, id);
			Set<String> seen = new HashSet<>();
			for (PromotedItem item : items) {
				if (seen.add(item.kind() + "\n" + item.sourceId())
						&& !IncidentReader.hasItem(connection, id, item.kind(), item.sourceId())) {
					IncidentWriter.insertItem(connection, id, item);
					added[0]++;
				}
			}
			List<String> known = new ArrayList<>(IncidentReader.techniques(connection, id));
			for (String technique : validTechniques) {
				if (!known.contains(technique)) {
					IncidentWriter.insertListed(connection, "INCIDENT_TECHNIQUE", "TECHNIQUE", id, known.size(),
							technique);
					known.add(technique);
				}
			}
			for (Map.Entry<ObservableKind, Set<String>> kind : observables.entrySet()) {
				for (String value : kind.getValue()) {
					String text = value.strip();
					if (!text.isEmpty() && text.length() <= Sql.TEXT
							&& IncidentReader.observable(connection, id, kind.getKey(), text).isEmpty()) {
						IncidentWriter.insertObservable(connection, id, new Observable(IncidentIds.newChildId(),
								kind.getKey(), text, "grouped value of a promoted alert", now));
					}
				}
			}
		});
		return added[0];
	}

	private static String techniqueOrNull(String technique) {
		try {
			return normalizeTechnique(technique);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Removes a promoted item; removing one that does not exist does nothing. */
	public void removeItem(String id, String itemId) throws WorkspaceException {
		removeChild(id, "INCIDENT_ITEM", itemId, "an item");
	}

	/** Stores the marks on a timeline entry, changed now; empty marks remove them. */
	public void mark(String id, EntryMark mark) throws WorkspaceException {
		Sql.require(mark.entryKey(), "the entry key", Sql.ENTRY_KEY);
		Sql.require(mark.comment(), "the comment", Sql.LONG_TEXT);
		Sql.require(tagsJson(mark.tags()), "the tags", Sql.TEXT);
		write(id, "cannot mark an entry of incident " + id, connection -> {
			Instant now = touch(connection, id);
			IncidentWriter.deleteMark(connection, id, mark.entryKey());
			if (!mark.isEmpty()) {
				IncidentWriter.insertMark(connection, id,
						new EntryMark(mark.entryKey(), mark.starred(), mark.tags(), mark.comment(), now));
			}
		});
	}

	/** Returns the marks on an incident's timeline entries, by entry key. */
	public Map<String, EntryMark> marks(String id) throws WorkspaceException {
		Map<String, EntryMark> marks = new LinkedHashMap<>();
		require(id).marks().forEach(mark -> marks.put(mark.entryKey(), mark));
		return marks;
	}

	// ---- helpers

	/** One step of work in a transaction. */
	@FunctionalInterface
	interface Work {
		void run(Connection connection) throws SQLException, WorkspaceException;
	}

	private void write(String id, String what, Work work) throws WorkspaceException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try {
				work.run(connection);
				connection.commit();
			} catch (SQLException | WorkspaceException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw failure(what, e);
		}
		for (Consumer<String> listener : listeners) {
			listener.accept(id);
		}
	}

	/** Checks that an incident exists and sets its updated time, returning "now". */
	private Instant touch(Connection connection, String id) throws SQLException, WorkspaceException {
		Instant now = clock.instant();
		try (PreparedStatement update = connection.prepareStatement("UPDATE INCIDENT SET UPDATED = ? WHERE ID = ?")) {
			Sql.setTime(update, 1, now);
			update.setString(2, id);
			if (update.executeUpdate() == 0) {
				throw unknown(id);
			}
		}
		return now;
	}

	static int bindFields(PreparedStatement statement, int first, IncidentFields fields) throws SQLException {
		int index = first;
		statement.setString(index++, fields.title());
		statement.setString(index++, fields.summary());
		statement.setString(index++, fields.severity().name());
		statement.setString(index++, fields.owner());
		statement.setString(index++, fields.tlp().name());
		for (KeyDate date : KeyDate.values()) {
			Sql.setTime(statement, index++, fields.dates().get(date).orElse(null));
		}
		statement.setString(index++, fields.theories());
		statement.setString(index++, fields.mitigations());
		statement.setString(index++, fields.lessonsLearned());
		return index;
	}

	private static void checkFields(IncidentFields fields) {
		Sql.require(fields.title(), "the title", Sql.TITLE);
		Sql.require(fields.owner(), "the owner's name", Sql.PERSON);
	}

	private static void checkItem(PromotedItem item) {
		Sql.require(item.sourceId(), "the source id of a promoted " + item.kind().label(), Sql.SOURCE_ID);
		Sql.require(item.host(), "the host of a promoted " + item.kind().label(), Sql.TITLE);
		Sql.require(item.user(), "the user of a promoted " + item.kind().label(), Sql.TITLE);
		Sql.require(item.source(), "the source of a promoted " + item.kind().label(), Sql.TITLE);
		Sql.require(item.title(), "the title of a promoted " + item.kind().label(), Sql.TEXT);
	}

	private void setState(Connection connection, String id, StateField field, String from, String to, String who,
			Instant now) throws SQLException {
		try (PreparedStatement update = connection
				.prepareStatement("UPDATE INCIDENT SET " + field.name() + " = ? WHERE ID = ?")) {
			update.setString(1, to.toUpperCase(Locale.ROOT));
			update.setString(2, id);
			update.executeUpdate();
		}
		IncidentWriter.insertState(connection, id, IncidentReader.stateCount(connection, id),
				new StateChange(IncidentIds.newChildId(), field, from, to, who, now));
	}

	private static void setClosedDate(Connection connection, String id, Instant now) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE INCIDENT SET CLOSED = ? WHERE ID = ?")) {
			Sql.setTime(update, 1, now);
			update.setString(2, id);
			update.executeUpdate();
		}
	}

	private void removeChild(String id, String table, String childId, String what) throws WorkspaceException {
		write(id, "cannot remove " + what + " from incident " + id, connection -> {
			touch(connection, id);
			try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM " + table + " WHERE ID = ? AND INCIDENT_ID = ?")) {
				delete.setString(1, childId);
				delete.setString(2, id);
				delete.executeUpdate();
			}
		});
	}

	private void removeListed(String id, String table, String column, String value) throws WorkspaceException {
		write(id, "cannot remove '" + value + "' from incident " + id, connection -> {
			touch(connection, id);
			try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM " + table + " WHERE INCIDENT_ID = ? AND " + column + " = ?")) {
				delete.setString(1, id);
				delete.setString(2, value);
				delete.executeUpdate();
			}
		});
	}

	private static int next(List<String> known) {
		return known.size();
	}

	/**
	 * Returns a technique id in its usual form.
	 *
	 * @throws IllegalArgumentException for an id that is not a technique's
	 */
	static String normalizeTechnique(String technique) {
		String id = technique == null ? "" : technique.strip().toUpperCase(Locale.ROOT);
		if (id.startsWith("ATTACK.")) {
			id = id.substring("ATTACK.".length());
		}
		if (!TECHNIQUE.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + technique + "' is not an ATT&CK technique id (T1234 or T1234.001)");
		}
		return id;
	}

	static String tagsJson(List<String> tags) {
		try {
			return JSON.writeValueAsString(tags);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a list of strings cannot be written as JSON", e);
		}
	}

	private WorkspaceException unknown(String id) {
		return new WorkspaceException("Incident " + id + " does not exist in workspace database " + database.directory());
	}

	private WorkspaceException failure(String what, SQLException e) {
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		SQLException next = e.getNextException();
		if (next != null && next.getMessage() != null && !text.toString().contains(next.getMessage())) {
			text.append(" (").append(next.getMessage()).append(')');
		}
		return new WorkspaceException("Incidents in workspace database " + database.directory() + ": " + what + ": "
				+ text, e);
	}
}
