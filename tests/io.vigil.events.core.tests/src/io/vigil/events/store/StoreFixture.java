package io.vigil.events.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.Normalizer;
import io.vigil.events.TimeRange;
import io.vigil.events.internal.read.JsonSupport;

/** A store in a temporary folder, filled with events written as JSON, for tests. */
public final class StoreFixture implements AutoCloseable {

	private static final Normalizer NORMALIZER = new Normalizer(ZoneOffset.UTC,
			Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));

	private final EventStore store;
	private int added;

	/** Opens a store in a folder. */
	public StoreFixture(Path folder) throws IOException {
		this.store = EventStore.open(folder);
	}

	/** Returns the store. */
	public EventStore store() {
		return store;
	}

	/** Opens a store in a folder and adds events to it. */
	public static StoreFixture with(Path folder, String... events) throws IOException {
		StoreFixture fixture = new StoreFixture(folder);
		try {
			fixture.add(events);
			return fixture;
		} catch (IOException | RuntimeException e) {
			fixture.close();
			throw e;
		}
	}

	/** Normalizes and adds events (one JSON object each), then commits and refreshes. */
	public void add(String... events) throws IOException {
		for (String json : events) {
			ObjectNode event = (ObjectNode) JsonSupport.MAPPER.readTree(json);
			Normalizer.Result result = NORMALIZER.normalize(event, "mozdef", "fixture", ++added);
			if (result.isRejected()) {
				throw new IllegalArgumentException(result.rejection() + ": " + json);
			}
			String id = EventIds.of("mozdef", json, event.get("utctimestamp").asText());
			byte[] bytes = JsonSupport.MAPPER.writeValueAsBytes(result.event());
			store.add(id, result.utcTimestamp(),
					EventDocuments.build(id, result.utcTimestamp().toEpochMilli(), result.event(), bytes));
		}
		store.commit();
		store.refresh();
	}

	/** Takes a snapshot of everything. */
	public StoreSnapshot snapshot() throws IOException {
		return store.snapshot(TimeRange.ALL);
	}

	@Override
	public void close() throws IOException {
		store.close();
	}
}
