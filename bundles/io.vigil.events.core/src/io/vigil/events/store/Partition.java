package io.vigil.events.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The events of one UTC day: one Lucene index in its own directory. Its writer opens on the first
 * write; until then searches read the last commit. Thread-safe.
 */
final class Partition implements Closeable {

	private final LocalDate day;
	private final Path path;
	private final Directory directory;
	private IndexWriter writer;
	private SearcherManager searchers;
	private volatile boolean changedSinceRefresh;

	private Partition(LocalDate day, Path path, Directory directory) {
		this.day = day;
		this.path = path;
		this.directory = directory;
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
			SearcherManager previous = searchers;
			searchers = new SearcherManager(writer, null);
			if (previous != null) {
				previous.close();
			}
		}
		return writer;
	}

	/** Notes that documents were added, so that the next refresh reopens. */
	void changed() {
		changedSinceRefresh = true;
	}

	/**
	 * Returns the searcher manager, or {@code null} while the partition holds no index.
	 */
	synchronized SearcherManager searchers() throws IOException {
		if (searchers == null && DirectoryReader.indexExists(directory)) {
			searchers = new SearcherManager(directory, null);
		}
		return searchers;
	}

	/** Makes all events added so far durable; a no-op without a writer or changes. */
	boolean commit() throws IOException {
		IndexWriter current;
		synchronized (this) {
			current = writer;
		}
		if (current == null || !current.hasUncommittedChanges()) {
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
