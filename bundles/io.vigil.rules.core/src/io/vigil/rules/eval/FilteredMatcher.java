package io.vigil.rules.eval;

import java.util.Set;

/**
 * A detection behind its log source's filter. Rules of one log source share the filter, so the
 * engine checks it once per event for all of them.
 *
 * @param filter which events the rule's log source means
 * @param detection the rule's detection
 */
public record FilteredMatcher(EventMatcher filter, EventMatcher detection) implements EventMatcher {

	@Override
	public boolean matches(EventView event, Set<String> matched) {
		return filter.matches(event, null) && detection.matches(event, matched);
	}
}
