package io.vigil.incidents.ui.internal;

/** Event broker topics between the incident parts. */
final class IncidentsTopics {

	/** An incident is to be shown in the editor and the timeline; the data is its id. */
	static final String OPEN = "io/vigil/incidents/ui/incident/open";
	/** An incident was created or changed; the data is its id. */
	static final String CHANGED = "io/vigil/incidents/ui/incident/changed";

	private IncidentsTopics() {
	}
}
