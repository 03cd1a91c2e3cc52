package io.vigil.exchange;

/**
 * A bundle was refused: it is not a Vigil bundle, its signature or a hash does not verify, its
 * signer is unknown to a workspace that accepts known signers only, or it cannot be decrypted here.
 * Nothing from a refused bundle is stored.
 */
public class BundleRejectedException extends ExchangeException {

	private static final long serialVersionUID = 1L;

	/** Creates an exception whose message says what failed. */
	public BundleRejectedException(String message) {
		super(message);
	}

	/** Creates an exception whose message says what failed, with its cause. */
	public BundleRejectedException(String message, Throwable cause) {
		super(message, cause);
	}
}
