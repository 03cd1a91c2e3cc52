package io.vigil.rules.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.Rule;
import io.vigil.rules.RuleHeader;
import io.vigil.rules.alerts.AlertDraft;

/**
 * The open windows of one correlation (or threshold) rule, per grouped value. Memory is bounded:
 * at most {@link #MAX_WINDOWS} windows, {@link #MAX_VALUES} distinct values and
 * {@link #MAX_TIMES} match times per rule and window.
 */
final class CorrelationState {

	static final int MAX_WINDOWS = 100_000;
	static final int MAX_VALUES = 10_000;
	static final int MAX_TIMES = 1_000;

	private final Rule rule;
	private final CorrelationSpec spec;
	private final long span;
	private final Consumer<AlertDraft> sink;
	/** The open windows by start, then by grouped value. */
	private final TreeMap<Long, Map<String, Window>> windows = new TreeMap<>();
	private int open;
	private final boolean temporal;
	/** When the first open window may close; read without the lock to skip most expiry checks. */
	private volatile long nextExpiry = Long.MAX_VALUE;

	CorrelationState(Rule rule, Consumer<AlertDraft> sink) {
		this.rule = rule;
		this.spec = rule.correlation();
		this.span = spec.timespan().toMillis();
		this.sink = sink;
		this.temporal = spec.type() == CorrelationSpec.Type.TEMPORAL || spec.type() == CorrelationSpec.Type.TEMPORAL_ORDERED;
	}

	boolean sameRule(Rule other) {
		return rule.sameAs(other);
	}

	/** One group's window. */
	private final class Window {

		final String group;
		final long start;
		long count;
		long last = Long.MIN_VALUE;
		// Made only for the correlation types that need them: most windows never fire.
		final Set<String> values = spec.type() == CorrelationSpec.Type.VALUE_COUNT ? new HashSet<>() : Set.of();
		final List<TreeSet<Long>> times = new ArrayList<>(temporal ? spec.rules().size() : 0);
		final List<String> ids = new ArrayList<>(4);
		final List<ObjectNode> samples = new ArrayList<>(2);
		final List<Long> sampleTimes = new ArrayList<>(2);
		final List<Rule> sampleRules = new ArrayList<>(2);
		boolean fired;

		Window(String group, long start) {
			this.group = group;
			this.start = start;
			for (int i = 0; temporal && i < spec.rules().size(); i++) {
				times.add(new TreeSet<>());
			}
		}

		long measure() {
			return switch (spec.type()) {
				case VALUE_COUNT -> values.size();
				case TEMPORAL, TEMPORAL_ORDERED -> times.stream().filter(t -> !t.isEmpty()).count();
				default -> count;
			};
		}

		boolean satisfied() {
			return switch (spec.type()) {
				case TEMPORAL -> spec.condition() == null ? times.stream().noneMatch(TreeSet::isEmpty)
						: spec.condition().test(measure());
				case TEMPORAL_ORDERED -> inOrder();
				default -> spec.condition().test(measure());
			};
		}

		/** Whether each rule matched after the one before it, in the order the correlation gives. */
		private boolean inOrder() {
			long after = Long.MIN_VALUE;
			for (TreeSet<Long> each : times) {
				Long next = each.higher(after);
				if (next == null) {
					return false;
				}
				after = next;
			}
			return true;
		}
	}

	/** Counts a match of a referenced rule. */
	synchronized void add(Rule source, EventView event) {
		String group = group(event);
		if (group == null) {
			return;
		}
		long time = event.time().toEpochMilli();
		long start = Math.floorDiv(time, span) * span;
		if (start + 2 * span <= watermark) {
			return; // its window closed already
		}
		Map<String, Window> groups = windows.computeIfAbsent(start, key -> new HashMap<>());
		Window window = groups.get(group);
		if (window == null) {
			if (open >= MAX_WINDOWS) {
				closeOldest();
				groups = windows.computeIfAbsent(start, key -> new HashMap<>());
			}
			window = new Window(group, start);
			groups.put(group, window);
			open++;
			nextExpiry = windows.firstKey() + 2 * span;
		}
		record(window, source, event, time);
		boolean early = spec.condition() == null || spec.condition().firesEarly()
				|| spec.type() == CorrelationSpec.Type.TEMPORAL_ORDERED;
		if (!window.fired && early && window.satisfied()) {
			fire(window);
		}
	}

