package io.vigil.incidents;

/** The Traffic Light Protocol (2.0) level: how far what an incident holds may be shared. */
public enum Tlp {
	CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

	/** Returns the level as TLP 2.0 writes it ({@code TLP:AMBER+STRICT}). */
	public String label() {
		return "TLP:" + name().replace("_", "+");
	}

	/**
	 * Reads a level such as {@code amber}, {@code AMBER+STRICT} or {@code TLP:RED}; {@code white}
	 * is TLP 1.0's name for {@link #CLEAR}.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static Tlp parse(String name) {
		String bare = name.strip().replaceFirst("(?i)^tlp:", "").replace('+', '_');
		return bare.equalsIgnoreCase("white") ? CLEAR : Labels.parse(Tlp.class, bare, "TLP level");
	}
}
