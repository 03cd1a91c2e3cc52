package io.vigil.tests.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;
import org.opentest4j.AssertionFailedError;

/** Runs test code on the SWT UI thread and brings results and failures back to the test thread. */
public final class UiThread {

	private UiThread() {
	}

	/** Returns the workbench display, waiting for it to exist. */
	public static Display display() {
		return Conditions.waitFor("a display exists", Conditions.DEFAULT_TIMEOUT, Display::getDefault);
	}

	/** Runs code on the UI thread and returns its result; exceptions are rethrown here. */
	public static <T> T call(Supplier<T> code) {
		Display display = display();
		if (display.getThread() == Thread.currentThread()) {
			return code.get();
		}
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(code.get());
			} catch (Throwable e) {
				failure.set(e);
			}
		});
		rethrow(failure.get());
		return result.get();
	}

	/** Runs code on the UI thread; exceptions are rethrown here. */
	public static void run(Runnable code) {
		call(() -> {
			code.run();
			return null;
		});
	}

	/** Starts code on the UI thread without waiting for it, for code that opens a modal dialog. */
	public static void post(Runnable code) {
		display().asyncExec(code);
	}

	/**
	 * Waits until a condition, evaluated on the UI thread, holds. From a test thread it polls with
	 * {@code syncExec}; on the UI thread it keeps dispatching events between checks.
	 *
	 * @throws AssertionFailedError if the condition does not hold within the timeout
	 */
	public static void waitUntil(String description, Duration timeout, BooleanSupplier condition) {
		Display display = display();
		if (display.getThread() != Thread.currentThread()) {
			Conditions.waitUntil(description, timeout, () -> call(condition::getAsBoolean));
			return;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionFailedError("Timed out after " + timeout + " waiting until " + description);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
					// Wakes the loop up to check the condition again.
				});
				display.sleep();
			}
		}
	}

	private static void rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}
}
