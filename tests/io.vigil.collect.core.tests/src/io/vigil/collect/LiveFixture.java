package io.vigil.collect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.store.StoreSnapshot;

/** A workspace in a temporary folder with a live intake on its events, for tests. */
public final class LiveFixture implements AutoCloseable {

	private final Workspace workspace;
	private final EventWorkspace events;
	private final LiveIntake live;

	/** Opens a workspace in a folder, committing live events at an interval. */
	public LiveFixture(Path folder, Duration commitInterval) throws Exception {
		workspace = Workspace.open(folder.resolve("ws"), "test");
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		live = LiveIntake.start(events, commitInterval, "test");
	}

	/** Returns the live intake. */
	public LiveIntake live() {
		return live;
	}

	/** Returns the events. */
	public EventWorkspace events() {
		return events;
	}

	/** Counts the stored events matching a query, after making every added one visible. */
	public long count(String query) throws Exception {
		events.store().refresh();
		try (StoreSnapshot snapshot = events.store().snapshot(TimeRange.ALL)) {
			return snapshot.count(new io.vigil.events.search.EventQueryParser(snapshot.fields(), Clock.systemUTC())
					.parse(query));
		}
	}

	@Override
	public void close() throws Exception {
		try {
			live.close();
		} finally {
			try {
				events.close();
			} finally {
				workspace.close();
			}
		}
	}
}
