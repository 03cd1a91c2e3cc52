package io.vigil.core.command;

/**
 * A user error in a command: wrong arguments, a missing file, a malformed query. Its message is
 * printed as one line, so it names what was wrong and where.
 */
public class CommandException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates an exception with a one-line message for the user. */
	public CommandException(String message) {
		super(message);
	}

	/** Creates an exception with a one-line message for the user and its cause. */
	public CommandException(String message, Throwable cause) {
		super(message, cause);
	}
}
