package io.vigil.exchange;

/**
 * An export or import could not be done: a missing key, a wrong passphrase, an unknown object, a
 * bad redaction profile. The message is written for the user and names what and where.
 */
public class ExchangeException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates an exception with a message for the user. */
	public ExchangeException(String message) {
		super(message);
	}

	/** Creates an exception with a message for the user and its cause. */
	public ExchangeException(String message, Throwable cause) {
		super(message, cause);
	}
}
