package io.vigil.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A capability that takes part when a command stores events: alert rules, for example, look at
 * every event a command ingests or collects. Offered as an OSGi service; the commands that store
 * events join every participant to the event workspace they open.
 */
public interface EventWorkspaceParticipant {

	/**
	 * Joins an event workspace that a command opened to store events.
	 *
	 * @param warnings where to report problems that do not stop the command
	 * @return what to close once the command has stored its last event
	 */
	AutoCloseable join(EventWorkspace events, Consumer<String> warnings) throws Exception;

	/** Joins every participant, and returns one handle that closes them all, last joined first. */
	static AutoCloseable joinAll(List<EventWorkspaceParticipant> participants, EventWorkspace events,
			Consumer<String> warnings) throws Exception {
		List<AutoCloseable> joined = new ArrayList<>();
		AutoCloseable all = () -> {
			Exception failure = null;
			for (int i = joined.size() - 1; i >= 0; i--) {
				try {
					joined.get(i).close();
				} catch (Exception e) {
					failure = failure == null ? e : failure;
				}
			}
			if (failure != null) {
				throw failure;
			}
		};
		try {
			for (EventWorkspaceParticipant participant : participants) {
				joined.add(participant.join(events, warnings));
			}
		} catch (Exception e) {
			try {
				all.close();
			} catch (Exception suppressed) {
				e.addSuppressed(suppressed);
			}
			throw e;
		}
		return all;
	}
}
