package io.vigil.collect.internal.commands;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps a long-running command (collect, intake, sensor) alive until it is interrupted (Ctrl+C,
 * SIGTERM), an optional time is up, or it reports itself idle; runs its status line at an
 * interval. On interruption the command's own shutdown runs before the process exits, so that
 * what was stored is committed and the workspace is released.
 */
final class UntilStopped {

	private final CountDownLatch stopped = new CountDownLatch(1);
	private final CountDownLatch finished = new CountDownLatch(1);
	private final Thread hook = new Thread(this::interrupted, "Vigil command shutdown");

	UntilStopped() {
		Runtime.getRuntime().addShutdownHook(hook);
	}

	private void interrupted() {
		stopped.countDown();
		try {
			// The command closes its sources and store; the process waits for that, within bounds.
			finished.await(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits, running the status line at each interval, until interrupted, the time is up or the
	 * idle test says so.
	 *
	 * @param limit how long to run, or {@code null} for no limit
	 * @param idle tells, at each interval, whether the command has nothing more to do
	 * @return why it stopped, for the last status line
	 */
	String await(Duration interval, Duration limit, Runnable status, BooleanSupplier idle) throws InterruptedException {
		long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
		while (true) {
			long wait = Math.min(interval.toNanos(), Math.max(0, deadline - System.nanoTime()));
			if (stopped.await(wait, TimeUnit.NANOSECONDS)) {
				return "interrupted";
			}
			status.run();
			if (System.nanoTime() >= deadline) {
				return "time is up";
			}
			if (idle.getAsBoolean()) {
				return "idle";
			}
		}
	}

	/** Says that the command closed everything; call it last, in a finally block. */
	void finished() {
		finished.countDown();
		if (stopped.getCount() > 0) {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// The process is already shutting down.
			}
		}
	}
}
