package io.vigil.exchange;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import io.vigil.exchange.internal.format.Crypto;

/**
 * A handler's public keys as a workspace knows them: its own (with the private keys, protected by
 * a passphrase) or another handler's (a known signer, a recipient).
 *
 * @param name the name the workspace knows the handler's key by
 * @param signingKey the X.509 encoding of the Ed25519 public key that signs bundles
 * @param encryptionKey the X.509 encoding of the X25519 public key bundles are encrypted to
 * @param created when the key pair was made
 * @param own whether this workspace holds the private keys
 */
public record HandlerKey(String name, byte[] signingKey, byte[] encryptionKey, Instant created, boolean own) {

	/** Checks the arguments and copies the keys. */
	public HandlerKey {
		Objects.requireNonNull(name, "name");
		signingKey = signingKey.clone();
		encryptionKey = encryptionKey.clone();
		Objects.requireNonNull(created, "created");
	}

	/** Returns the signing public key's encoding. */
	@Override
	public byte[] signingKey() {
		return signingKey.clone();
	}

	/** Returns the encryption public key's encoding. */
	@Override
	public byte[] encryptionKey() {
		return encryptionKey.clone();
	}

	/**
	 * Returns the fingerprint that identifies this handler: the SHA-256 of the signing public key's
	 * encoding, in hex groups of four.
	 */
	public String fingerprint() {
		return Crypto.fingerprint(signingKey);
	}

	/** Returns the fingerprint of the encryption public key. */
	public String encryptionFingerprint() {
		return Crypto.fingerprint(encryptionKey);
	}

	/** Returns the short key id: the first 16 hex digits of the fingerprint. */
	public String keyId() {
		return fingerprint().replace(" ", "").substring(0, 16);
	}

	/** Returns whether both public keys are those of another key. */
	public boolean sameKeys(HandlerKey other) {
		return Arrays.equals(signingKey, other.signingKey) && Arrays.equals(encryptionKey, other.encryptionKey);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HandlerKey that && name.equals(that.name) && sameKeys(that)
				&& created.equals(that.created) && own == that.own;
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, Arrays.hashCode(signingKey), created, own);
	}

	@Override
	public String toString() {
		return "HandlerKey[" + name + ", " + fingerprint() + (own ? ", own" : ", public") + "]";
	}
}
