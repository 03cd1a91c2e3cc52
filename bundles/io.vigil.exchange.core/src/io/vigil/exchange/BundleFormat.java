package io.vigil.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import io.vigil.exchange.internal.format.Crypto;

/** The names and constants of the bundle layout described in {@link io.vigil.exchange the package}. */
final class BundleFormat {

	static final String MARKER = "vigil-bundle";
	static final byte[] MARKER_TEXT = "Vigil workspace bundle, format 1\n".getBytes(StandardCharsets.UTF_8);
	static final String MANIFEST = "manifest.json";
	static final String SIGNATURE = "manifest.sig";
	static final String PAYLOAD = "payload.bin";
	static final String FORMAT = "vigil-bundle";
	static final int FORMAT_VERSION = 1;
	static final byte[] PAYLOAD_AAD = "vigil-bundle payload".getBytes(StandardCharsets.UTF_8);
	private static final String WRAP_INFO = "vigil-bundle content key";

	private BundleFormat() {
	}

	/**
	 * Returns the key that wraps a bundle's content key for one recipient: HKDF-SHA256 of the X25519
	 * secret, salted with the one-time key and the recipient's key.
	 */
	static byte[] wrapKey(byte[] shared, byte[] ephemeralKey, byte[] recipientKey) throws GeneralSecurityException {
		byte[] salt = new byte[ephemeralKey.length + recipientKey.length];
		System.arraycopy(ephemeralKey, 0, salt, 0, ephemeralKey.length);
		System.arraycopy(recipientKey, 0, salt, ephemeralKey.length, recipientKey.length);
		return Crypto.hkdf(shared, salt, WRAP_INFO, Crypto.KEY_BYTES);
	}
}
