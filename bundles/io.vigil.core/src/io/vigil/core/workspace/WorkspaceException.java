package io.vigil.core.workspace;

/**
 * A workspace could not be opened or used. The message is written for the user: it names the
 * workspace directory and says what to do.
 */
public class WorkspaceException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates an exception with a message for the user. */
	public WorkspaceException(String message) {
		super(message);
	}

	/** Creates an exception with a message for the user and the underlying cause. */
	public WorkspaceException(String message, Throwable cause) {
		super(message, cause);
	}
}
