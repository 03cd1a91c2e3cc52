package io.vigil.exchange;

import static io.vigil.exchange.BundleFormat.FORMAT;
import static io.vigil.exchange.BundleFormat.FORMAT_VERSION;
import static io.vigil.exchange.BundleFormat.MANIFEST;
import static io.vigil.exchange.BundleFormat.MARKER;
import static io.vigil.exchange.BundleFormat.MARKER_TEXT;
import static io.vigil.exchange.BundleFormat.PAYLOAD;
import static io.vigil.exchange.BundleFormat.PAYLOAD_AAD;
import static io.vigil.exchange.BundleFormat.SIGNATURE;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.VigilVersion;
import io.vigil.exchange.HandlerKeys.UnlockedKey;
import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;
import io.vigil.exchange.internal.format.StoredZip;

/** Writes bundle files in the layout described in {@link io.vigil.exchange the package}. */
final class BundleWriter {

	private BundleWriter() {
	}

	/**
	 * Returns the bytes of a bundle of redacted objects, signed, and encrypted to the recipients if
	 * there are any.
	 */
	static byte[] write(Redaction redaction, UnlockedKey signer, List<HandlerKey> recipients, String tlp,
			Instant created) throws ExchangeException {
		SequencedMap<String, byte[]> contents = new LinkedHashMap<>();
		Map<String, String> refs = new HashMap<>();
		int index = 0;
		for (ExchangeObject object : redaction.objects()) {
			refs.put(ObjectEntries.add(object, ++index, contents), object.ref());
		}
		boolean encrypted = !recipients.isEmpty();
		ObjectNode manifest = manifest(redaction, signer.key(), tlp, created);
		ArrayNode entries = manifest.putArray("entries");
		contents.forEach((path, bytes) -> {
			ObjectNode entry = entries.addObject().put("path", path).put("sha256", Crypto.sha256(bytes))
					.put("size", bytes.length);
			if (!encrypted && refs.containsKey(path)) {
				entry.put("object", refs.get(path));
			}
		});
		SequencedMap<String, byte[]> outer = new LinkedHashMap<>();
		outer.put(MARKER, MARKER_TEXT);
		try {
			if (encrypted) {
				byte[] payload = encrypt(StoredZip.write(contents), recipients, manifest);
				byte[] manifestBytes = Json.canonical(manifest);
				outer.put(MANIFEST, manifestBytes);
				outer.put(SIGNATURE, Crypto.sign(signer.signing(), manifestBytes));
				outer.put(PAYLOAD, payload);
			} else {
				byte[] manifestBytes = Json.canonical(manifest);
				outer.put(MANIFEST, manifestBytes);
				outer.put(SIGNATURE, Crypto.sign(signer.signing(), manifestBytes));
				outer.putAll(contents);
			}
		} catch (GeneralSecurityException e) {
			throw new ExchangeException("cannot sign or encrypt the bundle: " + e.getMessage(), e);
		}
		return StoredZip.write(outer);
	}

	private static ObjectNode manifest(Redaction redaction, HandlerKey signer, String tlp, Instant created) {
		ObjectNode manifest = Json.MAPPER.createObjectNode().put("format", FORMAT).put("formatVersion", FORMAT_VERSION)
				.put("vigilVersion", VigilVersion.running().toString()).put("created", created.toString())
				.put("exporter", signer.name()).put("redactionProfile", redaction.profile())
				.put("objectCount", redaction.objects().size());
		if (tlp != null) {
			manifest.put("tlp", tlp);
		}
		manifest.putObject("signer").put("name", signer.name()).put("created", signer.created().toString())
				.put("signingKey", Json.base64(signer.signingKey()))
				.put("encryptionKey", Json.base64(signer.encryptionKey())).put("fingerprint", signer.fingerprint());
		return manifest;
	}

	/**
	 * Encrypts the inner archive with a random AES-256-GCM content key, and wraps that key for each
	 * recipient under a key derived by HKDF-SHA256 from an X25519 agreement with a one-time key.
	 */
	private static byte[] encrypt(byte[] inner, List<HandlerKey> recipients, ObjectNode manifest)
			throws GeneralSecurityException {
		byte[] contentKey = Crypto.random(Crypto.KEY_BYTES);
		byte[] nonce = Crypto.random(Crypto.NONCE_BYTES);
		byte[] payload = Crypto.encrypt(contentKey, nonce, inner, PAYLOAD_AAD);
		ObjectNode encryption = manifest.putObject("encryption").put("cipher", "AES-256-GCM")
				.put("keyAgreement", "X25519+HKDF-SHA256").put("payload", PAYLOAD)
				.put("payloadSha256", Crypto.sha256(payload)).put("payloadSize", payload.length)
				.put("nonce", Json.base64(nonce));
		ArrayNode list = encryption.putArray("recipients");
		for (HandlerKey recipient : recipients) {
			KeyPair ephemeral = Crypto.agreementKeyPair();
			byte[] ephemeralKey = ephemeral.getPublic().getEncoded();
			byte[] wrapKey = BundleFormat.wrapKey(Crypto.agree(ephemeral.getPrivate(), recipient.encryptionKey()), ephemeralKey,
					recipient.encryptionKey());
			byte[] wrapNonce = Crypto.random(Crypto.NONCE_BYTES);
			list.addObject().put("name", recipient.name()).put("fingerprint", recipient.fingerprint())
					.put("encryptionKey", Json.base64(recipient.encryptionKey()))
					.put("ephemeralKey", Json.base64(ephemeralKey)).put("nonce", Json.base64(wrapNonce))
					.put("wrappedKey", Json.base64(Crypto.encrypt(wrapKey, wrapNonce, contentKey,
							recipient.encryptionKey())));
		}
		return payload;
	}
}
