package io.vigil.incidents.internal.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.Attachment;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.incidents.CustodyAction;
import io.vigil.incidents.CustodyEntry;
import io.vigil.incidents.Evidence;
import io.vigil.incidents.EvidenceFiles;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentJson;
import io.vigil.incidents.IncidentStore;

/**
 * Carries incidents through workspace bundles: an incident travels as one object of type
 * {@code incident} holding everything it has (its promoted events and alerts as the snapshots
 * taken when they were promoted, notes, tasks, observables, marks, state changes), with each
 * evidence item's bytes as an attachment named by its SHA-256. Snapshots travel as JSON objects,
 * not text, so that redaction sees their fields.
 *
 * <p>On import the bytes are stored first and then the incident in one transaction. An evidence
 * item whose bytes arrive changed (a redacted copy) is kept under the hash of what arrived, and
 * its custody log says so with the original hash; every imported item's log records the import.
 * Those records are this workspace's own (except that of a redacted copy, which must follow the
 * bytes): they do not travel on, so that an incident imported
 * and not changed since compares equal to the bundle it came from, and the next bundle from the
 * same colleague merges as an update rather than a conflict.
 */
@Component(service = ExchangeParticipant.class)
public final class IncidentExchangeParticipant implements ExchangeParticipant {

	/** The object type of incidents in bundles. */
	public static final String TYPE = ExchangeSelection.INCIDENT;

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Who the custody records of imports name; these stay in the workspace that imported. */
	static final String IMPORTER = "vigil import";

	/**
	 * Who the custody record of a redacted copy names. It travels on with the incident: whoever
	 * gets the incident next must know that these bytes are not the original's.
	 */
	static final String REDACTED_COPY = "vigil import of a redacted copy";

	private final Clock clock;

	/** Makes the participant DS registers. */
	public IncidentExchangeParticipant() {
		this(Clock.systemUTC());
	}

