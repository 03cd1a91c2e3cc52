package io.vigil.exchange.internal.format;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of bundles and handler keys, all from the JDK: Ed25519 signatures, X25519 key
 * agreement, HKDF with HMAC-SHA256, AES-256-GCM and PBKDF2-HMAC-SHA256.
 */
public final class Crypto {

	/** Bytes of an AES-GCM nonce. */
	public static final int NONCE_BYTES = 12;
	/** Bytes of an AES-256 key. */
	public static final int KEY_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final HexFormat HEX = HexFormat.of();

	private Crypto() {
	}

	/** Returns random bytes. */
	public static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** Returns the SHA-256 of bytes as lower-case hex. */
	public static String sha256(byte[] bytes) {
		return HEX.formatHex(digest(bytes));
	}

	/** Returns the SHA-256 of bytes. */
	public static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK has no SHA-256", e);
		}
	}

	/** Returns the fingerprint of an encoded public key: its SHA-256 in hex groups of four. */
	public static String fingerprint(byte[] publicKey) {
		String hex = sha256(publicKey).toUpperCase(Locale.ROOT);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < hex.length(); i += 4) {
			grouped.append(i == 0 ? "" : " ").append(hex, i, i + 4);
		}
		return grouped.toString();
	}

	/** Returns a new Ed25519 signing key pair. */
	public static KeyPair signingKeyPair() throws GeneralSecurityException {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

	/** Returns a new X25519 key agreement pair. */
	public static KeyPair agreementKeyPair() throws GeneralSecurityException {
		return KeyPairGenerator.getInstance("X25519").generateKeyPair();
	}

	/** Decodes an X.509-encoded public key of an algorithm ({@code Ed25519} or {@code X25519}). */
	public static PublicKey publicKey(String algorithm, byte[] encoded) throws GeneralSecurityException {
		return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded));
	}

	/** Decodes a PKCS#8-encoded private key of an algorithm. */
	public static PrivateKey privateKey(String algorithm, byte[] encoded) throws GeneralSecurityException {
		return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
	}

	/** Signs bytes with an Ed25519 private key. */
	public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
		Signature signature = Signature.getInstance("Ed25519");
		signature.initSign(key);
		signature.update(data);
		return signature.sign();
	}

	/** Returns whether an Ed25519 signature over bytes verifies with an encoded public key. */
	public static boolean verify(byte[] publicKey, byte[] data, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(publicKey("Ed25519", publicKey));
			signature.update(data);
			return signature.verify(signatureBytes);
		} catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/** Returns the X25519 shared secret of a private key and a peer's encoded public key. */
	public static byte[] agree(PrivateKey own, byte[] peerPublicKey) throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance("X25519");
		agreement.init(own);
		agreement.doPhase(publicKey("X25519", peerPublicKey), true);
		return agreement.generateSecret();
	}

	/** Derives key material with HKDF-SHA256 (RFC 5869), at most 32 bytes. */
	public static byte[] hkdf(byte[] secret, byte[] salt, String info, int length) throws GeneralSecurityException {
		if (length > 32) {
			throw new IllegalArgumentException("one HKDF block only: " + length);
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
		byte[] pseudoRandom = mac.doFinal(secret);
		mac.init(new SecretKeySpec(pseudoRandom, "HmacSHA256"));
		mac.update(info.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 1);
		byte[] block = mac.doFinal();
		byte[] out = new byte[length];
		System.arraycopy(block, 0, out, 0, length);
		return out;
	}

	/** Returns the HMAC-SHA256 of text under a key. */
	public static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("the JDK has no HMAC-SHA256", e);
		}
	}

	/** Encrypts with AES-256-GCM; the result is the ciphertext followed by the tag. */
	public static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associated)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(associated);
		return cipher.doFinal(plaintext);
	}

	/**
	 * Decrypts AES-256-GCM.
	 *
	 * @throws GeneralSecurityException if the key is wrong or the ciphertext was altered
	 */
	public static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] associated)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(associated);
		return cipher.doFinal(ciphertext);
	}

	/** Derives an AES-256 key from a passphrase with PBKDF2-HMAC-SHA256. */
	public static byte[] passphraseKey(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		} finally {
			spec.clearPassword();
		}
	}
}
