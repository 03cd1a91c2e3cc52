package io.vigil.events.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.search.Query;

import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.records.Dashboard;
import io.vigil.events.records.SavedSearch;
import io.vigil.events.store.FacetCount;
import io.vigil.events.store.Histogram;
import io.vigil.events.store.StoreSnapshot;
import io.vigil.events.store.StoredEvent;

/**
 * What a dashboard tile shows, computed from its saved search: a count, top values, a
 * histogram or the latest events; or the problem that keeps it from showing anything.
 *
 * @param tile the tile
 * @param count the number of matches
 * @param values the top values, for a top values tile
 * @param histogram the histogram, for a histogram tile
 * @param latest the newest events, for a latest events tile
 * @param problem why the tile shows nothing (its search is gone or broken), or {@code null}
 */
public record TileData(Dashboard.Tile tile, long count, List<FacetCount> values, Histogram histogram,
		List<StoredEvent> latest, String problem) {

	/** How many events a latest events tile shows. */
	public static final int LATEST = 8;
	/** How many values a top values tile shows. */
	public static final int TOP = 8;

	/** Computes a tile. */
	public static TileData of(EventWorkspace events, Dashboard.Tile tile, Clock clock) throws IOException {
		Optional<SavedSearch> saved;
		try {
			saved = events.records().savedSearch(tile.search());
		} catch (java.sql.SQLException e) {
			throw new IOException("cannot read saved search '" + tile.search() + "': " + e.getMessage(), e);
		}
		if (saved.isEmpty()) {
			return failed(tile, "no saved search is named '" + tile.search() + "'");
		}
		Optional<TimeRange> range = range(saved.get(), clock);
		if (range.isEmpty()) {
			return failed(tile, "the time range of '" + tile.search() + "' cannot be read");
		}
		try (StoreSnapshot snapshot = events.store().snapshot(range.get())) {
			Query query = new EventQueryParser(snapshot.fields(), clock).parse(saved.get().query());
			return switch (tile.kind()) {
			case COUNT -> new TileData(tile, snapshot.count(query), List.of(), null, List.of(), null);
			case TOP_VALUES -> new TileData(tile, snapshot.count(query), snapshot.facet(query, tile.field(), TOP), null,
					List.of(), null);
			case HISTOGRAM -> {
				var matches = snapshot.collect(query);
				yield new TileData(tile, matches.size(), List.of(), matches.histogram(range.get(), 60), List.of(), null);
			}
			case LATEST -> new TileData(tile, snapshot.count(query), List.of(), null, snapshot.top(query, LATEST, true),
					null);
			};
		} catch (QuerySyntaxException e) {
			return failed(tile, "the query of '" + tile.search() + "' is not valid: " + e.describe());
		}
	}

	/** Resolves a saved search's range against the clock: relative ends move with time. */
	public static Optional<TimeRange> range(SavedSearch search, Clock clock) {
		Optional<Instant> from = end(search.from(), clock);
		Optional<Instant> to = end(search.to(), clock);
		if (from == null || to == null) {
			return Optional.empty();
		}
		return Optional.of(new TimeRange(from.orElse(null), to.orElse(null)));
	}

	/** Returns the instant of an end, empty for an open end, or {@code null} if it is not a time. */
	private static Optional<Instant> end(String text, Clock clock) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		Optional<Instant> time = TimeExpressions.parse(text, clock);
		return time.isPresent() ? time : null;
	}

	private static TileData failed(Dashboard.Tile tile, String problem) {
		return new TileData(tile, 0, List.of(), null, List.of(), problem);
	}
}
