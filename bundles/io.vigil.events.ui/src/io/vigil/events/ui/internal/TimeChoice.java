package io.vigil.events.ui.internal;

import java.util.List;

/**
 * The time ranges the query bar offers, as the expressions that saved searches keep
 * ({@code -24h}), so that a saved "last 24 hours" moves with time.
 *
 * @param label what the user sees
 * @param from the start expression, or {@code null} for none
 * @param to the end expression, or {@code null} for none
 */
record TimeChoice(String label, String from, String to) {

	/** The range the user types in the From and To fields. */
	static final TimeChoice CUSTOM = new TimeChoice(Messages.Time_custom, null, null);

	/** The ranges offered, the first being the default. */
	static final List<TimeChoice> PRESETS = List.of(new TimeChoice(Messages.Time_all, null, null),
			new TimeChoice(Messages.Time_15m, "-15m", null), new TimeChoice(Messages.Time_1h, "-1h", null),
			new TimeChoice(Messages.Time_24h, "-24h", null), new TimeChoice(Messages.Time_7d, "-7d", null),
			new TimeChoice(Messages.Time_30d, "-30d", null), CUSTOM);

	/** Returns the preset with these ends, or the custom choice. */
	static TimeChoice of(String from, String to) {
		for (TimeChoice choice : PRESETS) {
			if (choice != CUSTOM && equal(choice.from, from) && equal(choice.to, to)) {
				return choice;
			}
		}
		return CUSTOM;
	}

	private static boolean equal(String a, String b) {
		return (a == null || a.isBlank()) ? (b == null || b.isBlank()) : a.equals(b);
	}
}
