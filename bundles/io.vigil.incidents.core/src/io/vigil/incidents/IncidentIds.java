package io.vigil.incidents;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes the ids of incidents and their children. Incidents are passed between handlers, so ids
 * are random rather than counted: {@code inc-} and 10 lowercase base32 characters (50 bits) for an
 * incident, a UUID for everything it holds.
 */
public final class IncidentIds {

	/** What every incident id looks like. */
	public static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z2-7]{10}");

	private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
	private static final int LENGTH = 10;

	private final SecureRandom random = new SecureRandom();

	/** Returns a new incident id. */
	public String newIncidentId() {
		StringBuilder id = new StringBuilder("inc-");
		for (int i = 0; i < LENGTH; i++) {
			id.append(BASE32.charAt(random.nextInt(BASE32.length())));
		}
		return id.toString();
	}

	/** Returns a new id for an incident's child (a note, a task, an item...). */
	public static String newChildId() {
		return UUID.randomUUID().toString();
	}
}
