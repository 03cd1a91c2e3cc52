package io.vigil.events.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The events of one UTC day: one Lucene index in its own directory. Its writer opens on the first
 * write; until then searches read the last commit. Thread-safe.
 */
final class Partition implements Closeable {

	private static final int STRIPES = 64;

	/**
	 * Searchers without Lucene's query cache: Vigil's queries change with every keystroke and
	 * time range, and caching their filters would cost memory for little reuse.
	 */
	private static final SearcherFactory SEARCHERS = new SearcherFactory() {
		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
			IndexSearcher searcher = new IndexSearcher(reader);
			searcher.setQueryCache(null);
			return searcher;
		}
	};

	private final LocalDate day;
	private final Path path;
	private final Directory directory;
	private final Object[] stripes = new Object[STRIPES];
	private IndexWriter writer;
	private SearcherManager searchers;
	/** The index as it was when the writer opened, for ids stored before; null when it was empty. */
	private DirectoryReader before;
	private IdFilter added;
	private volatile boolean changedSinceRefresh;

	private Partition(LocalDate day, Path path, Directory directory) {
		this.day = day;
		this.path = path;
		this.directory = directory;
		for (int i = 0; i < STRIPES; i++) {
			stripes[i] = new Object();
		}
	}

	/** Opens the partition of a day in a directory, creating the directory when missing. */
	static Partition open(LocalDate day, Path path) throws IOException {
		Files.createDirectories(path);
		return new Partition(day, path, FSDirectory.open(path));
	}

	LocalDate day() {
		return day;
	}

	Path path() {
		return path;
	}

	/** Returns the writer, opening it (and switching searches to near-real-time readers) on first use. */
	synchronized IndexWriter writer(Supplier<IndexWriterConfig> config) throws IOException {
		if (writer == null) {
			writer = new IndexWriter(directory, config.get());
			DirectoryReader stored = DirectoryReader.open(writer);
			if (stored.maxDoc() == 0) {
				stored.close();
			} else {
				before = stored;
			}
			added = new IdFilter();
			SearcherManager previous = searchers;
			searchers = new SearcherManager(writer, SEARCHERS);
			if (previous != null) {
				previous.close();
			}
		}
		return writer;
	}

	/**
	 * Adds an event, or replaces it when an event with its id may be stored already: one that
	 * was in the index when the writer opened, or one added since. Events with the same id are
	 * never written at the same time, so a replace always sees the event it replaces.
	 */
	void put(String id, Document document, Supplier<IndexWriterConfig> config) throws IOException {
		IndexWriter target = writer(config);
		synchronized (stripes[Math.floorMod(id.hashCode(), STRIPES)]) {
			boolean maybeStored = added.addAndCheck(id) | storedBefore(id);
			if (maybeStored) {
				target.updateDocument(new Term(IndexFields.ID, id), document);
			} else {
				target.addDocument(document);
			}
		}
		changedSinceRefresh = true;
	}

	private boolean storedBefore(String id) throws IOException {
		DirectoryReader stored = before;
		if (stored == null) {
			return false;
		}
		BytesRef term = new BytesRef(id);
		for (LeafReaderContext leaf : stored.leaves()) {
			Terms terms = leaf.reader().terms(IndexFields.ID);
			if (terms != null && terms.iterator().seekExact(term)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the searcher manager, or {@code null} while the partition holds no index.
	 */
	synchronized SearcherManager searchers() throws IOException {
		if (searchers == null && DirectoryReader.indexExists(directory)) {
			searchers = new SearcherManager(directory, SEARCHERS);
		}
		return searchers;
	}

	/** Waits until the writer's background merges are done. */
	void awaitMerges() {
		IndexWriter current;
		synchronized (this) {
			current = writer;
		}
		if (current != null && current.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
			merges.sync();
		}
	}

	/** Makes all events added so far durable; a no-op without a writer or changes. */
	boolean commit() throws IOException {
		IndexWriter current;
		synchronized (this) {
			current = writer;
		}
		if (current == null) {
			return false;
		}
		if (!current.isOpen()) {
			// Lucene closes a writer after a failure it cannot recover from; what it held is not committed.
			Throwable tragic = current.getTragicException();
			throw new IOException("the index of " + day + " (" + path + ") was closed after an error"
					+ (tragic == null ? "" : ": " + tragic), tragic);
		}
		if (!current.hasUncommittedChanges()) {
			return false;
		}
		current.commit();
		return true;
	}

	/** Makes the events added so far visible to new snapshots; returns whether anything changed. */
	boolean refresh() throws IOException {
		if (!changedSinceRefresh) {
			return false;
		}
		changedSinceRefresh = false;
		SearcherManager current = searchers();
		if (current != null) {
			current.maybeRefreshBlocking();
		}
		return true;
	}

	/** Acquires a searcher; the caller releases it with {@link #release(IndexSearcher)}. */
	IndexSearcher acquire() throws IOException {
		SearcherManager current = searchers();
		return current == null ? null : current.acquire();
	}

	/**
	 * Returns a searcher acquired from this partition. Releasing is a reference count on its
	 * reader, so it is right even when the writer opened (and the manager changed) in between.
	 */
	static void release(IndexSearcher searcher) throws IOException {
		searcher.getIndexReader().decRef();
	}

	/** Commits, then closes the writer and searchers. */
	@Override
	public synchronized void close() throws IOException {
		try {
			if (before != null) {
				before.close();
			}
			if (searchers != null) {
				searchers.close();
			}
			if (writer != null) {
				writer.close();
			}
		} finally {
			directory.close();
		}
	}
}