	private long watermark = Long.MIN_VALUE;

	private void record(Window window, Rule source, EventView event, long time) {
		window.count++;
		window.last = Math.max(window.last, time);
		if (spec.type() == CorrelationSpec.Type.VALUE_COUNT && window.values.size() < MAX_VALUES) {
			String value = event.first(spec.condition().field());
			if (!value.isEmpty()) {
				window.values.add(value);
			}
		}
		if (temporal) {
			int index = referenceIndex(source);
			if (index >= 0 && window.times.get(index).size() < MAX_TIMES) {
				window.times.get(index).add(time);
			}
		}
		if (window.ids.size() < AlertDraft.MAX_EVENT_IDS) {
			window.ids.add(event.id());
		}
		if (window.samples.size() < AlertDraft.MAX_SAMPLES) {
			// The event alone, not its view: a window keeps its samples until it closes.
			window.samples.add(event.json());
			window.sampleTimes.add(time);
			window.sampleRules.add(source);
		}
	}

	private int referenceIndex(Rule source) {
		List<String> references = spec.rules();
		for (int i = 0; i < references.size(); i++) {
			String reference = references.get(i);
			if (reference.equals(source.id()) || reference.equals(source.header().name())) {
				return i;
			}
		}
		return -1;
	}

	private String group(EventView event) {
		if (spec.groupBy().isEmpty()) {
			return "";
		}
		StringBuilder group = new StringBuilder();
		for (String field : spec.groupBy()) {
			String value = event.first(field);
			if (value.isEmpty()) {
				return null;
			}
			group.append(group.isEmpty() ? "" : ", ").append(value);
		}
		return group.toString();
	}

	/** Closes the windows that ended a timespan or more before a time: late arrivals are over. */
	void expireBefore(long now) {
		// Most events close nothing; those skip the lock. The watermark then moves on at the next
		// expiry, which only lets a late event in where it could have been left out.
		if (now >= nextExpiry) {
			expire(now);
		}
	}

	private synchronized void expire(long now) {
		watermark = Math.max(watermark, now);
		while (!windows.isEmpty() && (now == Long.MAX_VALUE || windows.firstKey() + 2 * span <= now)) {
			closeOldest();
		}
		nextExpiry = windows.isEmpty() ? Long.MAX_VALUE : windows.firstKey() + 2 * span;
	}

	/** Closes every window of the oldest start. */
	private void closeOldest() {
		Map.Entry<Long, Map<String, Window>> oldest = windows.pollFirstEntry();
		if (oldest != null) {
			for (Window window : oldest.getValue().values()) {
				close(window);
			}
			open -= oldest.getValue().size();
		}
	}

	private void close(Window window) {
		if (!window.fired && window.satisfied()) {
			fire(window);
		}
	}

	private void fire(Window window) {
		window.fired = true;
		RuleHeader header = rule.header();
		Instant start = Instant.ofEpochMilli(window.start);
		Instant end = Instant.ofEpochMilli(window.start + span);
		String groupField = String.join(", ", spec.groupBy());
		String summary = header.title() + ": " + window.measure() + " " + unit() + (window.group.isEmpty() ? ""
				: " for " + window.group) + " within " + spec.timespan().toMinutes() + " min";
		Instant time = window.last == Long.MIN_VALUE ? end : Instant.ofEpochMilli(window.last);
		List<ObjectNode> samples = new ArrayList<>(window.samples.size());
		Map<String, List<String>> matched = new LinkedHashMap<>();
		for (int i = 0; i < window.samples.size(); i++) {
			EventView sample = new EventView(window.ids.get(i), Instant.ofEpochMilli(window.sampleTimes.get(i)),
					window.samples.get(i));
			samples.add(sample.json());
			matched.put(sample.id(), SingleAlerts.matchedFields(window.sampleRules.get(i), sample));
		}
		sink.accept(new AlertDraft(window.group + "@" + window.start, header.id(), header.version(), header.title(), summary,
				header.level(), header.category(), header.tags(), header.attackIds(), groupField, window.group, time, start,
				end, window.count, window.ids, samples, matched));
	}

	private String unit() {
		return switch (spec.type()) {
			case VALUE_COUNT -> "distinct " + spec.condition().field() + " values";
			case TEMPORAL, TEMPORAL_ORDERED -> "of " + spec.rules().size() + " rules matched";
			default -> "events";
		};
	}
}
