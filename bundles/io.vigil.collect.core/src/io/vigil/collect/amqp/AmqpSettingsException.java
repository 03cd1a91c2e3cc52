package io.vigil.collect.amqp;

/** Connection settings that cannot be used, with a message that says which and why. */
public final class AmqpSettingsException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public AmqpSettingsException(String message) {
		super(message);
	}

	/** Creates the exception with its cause. */
	public AmqpSettingsException(String message, Throwable cause) {
		super(message, cause);
	}
}
