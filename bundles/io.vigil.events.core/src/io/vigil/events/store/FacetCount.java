package io.vigil.events.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One value of a field and how many matching events have it.
 *
 * @param value the value, as indexed (keywords are cut at {@link IndexFields#MAX_KEYWORD} characters)
 * @param count the number of matching events with the value
 */
public record FacetCount(String value, long count) {

	/** Returns the most frequent values of a count by value, most frequent first, ties by value. */
	static List<FacetCount> top(Map<String, Long> frequencies, int top) {
		PriorityQueue<Map.Entry<String, Long>> best = new PriorityQueue<>(top + 1,
				(a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(a.getValue(), b.getValue())
						: b.getKey().compareTo(a.getKey()));
		for (Map.Entry<String, Long> entry : frequencies.entrySet()) {
			best.add(entry);
			if (best.size() > top) {
				best.poll();
			}
		}
		List<FacetCount> result = new ArrayList<>(best.size());
		while (!best.isEmpty()) {
			Map.Entry<String, Long> entry = best.poll();
			result.add(0, new FacetCount(entry.getKey(), entry.getValue()));
		}
		return result;
	}
}
