package io.vigil.exchange;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * A capability that exports and imports its objects (incidents, events, alerts, evidence) through
 * workspace bundles. Capabilities register implementations as OSGi services; the exchange finds
 * the participant of each object type among them.
 */
public interface ExchangeParticipant {

	/** Returns the object types this participant owns; no two participants own the same type. */
	Set<String> types();

	/**
	 * Returns the objects a selection names, with the objects that belong to them (an incident's
	 * events, alerts and evidence, which may be of other participants' types).
	 *
	 * @return the objects, empty when the selection names nothing of this participant
	 * @throws ExchangeException if a selected object does not exist
	 */
	List<ExchangeObject> collect(ExchangeSelection selection, Workspace workspace)
			throws ExchangeException, WorkspaceException;

	/** Returns the workspace's copy of an object, for comparing with an imported one. */
	Optional<ExchangeObject> current(String type, String id, Workspace workspace) throws WorkspaceException;

	/**
	 * Adds or replaces objects of this participant's types, all in one transaction: either all are
	 * stored or none. The caller has decided every conflict.
	 */
	void store(List<ExchangeObject> objects, Workspace workspace) throws WorkspaceException;
}
