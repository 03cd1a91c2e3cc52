package io.vigil.rules;

import java.util.Locale;

/** How serious a rule's alerts are: Sigma's levels, lowest first. */
public enum RuleLevel {
	INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

	/** Returns the level's name as Sigma writes it ({@code high}). */
	public String sigmaName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the level Sigma (or MozDef) names, ignoring case; MozDef's {@code WARNING} and
	 * {@code NOTICE} are {@link #MEDIUM} and {@link #LOW}, {@code INFO} is {@link #INFORMATIONAL}.
	 *
	 * @throws IllegalArgumentException for any other name
	 */
	public static RuleLevel parse(String name) {
		return switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "informational", "info", "debug" -> INFORMATIONAL;
			case "low", "notice" -> LOW;
			case "medium", "warning" -> MEDIUM;
			case "high", "error" -> HIGH;
			case "critical", "emergency", "alert" -> CRITICAL;
			default -> throw new IllegalArgumentException("unknown level '" + name
					+ "' (expected informational, low, medium, high or critical)");
		};
	}
}
