package io.vigil.tests.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;

/**
 * Waits for a condition instead of sleeping for a guessed time. Every wait is bounded: it fails
 * with the condition's description when the time runs out.
 */
public final class Conditions {

	/** How long a wait lasts when the caller does not say. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

	private Conditions() {
	}

	/**
	 * Waits until a condition holds, polling it from the calling thread. Off the UI thread only;
	 * on the UI thread use {@link UiThread#waitUntil(String, Duration, BooleanSupplier)}, which keeps
	 * the event loop running.
	 *
	 * @param description what is awaited, for the failure message
	 * @throws AssertionFailedError if the condition does not hold within the timeout
	 */
	public static void waitUntil(String description, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionFailedError("Timed out after " + timeout + " waiting until " + description);
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}

	/** Waits up to {@link #DEFAULT_TIMEOUT} until a condition holds. */
	public static void waitUntil(String description, BooleanSupplier condition) {
		waitUntil(description, DEFAULT_TIMEOUT, condition);
	}

	/**
	 * Waits until a supplier returns a value other than {@code null}, and returns it.
	 *
	 * @throws AssertionFailedError if it still returns {@code null} at the timeout
	 */
	public static <T> T waitFor(String description, Duration timeout, Supplier<T> supplier) {
		AtomicReference<T> found = new AtomicReference<>();
		waitUntil(description, timeout, () -> {
			found.set(supplier.get());
			return found.get() != null;
		});
		return found.get();
	}
}
