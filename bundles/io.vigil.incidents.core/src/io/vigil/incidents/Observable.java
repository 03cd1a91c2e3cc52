package io.vigil.incidents;

import java.time.Instant;

import io.vigil.events.EventFields;

/**
 * A value seen in an incident (an address, an account, a host...) that its handlers look for
 * elsewhere.
 *
 * @param id a UUID, unique across workspaces
 * @param kind what the value is
 * @param value the value
 * @param comment why it matters
 * @param added when it was added
 */
public record Observable(String id, ObservableKind kind, String value, String comment, Instant added) {

	/**
	 * Returns the Event Search query that finds the events holding this value: an address in the
	 * source or destination address, a user name, a host name; the other kinds (domains, hashes,
	 * URLs) as a phrase anywhere in an event.
	 */
	public String pivotQuery() {
		String quoted = quote(value);
		return switch (kind) {
			case IP -> EventFields.SOURCE_IP + ":" + quoted + " OR " + EventFields.DESTINATION_IP + ":" + quoted;
			case USER -> EventFields.USERNAME + ":" + quoted;
			case HOST -> EventFields.HOSTNAME + ":" + quoted;
			case DOMAIN, HASH, URL -> quoted;
		};
	}

	private static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}
