package io.vigil.collect;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tells a long-running loop (a collector, a sensor, the group commit) to stop, and lets it wait
 * between rounds without being interrupted: an interrupt during file or socket I/O closes the
 * channel under the one using it, so these loops are woken, never interrupted. Thread-safe.
 */
public final class StopSignal {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
	private static final Duration LAST_BACKOFF = Duration.ofSeconds(30);

	private final Object monitor = new Object();
	private volatile boolean stopped;

	/** Returns whether the loop was told to stop. */
	public boolean stopped() {
		return stopped;
	}

	/** Tells the loop to stop, waking it from a pause. */
	public void stop() {
		stopped = true;
		synchronized (monitor) {
			monitor.notifyAll();
		}
	}

	/**
	 * Waits for a time, or until told to stop.
	 *
	 * @return whether the time passed; {@code false} when told to stop, or interrupted
	 */
	public boolean pause(Duration time) {
		long deadline = System.nanoTime() + time.toNanos();
		synchronized (monitor) {
			while (!stopped) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return true;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(monitor, left);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return false;
	}

	/** Returns the first wait before reconnecting: one second. */
	public static Duration firstBackoff() {
		return FIRST_BACKOFF;
	}

	/** Returns the wait after another failed attempt: twice the last, up to thirty seconds. */
	public static Duration nextBackoff(Duration last) {
		Duration doubled = last.multipliedBy(2);
		return doubled.compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : doubled;
	}
}
