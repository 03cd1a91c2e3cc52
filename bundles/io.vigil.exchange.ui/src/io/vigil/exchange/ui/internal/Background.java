package io.vigil.exchange.ui.internal;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Widget;

/**
 * Runs exchange work (keys, hashing, signing, the workspace database) on a {@link Job} and hands
 * its result or failure back to the UI thread, unless the widget that asked is gone by then.
 */
final class Background {

	/** Work that may take long. */
	@FunctionalInterface
	interface Task<T> {
		T run(IProgressMonitor monitor) throws Exception;
	}

	private Background() {
	}

	/**
	 * Schedules a user job. A failure is handed to {@code failed}; a cancelled task calls neither
	 * callback.
	 *
	 * @param owner the widget that shows the result; call on the UI thread
	 */
	static <T> Job run(String name, Widget owner, Task<T> task, Consumer<T> done, Consumer<Exception> failed) {
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
				// Shown to the user by the callback already; the status keeps it in the log.
				return Status.info(NLS.bind(Messages.Job_failed, name, message(e)));
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** Returns an exception's message for a person, or its type when it has none. */
	static String message(Exception e) {
		String text = e.getMessage();
		return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
	}

	private static void post(Display display, Widget owner, Runnable code) {
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
