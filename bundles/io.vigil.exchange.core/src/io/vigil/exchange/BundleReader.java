package io.vigil.exchange;

import static io.vigil.exchange.BundleFormat.FORMAT;
import static io.vigil.exchange.BundleFormat.FORMAT_VERSION;
import static io.vigil.exchange.BundleFormat.MANIFEST;
import static io.vigil.exchange.BundleFormat.MARKER;
import static io.vigil.exchange.BundleFormat.MARKER_TEXT;
import static io.vigil.exchange.BundleFormat.PAYLOAD;
import static io.vigil.exchange.BundleFormat.PAYLOAD_AAD;
import static io.vigil.exchange.BundleFormat.SIGNATURE;
import static io.vigil.exchange.ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.zip.ZipException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.HandlerKeys.UnlockedKey;
import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;
import io.vigil.exchange.internal.format.StoredZip;

/**
 * Opens and verifies bundle files, in the order described in {@link io.vigil.exchange the package}.
 * Reads the workspace's keys and settings; writes nothing.
 */
final class BundleReader {

	private static final long MAX_FILE = 1L << 30;
	private static final int MAX_ENTRIES = 1_000_000;

	private final Workspace workspace;
	private final HandlerKeys keys;

	BundleReader(Workspace workspace, HandlerKeys keys) {
		this.workspace = workspace;
		this.keys = keys;
	}

	/**
	 * Opens a bundle read-only and verifies it. Stores nothing.
	 *
	 * @param passphrases asked for the passphrase of the own key an encrypted bundle is for; never
	 *            asked for a bundle that is not encrypted
	 * @throws BundleRejectedException if the file is not a Vigil bundle, its signature or a hash does
	 *             not verify, its signer is unknown and the workspace accepts known signers only, or
	 *             it is encrypted and this workspace cannot decrypt it
	 */
	VerifiedBundle open(Path file, Passphrases passphrases) throws ExchangeException, WorkspaceException {
		byte[] bytes = readFile(file);
		SequencedMap<String, byte[]> outer = archive(file, bytes, "");
		byte[] marker = outer.get(MARKER);
		byte[] manifestBytes = outer.get(MANIFEST);
		byte[] signature = outer.get(SIGNATURE);
		if (marker == null || !Arrays.equals(marker, MARKER_TEXT) || manifestBytes == null
				|| signature == null) {
			throw new BundleRejectedException(file + " is not a Vigil bundle: it lacks the " + MARKER + ", " + MANIFEST
					+ " or " + SIGNATURE + " entry");
		}
		ObjectNode manifest = Json.parseObject(manifestBytes);
		HandlerKey signer = signer(file, manifest);
		if (!Crypto.verify(signer.signingKey(), manifestBytes, signature)) {
			throw new BundleRejectedException(file + ": bad signature: the manifest was altered, or was not signed by"
					+ " the key it names (" + signer.name() + ", fingerprint " + signer.fingerprint() + ")");
		}
		if (!FORMAT.equals(Json.text(manifest, "format")) || manifest.path("formatVersion").asInt() != FORMAT_VERSION) {
			throw new BundleRejectedException(file + ": bundle format " + Json.text(manifest, "format") + " version "
					+ manifest.path("formatVersion") + " is not one this Vigil reads (" + FORMAT + " " + FORMAT_VERSION
					+ ")");
		}
		Optional<HandlerKey> known = keys.findBySigningKey(signer.signingKey());
		List<String> warnings = new ArrayList<>();
		if (known.isEmpty()) {
			if (workspace.property(ACCEPT_KNOWN_SIGNERS_ONLY).map(Boolean::parseBoolean).orElse(false)) {
				throw new BundleRejectedException(file + ": unknown signer " + signer.name() + " (fingerprint "
						+ signer.fingerprint() + "); this workspace accepts bundles from known signers only ("
						+ ACCEPT_KNOWN_SIGNERS_ONLY + "); import the signer's public key first");
			}
			warnings.add("signed by " + signer.name() + ", key fingerprint " + signer.fingerprint()
					+ ", which this workspace does not know: check the fingerprint with the sender");
			keys.find(signer.name()).ifPresent(namesake -> warnings.add("the signer calls itself " + signer.name()
					+ ", but the key this workspace knows by that name is another one (fingerprint "
					+ namesake.fingerprint() + "): this bundle is not from the " + signer.name() + " you know"));
		}
		boolean encrypted = manifest.get("encryption") instanceof ObjectNode;
		SequencedMap<String, byte[]> contents = encrypted
				? decrypt(file, outer, manifest, passphrases)
				: without(outer, MARKER, MANIFEST, SIGNATURE);
		List<VerifiedBundle.BundleObject> objects = objects(file, manifest, contents);
		return new VerifiedBundle(file, Crypto.sha256(bytes), instant(file, manifest), Json.text(manifest,
				"vigilVersion"), Json.text(manifest, "redactionProfile"), Json.text(manifest, "tlp"),
				known.orElse(signer), known.isPresent(), encrypted, objects, warnings);
	}

