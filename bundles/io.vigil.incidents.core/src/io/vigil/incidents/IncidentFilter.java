package io.vigil.incidents;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which incidents to list. Empty sets and texts select everything.
 *
 * @param statuses the statuses wanted
 * @param owner the owner wanted (exactly)
 * @param severities the severities wanted
 * @param phases the phases wanted
 * @param text words that the title, summary or id must contain (any case)
 */
public record IncidentFilter(Set<IncidentStatus> statuses, String owner, Set<IncidentSeverity> severities,
		Set<IncidentPhase> phases, String text) {

	/** Every incident. */
	public static final IncidentFilter ALL = new IncidentFilter(Set.of(), "", Set.of(), Set.of(), "");

	/** Copies the sets and replaces missing texts by empty ones. */
	public IncidentFilter {
		statuses = Set.copyOf(statuses);
		owner = Objects.requireNonNullElse(owner, "");
		severities = Set.copyOf(severities);
		phases = Set.copyOf(phases);
		text = Objects.requireNonNullElse(text, "");
	}

	/** Returns whether an incident is selected. */
	public boolean test(Incident incident) {
		return (statuses.isEmpty() || statuses.contains(incident.status()))
				&& (owner.isEmpty() || owner.equals(incident.owner()))
				&& (severities.isEmpty() || severities.contains(incident.severity()))
				&& (phases.isEmpty() || phases.contains(incident.phase())) && matchesText(incident);
	}

	private boolean matchesText(Incident incident) {
		String haystack = (incident.id() + " " + incident.title() + " " + incident.summary())
				.toLowerCase(Locale.ROOT);
		for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!word.isEmpty() && !haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}
}
