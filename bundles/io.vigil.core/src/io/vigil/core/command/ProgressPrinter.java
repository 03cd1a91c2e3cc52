package io.vigil.core.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Progress of a long command, printed as a line on standard error at most every few seconds:
 * {@code vigil: ingest: 42% Ingesting events: 120000 stored, 3 rejected (auth.log)}. Nothing is
 * printed for work that ends before the first interval. Thread-safe.
 */
public final class ProgressPrinter implements IProgressMonitor {

	private final PrintWriter err;
	private final String command;
	private final long intervalNanos;
	private final LongSupplier nanoTime;
	private long lastPrint;
	private int total = IProgressMonitor.UNKNOWN;
	private double done;
	private String task = "";
	private String subTask = "";
	private volatile boolean canceled;

	/**
	 * Creates a printer.
	 *
	 * @param err where lines go
	 * @param command the command's name, at the start of each line
	 * @param interval the least time between two lines
	 * @param nanoTime the clock, {@link System#nanoTime()} outside tests
	 */
	public ProgressPrinter(PrintWriter err, String command, Duration interval, LongSupplier nanoTime) {
		this.err = err;
		this.command = command;
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
		this.lastPrint = nanoTime.getAsLong();
	}

	@Override
	public synchronized void beginTask(String name, int totalWork) {
		task = name == null ? "" : name;
		total = totalWork;
		done = 0;
	}

	@Override
	public synchronized void setTaskName(String name) {
		task = name == null ? "" : name;
		maybePrint();
	}

	@Override
	public synchronized void subTask(String name) {
		subTask = name == null ? "" : name;
		maybePrint();
	}

	@Override
	public void worked(int work) {
		internalWorked(work);
	}

	@Override
	public synchronized void internalWorked(double work) {
		done += work;
		maybePrint();
	}

	@Override
	public synchronized void done() {
		// The command's own last line says how it ended.
	}

	@Override
	public boolean isCanceled() {
		return canceled;
	}

	@Override
	public void setCanceled(boolean value) {
		canceled = value;
	}

	private void maybePrint() {
		long now = nanoTime.getAsLong();
		if (now - lastPrint < intervalNanos) {
			return;
		}
		lastPrint = now;
		StringBuilder line = new StringBuilder("vigil: ").append(command).append(": ");
		if (total > 0) {
			line.append(String.format(Locale.ROOT, "%d%% ", (int) Math.min(100, done * 100 / total)));
		}
		line.append(task);
		if (!subTask.isEmpty()) {
			line.append(" (").append(subTask).append(')');
		}
		err.println(line);
		err.flush();
	}
}