	private static byte[] readFile(Path file) throws BundleRejectedException {
		try {
			if (!Files.isRegularFile(file)) {
				throw new BundleRejectedException(file + " is not a file");
			}
			if (Files.size(file) > MAX_FILE) {
				throw new BundleRejectedException(file + " is larger than the " + (MAX_FILE >> 20) + " MiB a bundle may"
						+ " have");
			}
			return Files.readAllBytes(file);
		} catch (IOException e) {
			throw new BundleRejectedException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static SequencedMap<String, byte[]> archive(Path file, byte[] bytes, String what)
			throws BundleRejectedException {
		try {
			return StoredZip.read(bytes, MAX_ENTRIES);
		} catch (ZipException e) {
			throw new BundleRejectedException(file + (what.isEmpty() ? " is not a Vigil bundle, or is damaged: "
					: ": its " + what + " is damaged: ") + e.getMessage(), e);
		}
	}

	private static HandlerKey signer(Path file, ObjectNode manifest) throws BundleRejectedException {
		ObjectNode signer = manifest != null && manifest.get("signer") instanceof ObjectNode node ? node : null;
		String name = Json.text(signer, "name");
		byte[] signing = Json.base64(signer, "signingKey");
		byte[] encryption = Json.base64(signer, "encryptionKey");
		if (name == null || signing == null || encryption == null) {
			throw new BundleRejectedException(file + ": bad signature: the manifest is damaged (it does not name its"
					+ " signer's keys)");
		}
		if (!name.matches(HandlerKeys.NAME_PATTERN)) {
			throw new BundleRejectedException(file + ": the manifest names its signer with characters a key name may"
					+ " not have");
		}
		try {
			return new HandlerKey(name, signing, encryption, Instant.parse(Json.text(signer, "created")),
					false);
		} catch (RuntimeException e) {
			throw new BundleRejectedException(file + ": bad signature: the manifest is damaged (signer)", e);
		}
	}

	private static Instant instant(Path file, ObjectNode manifest) throws BundleRejectedException {
		try {
			return Instant.parse(Json.text(manifest, "created"));
		} catch (RuntimeException e) {
			throw new BundleRejectedException(file + ": the manifest has no valid creation time", e);
		}
	}

	private SequencedMap<String, byte[]> decrypt(Path file, SequencedMap<String, byte[]> outer, ObjectNode manifest,
			Passphrases passphrases) throws ExchangeException {
		ObjectNode encryption = (ObjectNode) manifest.get("encryption");
		byte[] payload = outer.get(PAYLOAD);
		if (payload == null || outer.size() != 4) {
			throw new BundleRejectedException(file + ": an encrypted bundle holds " + MARKER + ", " + MANIFEST + ", "
					+ SIGNATURE + " and " + PAYLOAD + " only");
		}
		if (!Crypto.sha256(payload).equals(Json.text(encryption, "payloadSha256"))) {
			throw new BundleRejectedException(file + ": hash mismatch of " + PAYLOAD + " (the encrypted objects)");
		}
		List<String> names = new ArrayList<>();
		for (var recipient : encryption.path("recipients")) {
			names.add(Json.text(recipient, "name") + " (" + Json.text(recipient, "fingerprint") + ")");
			byte[] recipientKey = Json.base64(recipient, "encryptionKey");
			Optional<HandlerKey> own = ownKeyFor(recipientKey);
			if (own.isPresent()) {
				return openPayload(file, payload, encryption, recipient, own.get(), passphrases);
			}
		}
		throw new BundleRejectedException(file + ": not a recipient: the bundle is encrypted for " + String.join(", ",
				names) + ", and this workspace has none of their private keys");
	}

	private Optional<HandlerKey> ownKeyFor(byte[] encryptionKey) throws ExchangeException {
		if (encryptionKey == null) {
			return Optional.empty();
		}
		for (HandlerKey key : keys.list()) {
			if (key.own() && Arrays.equals(key.encryptionKey(), encryptionKey)) {
				return Optional.of(key);
			}
		}
		return Optional.empty();
	}

	private SequencedMap<String, byte[]> openPayload(Path file, byte[] payload, ObjectNode encryption,
			JsonNode recipient, HandlerKey own, Passphrases passphrases)
			throws ExchangeException {
		UnlockedKey unlocked;
		try {
			unlocked = keys.unlock(own.name(), passphrases.passphrase(own.name()));
		} catch (BundleRejectedException e) {
			throw e;
		} catch (ExchangeException e) {
			throw new BundleRejectedException(file + ": cannot decrypt: " + e.getMessage(), e);
		}
		try {
			byte[] ephemeralKey = Json.base64(recipient, "ephemeralKey");
			byte[] wrapKey = BundleFormat.wrapKey(Crypto.agree(unlocked.encryption(), ephemeralKey), ephemeralKey,
					own.encryptionKey());
			byte[] contentKey = Crypto.decrypt(wrapKey, Json.base64(recipient, "nonce"),
					Json.base64(recipient, "wrappedKey"), own.encryptionKey());
			byte[] inner = Crypto.decrypt(contentKey, Json.base64(encryption, "nonce"), payload, PAYLOAD_AAD);
			return archive(file, inner, "decrypted content");
		} catch (GeneralSecurityException | RuntimeException e) {
			throw new BundleRejectedException(file + ": cannot decrypt the objects for key " + own.name()
					+ ": the key material in the manifest does not fit (" + e.getMessage() + ")", e);
		}
	}

	private static SequencedMap<String, byte[]> without(SequencedMap<String, byte[]> entries, String... names) {
		SequencedMap<String, byte[]> rest = new LinkedHashMap<>(entries);
		for (String name : names) {
			rest.remove(name);
		}
		return rest;
	}

	/** Checks every entry against the manifest, then reads the objects. */
	private static List<VerifiedBundle.BundleObject> objects(Path file, ObjectNode manifest,
			SequencedMap<String, byte[]> contents) throws BundleRejectedException {
		Map<String, String> listed = new LinkedHashMap<>();
		for (var entry : manifest.path("entries")) {
			String path = Json.text(entry, "path");
			String sha256 = Json.text(entry, "sha256");
			byte[] bytes = path == null ? null : contents.get(path);
			String ref = Json.text(entry, "object");
			String what = path + (ref == null ? "" : " (" + ref + ")");
			if (bytes == null) {
				throw new BundleRejectedException(file + ": entry " + what + " listed in the manifest is missing");
			}
			if (!Crypto.sha256(bytes).equals(sha256) || entry.path("size").asLong(-1) != bytes.length) {
				throw new BundleRejectedException(file + ": hash mismatch of " + what + ": its content was altered");
			}
			if (listed.put(path, sha256) != null) {
				throw new BundleRejectedException(file + ": the manifest lists " + path + " twice");
			}
		}
		for (String path : contents.keySet()) {
			if (!listed.containsKey(path)) {
				throw new BundleRejectedException(file + ": entry " + path + " is not listed in the signed manifest");
			}
		}
		List<VerifiedBundle.BundleObject> objects = new ArrayList<>();
		for (Map.Entry<String, String> entry : listed.entrySet()) {
			if (entry.getKey().startsWith("objects/")) {
				ExchangeObject object = ObjectEntries.read(entry.getKey(), contents.get(entry.getKey()), contents);
				objects.add(new VerifiedBundle.BundleObject(object, entry.getValue(), ObjectEntries.contentHash(object)));
			}
		}
		if (objects.size() != manifest.path("objectCount").asInt(-1)) {
			throw new BundleRejectedException(file + ": the manifest counts " + manifest.path("objectCount")
					+ " objects but lists " + objects.size());
		}
		return objects;
	}
}
