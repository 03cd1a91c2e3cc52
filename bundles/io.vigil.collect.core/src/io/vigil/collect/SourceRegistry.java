package io.vigil.collect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sources of live events of one Vigil, for the collector health view and status lines:
 * connections and the HTTP intake register themselves; sensor hosts appear with their first
 * event. Thread-safe.
 */
public final class SourceRegistry {

	/** How long a sensor host may stay silent before it is flagged, unless set otherwise. */
	public static final Duration DEFAULT_SILENCE = Duration.ofMinutes(10);

	private final Map<String, SourceStats> sources = new ConcurrentHashMap<>();
	private final Clock clock;

	/** Creates a registry. */
	public SourceRegistry(Clock clock) {
		this.clock = clock;
	}

	/** Returns the stats of a source, creating them the first time. */
	public SourceStats source(String name, SourceStats.Kind kind, Duration silence) {
		return sources.computeIfAbsent(kind + ":" + name, key -> new SourceStats(name, kind, silence, clock));
	}

	/** Forgets a source, such as a connection that was removed. */
	public void remove(String name, SourceStats.Kind kind) {
		sources.remove(kind + ":" + name);
	}

	/** Reads every source, by kind then name. */
	public List<SourceStats.Reading> read() {
		List<SourceStats.Reading> readings = new ArrayList<>();
		for (SourceStats stats : sources.values()) {
			readings.add(stats.read());
		}
		readings.sort(Comparator.comparing(SourceStats.Reading::kind).thenComparing(SourceStats.Reading::name));
		return readings;
	}
}
