package io.vigil.incidents;

/**
 * The incidents of the workbench's workspace, for the workbench's parts: the store, and promotion
 * from the workspace's events and alerts. Offered while the workbench has an event workspace and
 * its rules.
 */
public interface IncidentService {

	/** Returns the incidents. */
	IncidentStore store();

	/** Returns the promotion of the workspace's events and alerts into incidents. */
	IncidentPromotion promotion();
}
