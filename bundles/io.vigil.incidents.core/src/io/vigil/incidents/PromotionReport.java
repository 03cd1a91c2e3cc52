package io.vigil.incidents;

import java.util.ArrayList;
import java.util.List;

/**
 * What a promotion did.
 *
 * @param added how many items were added
 * @param present how many the incident held already (not added again)
 * @param missingEvents the ids of events asked for that the event store does not have (an alert's
 *            events may have been dropped by retention)
 */
public record PromotionReport(int added, int present, List<String> missingEvents) {

	/** Copies the list. */
	public PromotionReport {
		missingEvents = List.copyOf(missingEvents);
	}

	/** Returns this report and another added together. */
	public PromotionReport plus(PromotionReport other) {
		List<String> missing = new ArrayList<>(missingEvents);
		missing.addAll(other.missingEvents);
		return new PromotionReport(added + other.added, present + other.present, missing);
	}
}
