package io.vigil.collect;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.vigil.events.store.EventStore;

/**
 * Group commit for live intake: writers add events to the store, append them to the store's
 * journal and take a ticket; a thread of its own syncs the journal at a short interval, and a
 * ticket is durable once a sync that started after it has finished. Collectors acknowledge
 * messages, and the HTTP intake answers requests, only for durable tickets. The store itself
 * commits every {@link #STORE_COMMIT_INTERVAL}, which lets the journal drop what it covers.
 * Thread-safe.
 */
public final class DurableCommits implements AutoCloseable {

	/** How often the store commits while events arrive live; the journal covers the time between. */
	public static final Duration STORE_COMMIT_INTERVAL = Duration.ofSeconds(10);

	private final EventStore store;
	private final Duration interval;
	private final AtomicLong added = new AtomicLong();
	private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
	private final Object monitor = new Object();
	private final Thread thread;
	private volatile long durable;
	private volatile IOException failure;
	private final StopSignal stop = new StopSignal();

	/**
	 * Starts committing.
	 *
	 * @param interval how often the journal is synced: the longest a sender waits
	 * @param name what the commits are for, in the thread's name
	 */
	public DurableCommits(EventStore store, Duration interval, String name) {
		this.store = store;
		this.interval = interval;
		this.thread = new Thread(this::run, "Vigil commits for " + name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Returns a ticket for everything added so far; call it after the add returns. */
	public long ticket() {
		return added.incrementAndGet();
	}

	/** Returns the newest ticket handed out. */
	public long ticketsTaken() {
		return added.get();
	}

	/** Returns the newest ticket that is durable. */
	public long durable() {
		return durable;
	}

	/** Adds a listener told (on the commit thread) the newest durable ticket after each commit. */
	public void onDurable(LongConsumer listener) {
		listeners.add(listener);
	}

	/** Removes a listener added with {@link #onDurable(LongConsumer)}. */
	public void removeListener(LongConsumer listener) {
		listeners.remove(listener);
	}

	/**
	 * Waits until a ticket is durable.
	 *
	 * @return whether it became durable within the timeout
	 * @throws IOException if committing failed
	 */
	public boolean await(long ticket, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (monitor) {
			while (durable < ticket) {
				if (failure != null) {
					throw new IOException("committing events failed: " + failure.getMessage(), failure);
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || stop.stopped()) {
					return durable >= ticket;
				}
				TimeUnit.NANOSECONDS.timedWait(monitor, left);
			}
		}
		return true;
	}

	private void run() {
		long lastStoreCommit = System.nanoTime();
		while (!stop.stopped()) {
			try {
				// Woken, never interrupted: an interrupt during a sync or commit closes their channels.
				stop.pause(interval);
				if (System.nanoTime() - lastStoreCommit >= STORE_COMMIT_INTERVAL.toNanos()) {
					// Also the way out of a failed journal: a store commit covers what it held.
					lastStoreCommit = System.nanoTime();
					store.commitJournal();
				}
				commitNow();
				failure = null;
			} catch (IOException | RuntimeException e) {
				failure = e instanceof IOException io ? io : new IOException(e);
				synchronized (monitor) {
					monitor.notifyAll();
				}
			}
		}
	}

	/** Makes everything added so far durable now, by syncing the journal. */
	public void commitNow() throws IOException {
		long upTo = added.get();
		if (upTo == durable) {
			return;
		}
		store.journal().sync();
		durable = upTo;
		synchronized (monitor) {
			monitor.notifyAll();
		}
		for (LongConsumer listener : listeners) {
			listener.accept(upTo);
		}
	}

	/** Commits what was added and stops the thread. */
	@Override
	public void close() throws IOException {
		stop.stop();
		try {
			// A store commit in progress finishes first; it may take a while on a slow disk.
			thread.join(60_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		commitNow();
		store.commitJournal();
		synchronized (monitor) {
			monitor.notifyAll();
		}
	}
}
