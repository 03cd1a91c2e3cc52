package io.vigil.events.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.EventFields;

/**
 * The columns of events laid out as a table: every leaf path of the events, MozDef's top-level
 * fields first in their usual order, then {@code details.*}, then the rest, each group sorted.
 * Arrays are one column (their values joined).
 */
public final class EventColumns {

	/** The columns a results table shows when the user chose none. */
	public static final List<String> DEFAULT = List.of(EventFields.UTC_TIMESTAMP, EventFields.SEVERITY,
			EventFields.CATEGORY, EventFields.HOSTNAME, EventFields.SUMMARY);

	private EventColumns() {
	}

	/** Adds the leaf paths of an event to a set. */
	public static void collect(JsonNode event, Set<String> paths) {
		collect(event, "", paths);
	}

	private static void collect(JsonNode node, String prefix, Set<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				String path = prefix.isEmpty() ? member.getKey() : prefix + '.' + member.getKey();
				collect(member.getValue(), path, paths);
			}
		} else if (!prefix.isEmpty() && !node.isNull()) {
			paths.add(prefix);
		}
	}

	/** Returns the paths in column order. */
	public static List<String> order(Collection<String> paths) {
		List<String> ordered = new ArrayList<>(new TreeSet<>(paths));
		ordered.sort(Comparator.comparingInt(EventColumns::group).thenComparingInt(EventColumns::topLevelRank)
				.thenComparing(Comparator.naturalOrder()));
		return ordered;
	}

	private static int group(String path) {
		if (EventFields.TOP_LEVEL.contains(path)) {
			return 0;
		}
		if (path.startsWith(EventFields.DETAILS + '.')) {
			return 1;
		}
		if (path.startsWith(EventFields.VIGIL + '.')) {
			return 3;
		}
		return 2;
	}

	private static int topLevelRank(String path) {
		int rank = EventFields.TOP_LEVEL.indexOf(path);
		return rank < 0 ? Integer.MAX_VALUE : rank;
	}
}
