package io.vigil.rules.eval;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.vigil.events.TimeRange;
import io.vigil.events.store.EventStore;
import io.vigil.events.store.FacetCount;
import io.vigil.events.store.Hits;
import io.vigil.events.store.StoreSnapshot;
import io.vigil.events.store.StoredEvent;
import io.vigil.rules.Rule;
import io.vigil.rules.alerts.AlertDraft;

/**
 * Runs rules over stored events, oldest first, through the same {@link RuleEngine} that streaming
 * uses, so that a range gives the alerts streaming gave for it. Nothing is stored.
 */
public final class Backtest {

	private static final int PAGE = 1000;
	private static final int TOP_GROUPS = 10;

	private Backtest() {
	}

	/**
	 * Runs rules over the events of a range of a store.
	 *
	 * @param monitor progress and cancellation; a cancelled run returns what it found so far
	 */
	public static BacktestResult run(EventStore store, List<Rule> rules, TimeRange range, Clock clock,
			IProgressMonitor monitor) throws IOException {
		List<AlertDraft> alerts = Collections.synchronizedList(new ArrayList<>());
		RuleEngine engine = new RuleEngine(alerts::add);
		long scanned = 0;
		boolean cancelled = false;
		try (StoreSnapshot snapshot = store.snapshot(range)) {
			Hits hits = snapshot.collect(new MatchAllDocsQuery()).sorted(null, false);
			SubMonitor progress = SubMonitor.convert(monitor, "Backtesting " + rules.size() + " rules", hits.size());
			Instant armed = range.from() != null ? range.from()
					: hits.size() > 0 ? snapshot.events(hits, 0, 1).get(0).time() : clock.instant();
			engine.setRules(rules, armed);
			for (int from = 0; from < hits.size() && !cancelled; from += PAGE) {
				for (StoredEvent event : snapshot.events(hits, from, Math.min(PAGE, hits.size() - from))) {
					engine.tick(event.time());
					engine.accept(event.id(), event.time(), event.json());
					scanned++;
				}
				progress.worked(Math.min(PAGE, hits.size() - from));
				cancelled = progress.isCanceled();
			}
		}
		if (!cancelled) {
			engine.flush();
			Instant end = range.to() != null ? range.to() : clock.instant();
			engine.tick(end.isAfter(clock.instant()) ? clock.instant() : end);
		}
		return summarize(List.copyOf(alerts), scanned, cancelled);
	}

	/** Runs rules over events given whole, in the order given (the test pane's pasted events). */
	public static List<AlertDraft> run(List<Rule> rules, List<StoredEvent> events) {
		List<AlertDraft> alerts = Collections.synchronizedList(new ArrayList<>());
		RuleEngine engine = new RuleEngine(alerts::add);
		engine.setRules(rules, events.isEmpty() ? Instant.EPOCH : events.get(0).time());
		for (StoredEvent event : events) {
			engine.tick(event.time());
			engine.accept(event.id(), event.time(), event.json());
		}
		engine.flush();
		return List.copyOf(alerts);
	}

	/** Counts alerts per day and grouped value. */
	public static BacktestResult summarize(List<AlertDraft> alerts, long scanned, boolean cancelled) {
		SortedMap<LocalDate, Long> perDay = new TreeMap<>();
		Map<String, Long> groups = new HashMap<>();
		for (AlertDraft alert : alerts) {
			perDay.merge(LocalDate.ofInstant(alert.time(), ZoneOffset.UTC), 1L, Long::sum);
			if (!alert.groupValue().isEmpty()) {
				groups.merge(alert.groupValue(), 1L, Long::sum);
			}
		}
		List<FacetCount> top = groups.entrySet().stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(TOP_GROUPS).map(e -> new FacetCount(e.getKey(), e.getValue())).toList();
		return new BacktestResult(alerts, perDay, top, scanned, cancelled);
	}
}
