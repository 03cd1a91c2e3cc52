package io.vigil.incidents.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs the incident parts' store work on a {@link Job} and hands its result or failure back to
 * the UI thread, unless the control that asked is gone by then. The UI thread never waits on Derby.
 */
final class Background {

	/** Work that may take long: the incident store, hashing files. */
	@FunctionalInterface
	interface Task<T> {
		T run(IProgressMonitor monitor) throws Exception;
	}

	private Background() {
	}

	/**
	 * Schedules a job. A failure is logged through the job's status and handed to {@code failed};
	 * a cancelled task calls neither callback.
	 *
	 * @param owner the control that shows the result; call on the UI thread
	 */
	static <T> Job run(String name, Control owner, Task<T> task, Consumer<T> done, Consumer<Exception> failed) {
		Display display = owner.getDisplay();
		Job job = Job.create(name, monitor -> {
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
				return Status.warning(NLS.bind(Messages.Job_failed, name, message(e)), e);
			}
		});
		job.schedule();
		return job;
	}

	/** Returns an exception's message for a person, or its type when it has none. */
	static String message(Exception e) {
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
