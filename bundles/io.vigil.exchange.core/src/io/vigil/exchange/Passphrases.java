package io.vigil.exchange;

/** Gives the passphrase of an own key when an operation needs it, asking the user if need be. */
@FunctionalInterface
public interface Passphrases {

	/**
	 * Returns the passphrase of a key.
	 *
	 * @throws ExchangeException if no passphrase can be had (no terminal, nothing in the environment)
	 */
	char[] passphrase(String keyName) throws ExchangeException;
}
