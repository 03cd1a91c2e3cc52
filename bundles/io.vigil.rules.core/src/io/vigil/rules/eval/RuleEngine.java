package io.vigil.rules.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.rules.Rule;
import io.vigil.rules.RuleKind;
import io.vigil.rules.alerts.AlertDraft;

/**
 * Runs rules on events one at a time and raises alerts. Single-event rules raise one alert per
 * matching event. Correlations (Sigma's, and MozDef's thresholds) count per group in tumbling
 * windows aligned on the epoch, so the same events raise the same alerts in any order; a window
 * is kept until the newest event time seen is a timespan past its end, then forgotten. Dead-man
 * rules fire once their matches have been silent for their timespan, checked on each match and
 * on each {@link #tick(Instant)}. Thread-safe: many ingest threads may hand events at once.
 */
public final class RuleEngine {

	private final Consumer<AlertDraft> sink;
	private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);
	/**
	 * Held while an event's matches are counted. Ingest threads match in parallel but count one
	 * at a time: one lock per event instead of one per correlation it feeds, so two threads
	 * do not hand each counter's lock back and forth, which cost more processor time than the
	 * counting itself and hid from the profiler in the JVM's lock spinning.
	 */
	private final Object counting = new Object();
	private volatile Plan plan = new Plan(List.of(), Map.of(), List.of(), new EventMatcher[0]);

	/** Makes an engine that hands what it raises to a sink, on the thread that handed the event. */
	public RuleEngine(Consumer<AlertDraft> sink) {
		this.sink = sink;
	}

	/** What the engine runs: the rules that look at events, and the state of those that count. */
	private record Plan(List<Watcher> watchers, Map<String, CorrelationState> correlations, List<DeadmanState> deadmen,
			EventMatcher[] filters) {
	}

	/**
	 * A rule that looks at each event, and the correlations that count its matches.
	 *
	 * @param filter the index of its log source filter in the plan's filters, -1 for none
	 * @param detection what it checks once the filter passed
	 */
	private record Watcher(Rule rule, boolean alerts, CorrelationState own, DeadmanState deadman,
			List<CorrelationState> counters, int filter, EventMatcher detection) {
	}

	/**
	 * Replaces the rules, keeping the correlation state of rules whose text and version did not
	 * change. Dead-man rules new to the engine start counting their silence now.
	 */
	public synchronized void setRules(Collection<Rule> rules) {
		setRules(rules, Instant.now());
	}

	/** Replaces the rules; dead-man rules new to the engine start counting silence at {@code armed}. */
	public synchronized void setRules(Collection<Rule> rules, Instant armed) {
		Plan old = plan;
		Map<String, CorrelationState> correlations = new HashMap<>();
		List<DeadmanState> deadmen = new ArrayList<>();
		Map<String, List<CorrelationState>> countersByReference = new HashMap<>();
		for (Rule given : rules) {
			Rule rule = given.kind() == RuleKind.CORRELATION ? withReferencedCategory(given, rules) : given;
			if (rule.kind() == RuleKind.CORRELATION || rule.kind() == RuleKind.THRESHOLD) {
				CorrelationState previous = old.correlations().get(rule.id());
				CorrelationState state = previous != null && previous.sameRule(rule) ? previous
						: new CorrelationState(rule, sink);
				correlations.put(rule.id(), state);
				if (rule.kind() == RuleKind.CORRELATION) {
					for (String reference : rule.correlation().rules()) {
						countersByReference.computeIfAbsent(reference, key -> new ArrayList<>()).add(state);
					}
				}
			}
		}
		List<Watcher> watchers = new ArrayList<>();
		List<EventMatcher> filters = new ArrayList<>();
		for (Rule rule : rules) {
			if (rule.matcher() == null) {
				continue;
			}
			Set<CorrelationState> counters = new LinkedHashSet<>(countersByReference.getOrDefault(rule.id(), List.of()));
			if (!rule.header().name().isEmpty()) {
				counters.addAll(countersByReference.getOrDefault(rule.header().name(), List.of()));
			}
			DeadmanState deadman = null;
			if (rule.kind() == RuleKind.DEADMAN) {
				DeadmanState previous = old.deadmen().stream().filter(d -> d.sameRule(rule)).findFirst().orElse(null);
				deadman = previous != null ? previous : new DeadmanState(rule, armed, sink);
				deadmen.add(deadman);
			}
			boolean alerts = rule.generate() && rule.kind() == RuleKind.SIGMA;
			int filter = -1;
			EventMatcher detection = rule.matcher();
			if (rule.matcher() instanceof FilteredMatcher filtered) {
				filter = indexOf(filters, filtered.filter());
				detection = filtered.detection();
			}
			watchers.add(new Watcher(rule, alerts, correlations.get(rule.id()), deadman, List.copyOf(counters), filter,
					detection));
		}
		plan = new Plan(List.copyOf(watchers), Map.copyOf(correlations), List.copyOf(deadmen),
				filters.toArray(EventMatcher[]::new));
	}

	/** A correlation's alerts carry the category of the first rule it counts, when it names none. */
	private static Rule withReferencedCategory(Rule correlation, Collection<Rule> rules) {
		if (!correlation.header().category().equals("correlation")) {
			return correlation;
		}
		String first = correlation.correlation().rules().get(0);
		for (Rule rule : rules) {
			if (rule.kind() != RuleKind.CORRELATION && (rule.id().equals(first) || rule.header().name().equals(first))) {
				return correlation.withCategory(rule.header().category());
			}
		}
		return correlation;
	}

	private static int indexOf(List<EventMatcher> filters, EventMatcher filter) {
		for (int i = 0; i < filters.size(); i++) {
			if (filters.get(i) == filter) {
				return i;
			}
		}
		filters.add(filter);
		return filters.size() - 1;
	}

	/** Returns the ids of the rules the engine runs. */
	public List<String> ruleIds() {
		return plan.watchers().stream().map(w -> w.rule().id()).toList();
	}

	/** Checks one stored event against every rule. */
	public void accept(String id, Instant time, ObjectNode event) {
		Plan current = plan;
		EventView view = new EventView(id, time, event);
		long millis = time.toEpochMilli();
		if (millis > newest.get()) {
			newest.accumulateAndGet(millis, Math::max);
		}
		// Each log source filter is checked once per event: 0 unknown, 1 passed, 2 failed.
		byte[] filtered = new byte[current.filters().length];
		List<Watcher> counted = null;
		for (Watcher watcher : current.watchers()) {
			int filter = watcher.filter();
			if (filter >= 0) {
				if (filtered[filter] == 0) {
					filtered[filter] = current.filters()[filter].matches(view, null) ? (byte) 1 : (byte) 2;
				}
				if (filtered[filter] == 2) {
					continue;
				}
			}
			if (!watcher.detection().matches(view, null)) {
				continue;
			}
			if (watcher.alerts()) {
				sink.accept(SingleAlerts.of(watcher.rule(), view));
			}
			if (watcher.deadman() != null) {
				watcher.deadman().matched(time);
			}
			if (watcher.own() != null || !watcher.counters().isEmpty()) {
				if (counted == null) {
					counted = new ArrayList<>(4);
				}
				counted.add(watcher);
			}
		}
		if (counted != null) {
			count(counted, view);
		}
		long watermark = newest.get();
		for (CorrelationState state : current.correlations().values()) {
			state.expireBefore(watermark);
		}
	}

	private void count(List<Watcher> matched, EventView view) {
		synchronized (counting) {
			for (Watcher watcher : matched) {
				if (watcher.own() != null) {
					watcher.own().add(watcher.rule(), view);
				}
				for (CorrelationState counter : watcher.counters()) {
					counter.add(watcher.rule(), view);
				}
			}
		}
	}

	/**
	 * Moves time on for dead-man rules: those silent for their timespan by {@code now} fire.
	 * Streaming calls it with the wall clock, backtests with event time. Correlation windows go by
	 * event time alone, so that ingesting old events correlates them as they happened.
	 */
	public void tick(Instant now) {
		for (DeadmanState deadman : plan.deadmen()) {
			deadman.check(now);
		}
	}

	/** Closes every open window, as at the end of a backtest's range. */
	public void flush() {
		for (CorrelationState state : plan.correlations().values()) {
			state.expireBefore(Long.MAX_VALUE);
		}
	}
}
