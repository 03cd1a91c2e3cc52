package io.vigil.collect;

/** A collector setting that cannot be saved or used, with a message an analyst can act on. */
public final class CollectorException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public CollectorException(String message) {
		super(message);
	}

	/** Creates the exception with its cause. */
	public CollectorException(String message, Throwable cause) {
		super(message, cause);
	}
}
