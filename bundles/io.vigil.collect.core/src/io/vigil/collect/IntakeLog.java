package io.vigil.collect;

/**
 * Where collectors, the HTTP intake and sensors report what an analyst should know about: a
 * message moved to the dead-letter queue, a lost connection. The command line prints these on
 * standard error; the workbench writes them to the error log.
 */
@FunctionalInterface
public interface IntakeLog {

	/** Reports something that went wrong but did not stop the intake. */
	void warn(String message);

	/** Reports a change of state, such as a connection made; ignored unless overridden. */
	default void info(String message) {
		// Most callers only want warnings.
	}
}
