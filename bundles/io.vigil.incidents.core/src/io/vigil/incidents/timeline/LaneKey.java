package io.vigil.incidents.timeline;

/** What a timeline's swim lanes group entries by. */
public enum LaneKey {
	HOST, USER, SOURCE;

	/** Returns an entry's value for this key (empty when it has none). */
	public String of(TimelineEntry entry) {
		return switch (this) {
			case HOST -> entry.host();
			case USER -> entry.user();
			case SOURCE -> entry.source();
		};
	}
}
