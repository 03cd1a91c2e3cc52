package io.vigil.events.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.events.store.Hits;
import io.vigil.events.store.StoredEvent;

/**
 * The rows of a search result as a table shows them: read a page at a time when first shown,
 * and kept for a while in a least-recently-used cache, so that scrolling over millions of rows
 * reads only the pages passed. Thread-safe: a background loader fills pages that the UI thread
 * reads.
 */
public final class ResultPages {

	/** Rows per page. */
	public static final int PAGE_SIZE = 100;

	private static final int CACHED_PAGES = 64;

	private final SearchResult result;
	private final Hits order;
	private final Map<Integer, List<StoredEvent>> pages = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, List<StoredEvent>> eldest) {
			return size() > CACHED_PAGES;
		}
	};

	/** Creates the pages of one order of a result. */
	public ResultPages(SearchResult result, Hits order) {
		this.result = result;
		this.order = order;
	}

	/** Returns the number of rows. */
	public int size() {
		return order.size();
	}

	/** Returns the order these pages show. */
	public Hits order() {
		return order;
	}

	/** Returns the page a row is on. */
	public static int pageOf(int row) {
		return row / PAGE_SIZE;
	}

	/** Returns a row if its page is loaded, or {@code null}. */
	public synchronized StoredEvent loaded(int row) {
		List<StoredEvent> page = pages.get(pageOf(row));
		return page == null ? null : page.get(row % PAGE_SIZE);
	}

	/** Returns whether a page is loaded. */
	public synchronized boolean isLoaded(int page) {
		return pages.containsKey(page);
	}

	/** Reads a page (if it is not loaded yet) and keeps it; safe to call off the UI thread. */
	public void load(int page) throws IOException {
		if (isLoaded(page)) {
			return;
		}
		List<StoredEvent> rows = result.rows(order, page * PAGE_SIZE, PAGE_SIZE);
		synchronized (this) {
			pages.put(page, rows);
		}
	}

	/** Reads a row now, loading its page if needed. */
	public StoredEvent row(int row) throws IOException {
		load(pageOf(row));
		StoredEvent event = loaded(row);
		return event != null ? event : result.rows(order, row, 1).get(0);
	}
}
