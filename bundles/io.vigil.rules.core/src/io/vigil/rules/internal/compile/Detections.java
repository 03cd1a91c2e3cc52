package io.vigil.rules.internal.compile;

import java.util.List;
import java.util.Set;

import io.vigil.rules.eval.EventMatcher;
import io.vigil.rules.eval.FilteredMatcher;
import io.vigil.rules.eval.EventView;

/** The boolean forms a Sigma detection compiles into. */
final class Detections {

	/** Matches every event: a rule whose log source needs no filter. */
	static final EventMatcher ANY = (event, matched) -> true;

	private Detections() {
	}

	/** Every part must match. */
	static EventMatcher and(List<EventMatcher> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		EventMatcher[] all = parts.toArray(EventMatcher[]::new);
		return (event, matched) -> {
			for (EventMatcher part : all) {
				if (!part.matches(event, matched)) {
					return false;
				}
			}
			return true;
		};
	}

	/** One part must match; with a set to fill, every matching part adds its fields. */
	static EventMatcher or(List<EventMatcher> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		EventMatcher[] any = parts.toArray(EventMatcher[]::new);
		return (event, matched) -> {
			boolean found = false;
			for (EventMatcher part : any) {
				if (part.matches(event, matched)) {
					if (matched == null) {
						return true;
					}
					found = true;
				}
			}
			return found;
		};
	}

	/** The part must not match; what it looks at is not a reason for a match. */
	static EventMatcher not(EventMatcher part) {
		return (event, matched) -> !part.matches(event, null);
	}

	/** At least {@code count} of the parts must match. */
	static EventMatcher atLeast(int count, List<EventMatcher> parts) {
		if (count == 1) {
			return or(parts);
		}
		if (count >= parts.size()) {
			return and(parts);
		}
		EventMatcher[] all = parts.toArray(EventMatcher[]::new);
		return (event, matched) -> {
			int hits = 0;
			for (EventMatcher part : all) {
				if (part.matches(event, matched) && ++hits >= count && matched == null) {
					return true;
				}
			}
			return hits >= count;
		};
	}

	/** Matches when the rule's log source filter and its detection both match. */
	static EventMatcher within(EventMatcher logsource, EventMatcher detection) {
		if (logsource == ANY) {
			return detection;
		}
		return new FilteredMatcher(logsource, detection);
	}

	/** Adds a path to a set that may be absent. */
	static void note(Set<String> matched, String path) {
		if (matched != null) {
			matched.add(path);
		}
	}

	/** Returns whether an event has any value at any of the paths. */
	static boolean hasAny(EventView event, List<String> paths) {
		for (String path : paths) {
			if (event.has(path)) {
				return true;
			}
		}
		return false;
	}
}
