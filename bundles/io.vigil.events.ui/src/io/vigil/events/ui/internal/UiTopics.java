package io.vigil.events.ui.internal;

/** Event broker topics between the event parts. */
final class UiTopics {

	/** Runs a saved search in the Event Search part; the data is a {@code SavedSearch}. */
	static final String RUN_SEARCH = "io/vigil/events/ui/search/run";
	/** Saved searches were added, changed or deleted; no data. */
	static final String SAVED_SEARCHES_CHANGED = "io/vigil/events/ui/saved/changed";

	private UiTopics() {
	}
}
