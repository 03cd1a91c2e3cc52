package io.vigil.rules.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import io.vigil.events.store.FacetCount;
import io.vigil.rules.alerts.AlertDraft;

/**
 * What a backtest found.
 *
 * @param alerts the alerts the rules would have raised, in the order streaming raises them
 * @param perDay the number of alerts per UTC day of their time
 * @param topGroups the grouped values with the most alerts, most first
 * @param scanned how many events were looked at
 * @param cancelled whether the backtest was cancelled before the end of the range
 */
public record BacktestResult(List<AlertDraft> alerts, SortedMap<LocalDate, Long> perDay, List<FacetCount> topGroups,
		long scanned, boolean cancelled) {
}
