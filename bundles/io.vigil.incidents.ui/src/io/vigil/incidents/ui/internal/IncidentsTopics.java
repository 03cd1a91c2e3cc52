package io.vigil.incidents.ui.internal;

import io.vigil.incidents.ui.IncidentExchangeUi;

/** Event broker topics between the incident parts. */
final class IncidentsTopics {

	/** An incident is to be shown in the editor and the timeline; the data is its id. */
	static final String OPEN = "io/vigil/incidents/ui/incident/open";
	/** An incident was created or changed; the data is its id. */
	static final String CHANGED = IncidentExchangeUi.INCIDENT_CHANGED_TOPIC;

	private IncidentsTopics() {
	}
}