	/** Makes a participant with a clock, for tests. */
	public IncidentExchangeParticipant(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Set<String> types() {
		return Set.of(TYPE);
	}

	@Override
	public List<ExchangeObject> collect(ExchangeSelection selection, Workspace workspace)
			throws ExchangeException, WorkspaceException {
		List<String> ids = selection.kind().equals(ExchangeSelection.INCIDENT) ? selection.ids()
				: selection.idsOfType(TYPE);
		if (ids.isEmpty()) {
			return List.of();
		}
		IncidentStore store = IncidentStore.open(workspace, clock);
		List<ExchangeObject> objects = new ArrayList<>();
		for (String given : ids) {
			String id = store.resolve(given);
			Incident incident = store.get(id).orElseThrow(() -> new ExchangeException("no incident " + given));
			objects.add(object(incident, store.evidenceFiles()));
		}
		return objects;
	}

	@Override
	public Optional<ExchangeObject> current(String type, String id, Workspace workspace) throws WorkspaceException {
		IncidentStore store = IncidentStore.open(workspace, clock);
		Optional<Incident> incident = store.get(id);
		if (incident.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(object(incident.get(), store.evidenceFiles()));
		} catch (ExchangeException e) {
			throw new WorkspaceException(e.getMessage(), e);
		}
	}

	@Override
	public void store(List<ExchangeObject> objects, Workspace workspace) throws WorkspaceException {
		IncidentStore store = IncidentStore.open(workspace, clock);
		List<Incident> incidents = new ArrayList<>();
		for (ExchangeObject object : objects) {
			incidents.add(arrived(object, store.evidenceFiles()));
		}
		// Bytes first (content-addressed, so a failure leaves only unreferenced files), then every
		// incident in one transaction.
		try {
			store.upsertAll(incidents);
		} catch (IllegalArgumentException e) {
			throw new WorkspaceException("the bundle's incidents cannot be stored: " + e.getMessage(), e);
		}
	}

	/** Returns an incident as it travels. */
	static ExchangeObject object(Incident incident, EvidenceFiles files) throws ExchangeException {
		ObjectNode content = IncidentJson.toJson(withoutImportRecords(incident));
		for (JsonNode item : content.withArray("items")) {
			String snapshot = item.path("snapshot").asText("");
			if (!snapshot.isEmpty()) {
				try {
					((ObjectNode) item).set("snapshot", JSON.readTree(snapshot));
				} catch (JsonProcessingException e) {
					// Not JSON (an agent's text output, say): it travels as the text it is.
				}
			}
		}
		Map<String, Attachment> attachments = new LinkedHashMap<>();
		for (Evidence evidence : incident.evidence()) {
			if (attachments.containsKey(evidence.sha256())) {
				continue;
			}
			try (InputStream in = files.open(evidence.sha256())) {
				attachments.put(evidence.sha256(),
						new Attachment(evidence.sha256(), evidence.mediaType(), in.readAllBytes(), false));
			} catch (IOException e) {
				throw new ExchangeException("the bytes of evidence '" + evidence.name() + "' (" + evidence.sha256()
						+ ") of incident " + incident.id() + " cannot be read: " + e.getMessage(), e);
			}
		}
		return new ExchangeObject(TYPE, incident.id(), incident.updated(), content, List.copyOf(attachments.values()));
	}

	private static Incident withoutImportRecords(Incident incident) {
		List<Evidence> evidence = new ArrayList<>();
		for (Evidence item : incident.evidence()) {
			evidence.add(new Evidence(item.id(), item.name(), item.sha256(), item.size(), item.mediaType(), item.addedBy(),
					item.addedAt(), item.description(), item.source(),
					item.custody().stream().filter(entry -> !entry.who().equals(IMPORTER)).toList()));
		}
		return withEvidence(incident, evidence);
	}

	private static Incident withEvidence(Incident incident, List<Evidence> evidence) {
		return new Incident(incident.id(), incident.fields(), incident.status(), incident.phase(), incident.references(),
				incident.techniques(), incident.created(), incident.updated(), incident.notes(), incident.tasks(),
				incident.observables(), evidence, incident.items(), incident.stateChanges(), incident.marks());
	}

	/** Returns the incident an object brings, with its evidence bytes stored. */
	private Incident arrived(ExchangeObject object, EvidenceFiles files) throws WorkspaceException {
		ObjectNode content = object.content().deepCopy();
		for (JsonNode item : content.withArray("items")) {
			JsonNode snapshot = item.path("snapshot");
			if (snapshot.isObject() || snapshot.isArray()) {
				((ObjectNode) item).put("snapshot", snapshot.toString());
			}
		}
		Incident incident;
		try {
			incident = IncidentJson.fromJson(content);
		} catch (IllegalArgumentException e) {
			throw new WorkspaceException("incident " + object.id() + " in the bundle is not a Vigil incident: "
					+ e.getMessage(), e);
		}
		Map<String, String> storedAs = new LinkedHashMap<>();
		for (Attachment attachment : object.attachments()) {
			try {
				EvidenceFiles.Stored stored = files.add(new ByteArrayInputStream(attachment.data()));
				storedAs.put(attachment.name(), stored.sha256());
			} catch (IOException e) {
				throw new WorkspaceException("cannot store the evidence " + attachment.name() + " of incident "
						+ object.id() + ": " + e.getMessage(), e);
			}
		}
		List<Evidence> evidence = new ArrayList<>();
		for (Evidence item : incident.evidence()) {
			evidence.add(imported(item, storedAs.get(item.sha256()), files, incident.id()));
		}
		return withEvidence(incident, evidence);
	}

	private Evidence imported(Evidence item, String arrivedAs, EvidenceFiles files, String incidentId)
			throws WorkspaceException {
		List<CustodyEntry> custody = new ArrayList<>(item.custody());
		String hash = item.sha256();
		long size = item.size();
		if (arrivedAs == null) {
			if (!files.contains(hash)) {
				throw new WorkspaceException("evidence '" + item.name() + "' of incident " + incidentId
						+ " came without its bytes (" + hash + ")");
			}
			custody.add(new CustodyEntry(IMPORTER, clock.instant(), CustodyAction.IMPORTED,
					"imported; the bytes were already in this workspace"));
		} else if (!arrivedAs.equals(hash)) {
			custody.add(new CustodyEntry(REDACTED_COPY, clock.instant(), CustodyAction.IMPORTED,
					"imported as a redacted copy " + arrivedAs + "; the original's SHA-256 is " + hash));
			hash = arrivedAs;
			size = sizeOf(files, arrivedAs);
		} else {
			custody.add(new CustodyEntry(IMPORTER, clock.instant(), CustodyAction.IMPORTED,
					"imported from a signed bundle; the bytes match the SHA-256"));
		}
		return new Evidence(item.id(), item.name(), hash, size, item.mediaType(), item.addedBy(), item.addedAt(),
				item.description(), item.source(), custody);
	}

	private static long sizeOf(EvidenceFiles files, String hash) throws WorkspaceException {
		try {
			return java.nio.file.Files.size(files.path(hash));
		} catch (IOException e) {
			throw new WorkspaceException("cannot read the size of evidence " + hash + ": " + e.getMessage(), e);
		}
	}
}
