package io.vigil.incidents.ui;

import org.eclipse.swt.widgets.Shell;

/**
 * The workbench side of exporting incidents into bundle files and importing bundles, offered as
 * an OSGi service by the bundle that signs, redacts and verifies them. The Incidents perspective's
 * File menu items call it; without such a service they say that exchange is not installed.
 * Implementations run their own dialogs and jobs, and return at once.
 */
public interface IncidentExchangeUi {

	/**
	 * The event broker topic that tells the incident parts an incident was created or changed
	 * outside them (by an import, a promotion); the data is the incident's id.
	 */
	String INCIDENT_CHANGED_TOPIC = "io/vigil/incidents/ui/incident/changed";

	/**
	 * Exports an incident: asks where to and how (signing key, recipients, redaction), shows what
	 * will leave, and writes the bundle in the background.
	 *
	 * @param shell the window to open dialogs over
	 * @param incidentId the incident to export
	 */
	void exportIncident(Shell shell, String incidentId);

	/**
	 * Imports a bundle: asks for the file, verifies it, and opens it read-only or merges it.
	 *
	 * @param shell the window to open dialogs over
	 */
	void importBundle(Shell shell);
}
