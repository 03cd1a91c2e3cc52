package io.vigil.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident with everything it holds, as the store reads it. Immutable: changes go through
 * {@link IncidentStore}.
 *
 * @param id {@code inc-} and 10 lowercase base32 characters, unique across workspaces
 * @param fields what handlers edit directly (title, summary, severity, owner, TLP, key dates...)
 * @param status whether it is open
 * @param phase where the response is
 * @param references links and documents about it, in the order added
 * @param techniques the ATT&amp;CK technique ids seen ({@code T1110}, {@code T1110.001}), in order added
 * @param created when it was created
 * @param updated when it was last changed
 * @param notes the handlers' notes, oldest first
 * @param tasks the tasks, oldest first
 * @param observables the observables, oldest first
 * @param evidence the evidence items, oldest first
 * @param items what was promoted into it, by when it occurred
 * @param stateChanges the history of its phase and status, oldest first
 * @param marks the marks on its timeline's entries, by entry key
 */
public record Incident(String id, IncidentFields fields, IncidentStatus status, IncidentPhase phase,
		List<String> references, List<String> techniques, Instant created, Instant updated, List<Note> notes,
		List<IncidentTask> tasks, List<Observable> observables, List<Evidence> evidence, List<PromotedItem> items,
		List<StateChange> stateChanges, List<EntryMark> marks) {

	/** Copies the lists. */
	public Incident {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(fields, "fields");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(phase, "phase");
		references = List.copyOf(references);
		techniques = List.copyOf(techniques);
		notes = List.copyOf(notes);
		tasks = List.copyOf(tasks);
		observables = List.copyOf(observables);
		evidence = List.copyOf(evidence);
		items = List.copyOf(items);
		stateChanges = List.copyOf(stateChanges);
		marks = List.copyOf(marks);
	}

	/** Returns the title. */
	public String title() {
		return fields.title();
	}

	/** Returns the summary text. */
	public String summary() {
		return fields.summary();
	}

	/** Returns the severity. */
	public IncidentSeverity severity() {
		return fields.severity();
	}

	/** Returns who leads the response, empty for nobody. */
	public String owner() {
		return fields.owner();
	}

	/** Returns the TLP level. */
	public Tlp tlp() {
		return fields.tlp();
	}

	/** Returns the key dates. */
	public KeyDates dates() {
		return fields.dates();
	}

	/** Returns the evidence item with an id. */
	public Optional<Evidence> evidence(String evidenceId) {
		return evidence.stream().filter(item -> item.id().equals(evidenceId)).findFirst();
	}

	/** Returns the promoted item of a source. */
	public Optional<PromotedItem> item(ItemKind kind, String sourceId) {
		return items.stream().filter(item -> item.kind() == kind && item.sourceId().equals(sourceId)).findFirst();
	}
}
