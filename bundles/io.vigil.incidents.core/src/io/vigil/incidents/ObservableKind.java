package io.vigil.incidents;

import java.util.Locale;

/** What an observable's value is. */
public enum ObservableKind {
	IP, USER, HOST, DOMAIN, HASH, URL;

	/** Returns the name as the command line and exports write it ({@code ip}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a kind written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static ObservableKind parse(String name) {
		return Labels.parse(ObservableKind.class, name, "observable kind");
	}
}
