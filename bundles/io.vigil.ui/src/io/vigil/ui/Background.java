package io.vigil.ui;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs a part's slow work (the database, the event store, files) on a {@link Job} and brings its
 * result or failure back to the UI thread, unless the control that asked is gone by then, so
 * that the UI thread never waits on that work. Every Vigil UI bundle uses this one.
 */
public final class Background {

	/**
	 * Work that may take long.
	 *
	 * @param <T> what it gives
	 */
	@FunctionalInterface
	public interface Task<T> {
		/** Does the work, honouring the monitor's cancellation where it can. */
		T run(IProgressMonitor monitor) throws Exception;
	}

	private Background() {
	}

	/**
	 * Schedules a job. A failure is logged through the job's status as well as handed to
	 * {@code failed}; a cancelled task calls neither callback.
	 *
	 * @param owner the control whose part shows the result; call on the UI thread
	 * @return the scheduled job, for cancelling or joining
	 */
	public static <T> Job run(String name, Control owner, Task<T> task, Consumer<T> done, Consumer<Exception> failed) {
		Job job = create(name, owner, task, done, failed);
		job.schedule();
		return job;
	}

	/** Makes the job without scheduling it, for callers that set it up first (user job, rule). */
	public static <T> Job create(String name, Control owner, Task<T> task, Consumer<T> done,
			Consumer<Exception> failed) {
		Display display = owner.getDisplay();
		return Job.create(name, monitor -> {
			try {
				T result = task.run(monitor);
				if (monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				post(display, owner, () -> done.accept(result));
				return Status.OK_STATUS;
			} catch (OperationCanceledException e) {
				return Status.CANCEL_STATUS;
			} catch (Exception e) {
				post(display, owner, () -> failed.accept(e));
				return failure(name, e);
			}
		});
	}

	private static IStatus failure(String name, Exception e) {
		return Status.warning(NLS.bind(Messages.Job_failed, name, message(e)), e);
	}

	/** Returns an exception's message for a person, or its type when it has none. */
	public static String message(Exception e) {
		String text = e.getMessage();
		return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
	}

	private static void post(Display display, Control owner, Runnable code) {
		if (display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (!owner.isDisposed()) {
				code.run();
			}
		});
	}
}
