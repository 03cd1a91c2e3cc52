package io.vigil.collect;

/** A secret that cannot be read or kept, with a message that says where and why. */
public final class SecretStoreException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public SecretStoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
