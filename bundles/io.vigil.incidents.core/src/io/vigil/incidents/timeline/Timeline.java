package io.vigil.incidents.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.vigil.incidents.EntryMark;
import io.vigil.incidents.Incident;

/**
 * An incident's timeline: its promoted items, notes, tasks, evidence and state changes as entries
 * sorted by when they happened (then by when they were known, then by key), with the handlers'
 * marks merged in. Immutable; range queries are binary searches, so a view can ask for what is
 * visible as often as it draws.
 */
public final class Timeline {

	/** The order of entries: occurred, then discovered, then key. */
	public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::occurred)
			.thenComparing(TimelineEntry::discovered).thenComparing((TimelineEntry entry) -> entry.key());

	private final List<TimelineEntry> entries;

	private Timeline(List<TimelineEntry> sorted) {
		this.entries = List.copyOf(sorted);
	}

	/** Returns the timeline of an incident, with its marks. */
	public static Timeline of(Incident incident) {
		return of(TimelineEntries.of(incident)).withMarks(incident.marks());
	}

	/** Returns the timeline of some entries, in any order. */
	public static Timeline of(Collection<TimelineEntry> entries) {
		List<TimelineEntry> sorted = new ArrayList<>(entries);
		sorted.sort(ORDER);
		return new Timeline(sorted);
	}

	/** Returns the entries, sorted. */
	public List<TimelineEntry> entries() {
		return entries;
	}

	/** Returns how many entries there are. */
	public int size() {
		return entries.size();
	}

	/** Returns whether there are no entries. */
	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Returns the entry at an index of the sorted order. */
	public TimelineEntry get(int index) {
		return entries.get(index);
	}

	/** Returns when the first entry happened. */
	public Optional<Instant> first() {
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).occurred());
	}

	/** Returns when the last entry happened. */
	public Optional<Instant> last() {
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).occurred());
	}

	/** Returns the index of the first entry that happened at or after an instant ({@link #size()} if none). */
	public int indexAtOrAfter(Instant instant) {
		int low = 0;
		int high = entries.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (entries.get(middle).occurred().isBefore(instant)) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}

	/** Returns the entries that happened in {@code [from, to)}, sorted; a view of this timeline's list. */
	public List<TimelineEntry> between(Instant from, Instant to) {
		int start = indexAtOrAfter(from);
		int end = Math.max(start, indexAtOrAfter(to));
		return entries.subList(start, end);
	}

	/** Returns the entry with a key. */
	public Optional<TimelineEntry> find(String key) {
		return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
	}

	/**
	 * Returns the entries of some kinds (all kinds when none are given) whose texts (title, lanes,
	 * origin id, tags, comment) contain every word of a text, in any case.
	 */
	public Timeline filter(Set<EntryKind> kinds, String text) {
		String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).strip().split("\\s+");
		List<TimelineEntry> kept = new ArrayList<>();
		for (TimelineEntry entry : entries) {
			if ((kinds.isEmpty() || kinds.contains(entry.kind())) && contains(entry, words)) {
				kept.add(entry);
			}
		}
		return new Timeline(kept);
	}

	private static boolean contains(TimelineEntry entry, String[] words) {
		String haystack = String.join("\n", entry.title(), entry.host(), entry.user(), entry.source(),
				entry.originId(), String.join(" ", entry.tags()), entry.comment()).toLowerCase(Locale.ROOT);
		for (String word : words) {
			if (!word.isEmpty() && !haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	/** Returns the starred entries. */
	public Timeline starred() {
		return new Timeline(entries.stream().filter(TimelineEntry::starred).toList());
	}

	/**
	 * Returns the swim lanes by a key: one per value, sorted by value (ignoring case), then the
	 * lane of entries without a value (named {@code ""}) when there are any.
	 */
	public List<Lane> lanes(LaneKey key) {
		Map<String, List<TimelineEntry>> byValue = new TreeMap<>(
				Comparator.comparing((String value) -> value.toLowerCase(Locale.ROOT)).thenComparing(value -> value));
		List<TimelineEntry> none = new ArrayList<>();
		for (TimelineEntry entry : entries) {
			String value = key.of(entry);
			if (value.isEmpty()) {
				none.add(entry);
			} else {
				byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(entry);
			}
		}
		List<Lane> lanes = new ArrayList<>();
		byValue.forEach((value, laneEntries) -> lanes.add(new Lane(value, new Timeline(laneEntries))));
		if (!none.isEmpty()) {
			lanes.add(new Lane("", new Timeline(none)));
		}
		return lanes;
	}

	/** Returns this timeline with marks merged into the entries they name (others are ignored). */
	public Timeline withMarks(Collection<EntryMark> marks) {
		if (marks.isEmpty()) {
			return this;
		}
		Map<String, EntryMark> byKey = new HashMap<>();
		marks.forEach(mark -> byKey.put(mark.entryKey(), mark));
		List<TimelineEntry> marked = new ArrayList<>(entries.size());
		for (TimelineEntry entry : entries) {
			EntryMark mark = byKey.get(entry.key());
			marked.add(mark == null ? entry : entry.marked(mark));
		}
		return new Timeline(marked);
	}
}
