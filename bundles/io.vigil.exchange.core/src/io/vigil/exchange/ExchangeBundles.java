package io.vigil.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.VigilVersion;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.HandlerKeys.UnlockedKey;
import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;
import io.vigil.exchange.internal.format.StoredZip;

/**
 * Exports workspace objects into signed (and optionally encrypted) bundle files, and opens and
 * merges such files; the layout is described in {@link io.vigil.exchange the package}.
 *
 * <p>
 * Opening verifies everything before returning anything: the archive's structure, the Ed25519
 * signature over the exact manifest bytes, then the SHA-256 and size of every entry. Opening and
 * planning never write to the workspace; only {@link #merge} and {@link #export} do (the objects,
 * and each object's content hash as the base of the next exchange).
 */
public final class ExchangeBundles {

	/** The workspace setting that refuses bundles from signers the workspace does not know. */
	public static final String ACCEPT_KNOWN_SIGNERS_ONLY = "exchange.acceptKnownSignersOnly";
	/** The workspace setting holding the secret that keys pseudonyms. */
	static final String PSEUDONYM_SECRET = "exchange.pseudonymSecret";

	static final String MARKER = "vigil-bundle";
	static final String MANIFEST = "manifest.json";
	static final String SIGNATURE = "manifest.sig";
	static final String PAYLOAD = "payload.bin";
	static final byte[] MARKER_TEXT = "Vigil workspace bundle, format 1\n".getBytes(StandardCharsets.UTF_8);
	static final String FORMAT = "vigil-bundle";
	static final int FORMAT_VERSION = 1;
	private static final long MAX_FILE = 1L << 30;
	private static final int MAX_ENTRIES = 1_000_000;
	private static final byte[] PAYLOAD_AAD = "vigil-bundle payload".getBytes(StandardCharsets.UTF_8);
	private static final String WRAP_INFO = "vigil-bundle content key";

	private final Workspace workspace;
	private final HandlerKeys keys;
	private final RedactionProfiles profiles;
	private final ExchangeBaseStore bases;
	private final Clock clock;

	/**
	 * Makes the exchange of a workspace, bringing its records up to date.
	 *
	 * @throws WorkspaceException if the database cannot be brought up to date
	 */
	public ExchangeBundles(Workspace workspace, HandlerKeys keys, Clock clock) throws WorkspaceException {
		this.workspace = Objects.requireNonNull(workspace, "workspace");
		this.keys = Objects.requireNonNull(keys, "keys");
		this.clock = Objects.requireNonNull(clock, "clock");
		workspace.ensureSchema(new ExchangeSchema());
		this.profiles = new RedactionProfiles(workspace);
		this.bases = new ExchangeBaseStore(workspace.database());
	}

	/** Returns the exchange of a workspace with its key store and the system clock. */
	public static ExchangeBundles of(Workspace workspace) throws WorkspaceException {
		return new ExchangeBundles(workspace, HandlerKeys.of(workspace), Clock.systemUTC());
	}

	/** Returns the workspace's handler keys. */
	public HandlerKeys keys() {
		return keys;
	}

	/** Returns the workspace's redaction profiles. */
	public RedactionProfiles profiles() {
		return profiles;
	}

	/** Returns the hash of an object's content, the same in every workspace for the same content. */
	public static String contentHash(ExchangeObject object) {
		return ObjectEntries.contentHash(object);
	}

	/**
	 * Returns what would leave the workspace: the objects after redaction, each replaced value and
	 * each dropped field. Writes nothing (except the workspace's pseudonym secret, made once).
	 *
	 * @param profileName a profile name, or {@code null} for the default of the TLP
	 * @param tlp the TLP level, or {@code null}
	 */
	public Redaction preview(List<ExchangeObject> objects, String profileName, String tlp)
			throws ExchangeException, WorkspaceException {
		String name = profileName != null ? profileName : profiles.forTlp(tlp);
		return new Redactor(profiles.profile(name), pseudonymSecret()).apply(objects);
	}

	/**
	 * Writes objects into a bundle file: redacts them, lists them in a manifest, signs it, and
	 * encrypts the objects to the recipients if any. The file appears whole or not at all. Records
	 * each written object's content hash as the base of later imports.
	 *
	 * @throws ExchangeException if a key is missing, the passphrase is wrong, the profile is unknown,
	 *             or the file cannot be written
	 */
	public ExportResult export(List<ExchangeObject> objects, ExportOptions options, Path out)
			throws ExchangeException, WorkspaceException {
		if (objects.isEmpty()) {
			throw new ExchangeException("nothing to export: no objects");
		}
		duplicates(objects);
		UnlockedKey signer = keys.unlock(options.signKey(), options.passphrase());
		List<HandlerKey> recipients = new ArrayList<>();
		for (String name : options.recipients()) {
			recipients.add(keys.find(name).orElseThrow(() -> new ExchangeException("no recipient key named " + name
					+ " in " + keys.directory() + "; import it with 'keys import FILE'")));
		}
		String tlp = options.tlp() == null ? null
				: RedactionProfiles.level(options.tlp())
						.orElseThrow(() -> new ExchangeException("unknown TLP level " + options.tlp()));
		Redaction redaction = preview(objects, options.redactionProfile(), tlp);
		duplicates(redaction.objects());
		byte[] file = write(redaction, signer, recipients, tlp);
		writeAtomically(out, file);
		String sha256 = Crypto.sha256(file);
		Map<String, String> hashes = new LinkedHashMap<>();
		redaction.objects().forEach(object -> hashes.put(object.ref(), contentHash(object)));
		bases.record(hashes, ExchangeBaseStore.Direction.EXPORT, sha256, clock.instant());
		return new ExportResult(sha256, redaction.objects().size(), signer.key(), recipients, redaction);
	}

	private static void duplicates(List<ExchangeObject> objects) throws ExchangeException {
		Map<String, ExchangeObject> seen = new HashMap<>();
		for (ExchangeObject object : objects) {
			if (seen.put(object.ref(), object) != null) {
				throw new ExchangeException("object " + object.ref() + " is selected twice, or redaction made two"
						+ " objects' ids equal");
			}
		}
	}

	private byte[] write(Redaction redaction, UnlockedKey signer, List<HandlerKey> recipients, String tlp)
			throws ExchangeException {
		SequencedMap<String, byte[]> contents = new LinkedHashMap<>();
		Map<String, String> refs = new HashMap<>();
		int index = 0;
		for (ExchangeObject object : redaction.objects()) {
			refs.put(ObjectEntries.add(object, ++index, contents), object.ref());
		}
		boolean encrypted = !recipients.isEmpty();
		ObjectNode manifest = manifest(redaction, signer.key(), tlp);
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

	private ObjectNode manifest(Redaction redaction, HandlerKey signer, String tlp) {
		ObjectNode manifest = Json.MAPPER.createObjectNode().put("format", FORMAT).put("formatVersion", FORMAT_VERSION)
				.put("vigilVersion", VigilVersion.running().toString()).put("created", clock.instant().toString())
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
			byte[] wrapKey = wrapKey(Crypto.agree(ephemeral.getPrivate(), recipient.encryptionKey()), ephemeralKey,
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

	private static byte[] wrapKey(byte[] shared, byte[] ephemeralKey, byte[] recipientKey)
			throws GeneralSecurityException {
		byte[] salt = new byte[ephemeralKey.length + recipientKey.length];
		System.arraycopy(ephemeralKey, 0, salt, 0, ephemeralKey.length);
		System.arraycopy(recipientKey, 0, salt, ephemeralKey.length, recipientKey.length);
		return Crypto.hkdf(shared, salt, WRAP_INFO, Crypto.KEY_BYTES);
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
	public VerifiedBundle open(Path file, Passphrases passphrases) throws ExchangeException, WorkspaceException {
		byte[] bytes = readFile(file);
		SequencedMap<String, byte[]> outer = archive(file, bytes, "");
		byte[] marker = outer.get(MARKER);
		byte[] manifestBytes = outer.get(MANIFEST);
		byte[] signature = outer.get(SIGNATURE);
		if (marker == null || !java.util.Arrays.equals(marker, MARKER_TEXT) || manifestBytes == null
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
		} catch (java.util.zip.ZipException e) {
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
		try {
			return new HandlerKey(name, signing, encryption, java.time.Instant.parse(Json.text(signer, "created")),
					false);
		} catch (RuntimeException e) {
			throw new BundleRejectedException(file + ": bad signature: the manifest is damaged (signer)", e);
		}
	}

	private static java.time.Instant instant(Path file, ObjectNode manifest) throws BundleRejectedException {
		try {
			return java.time.Instant.parse(Json.text(manifest, "created"));
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
			if (key.own() && java.util.Arrays.equals(key.encryptionKey(), encryptionKey)) {
				return Optional.of(key);
			}
		}
		return Optional.empty();
	}

	private SequencedMap<String, byte[]> openPayload(Path file, byte[] payload, ObjectNode encryption,
			com.fasterxml.jackson.databind.JsonNode recipient, HandlerKey own, Passphrases passphrases)
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
			byte[] wrapKey = wrapKey(Crypto.agree(unlocked.encryption(), ephemeralKey), ephemeralKey,
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
				objects.add(new VerifiedBundle.BundleObject(object, entry.getValue(), contentHash(object)));
			}
		}
		if (objects.size() != manifest.path("objectCount").asInt(-1)) {
			throw new BundleRejectedException(file + ": the manifest counts " + manifest.path("objectCount")
					+ " objects but lists " + objects.size());
		}
		return objects;
	}

	/**
	 * Compares each object of a bundle with the workspace's copy and the base of the last exchange.
	 * Writes nothing.
	 */
	public MergePlan plan(VerifiedBundle bundle, Collection<ExchangeParticipant> participants)
			throws ExchangeException, WorkspaceException {
		Map<String, ExchangeParticipant> byType = byType(participants);
		List<MergePlan.Item> items = new ArrayList<>();
		for (VerifiedBundle.BundleObject entry : bundle.objects()) {
			ExchangeObject theirs = entry.object();
			ExchangeParticipant participant = byType.get(theirs.type());
			if (participant == null) {
				items.add(new MergePlan.Item(theirs, MergeAction.UNSUPPORTED, entry.contentHash(), null, null));
				continue;
			}
			String ours = participant.current(theirs.type(), theirs.id(), workspace).map(ExchangeBundles::contentHash)
					.orElse(null);
			String base = bases.base(theirs.type(), theirs.id()).orElse(null);
			items.add(new MergePlan.Item(theirs, action(entry.contentHash(), ours, base), entry.contentHash(), ours,
					base));
		}
		return new MergePlan(bundle, items, byType);
	}

	private static MergeAction action(String theirs, String ours, String base) {
		if (ours == null) {
			return MergeAction.ADD;
		}
		if (ours.equals(theirs)) {
			return MergeAction.SAME;
		}
		if (ours.equals(base)) {
			return MergeAction.UPDATE;
		}
		if (theirs.equals(base)) {
			return MergeAction.KEEP;
		}
		return MergeAction.CONFLICT;
	}

	/**
	 * Returns the participants by object type.
	 *
	 * @throws ExchangeException if two participants claim the same type
	 */
	public static Map<String, ExchangeParticipant> byType(Collection<ExchangeParticipant> participants)
			throws ExchangeException {
		Map<String, ExchangeParticipant> byType = new HashMap<>();
		for (ExchangeParticipant participant : participants) {
			for (String type : participant.types()) {
				ExchangeParticipant other = byType.put(type, participant);
				if (other != null && other != participant) {
					throw new ExchangeException("two capabilities claim objects of type " + type + ": "
							+ other.getClass().getName() + " and " + participant.getClass().getName());
				}
			}
		}
		return byType;
	}

	/**
	 * Carries out a plan: stores the added and updated objects, and the conflicts decided for the
	 * bundle, with their participants (one transaction per participant); then records every
	 * object's bundle content hash as the new base.
	 *
	 * @param decisions decisions for conflicts by reference {@code type:id}
	 * @param otherwise the decision for conflicts without one
	 */
	public MergeResult merge(MergePlan plan, Map<String, MergeDecision> decisions, MergeDecision otherwise)
			throws ExchangeException, WorkspaceException {
		Map<ExchangeParticipant, List<ExchangeObject>> toStore = new LinkedHashMap<>();
		List<String> stored = new ArrayList<>();
		List<String> keptOurs = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		Map<String, String> hashes = new LinkedHashMap<>();
		for (MergePlan.Item item : plan.items()) {
			ExchangeObject theirs = item.theirs();
			boolean take = switch (item.action()) {
			case ADD, UPDATE -> true;
			case CONFLICT -> decisions.getOrDefault(theirs.ref(), otherwise) == MergeDecision.THEIRS;
			case SAME, KEEP, UNSUPPORTED -> false;
			};
			if (item.action() == MergeAction.UNSUPPORTED) {
				skipped.add(theirs.ref());
				continue;
			}
			if (take) {
				toStore.computeIfAbsent(plan.participants().get(theirs.type()), key -> new ArrayList<>()).add(theirs);
				stored.add(theirs.ref());
			} else if (item.action() == MergeAction.CONFLICT) {
				keptOurs.add(theirs.ref());
			}
			hashes.put(theirs.ref(), item.theirsHash());
		}
		for (Map.Entry<ExchangeParticipant, List<ExchangeObject>> entry : toStore.entrySet()) {
			entry.getKey().store(entry.getValue(), workspace);
		}
		bases.record(hashes, ExchangeBaseStore.Direction.IMPORT, plan.bundle().sha256(), clock.instant());
		return new MergeResult(stored, keptOurs, skipped);
	}

	/** Returns the workspace's pseudonym secret, making it on first use. */
	private byte[] pseudonymSecret() throws WorkspaceException {
		Optional<String> stored = workspace.property(PSEUDONYM_SECRET);
		if (stored.isPresent()) {
			return java.util.Base64.getDecoder().decode(stored.get());
		}
		byte[] secret = Crypto.random(32);
		workspace.setProperty(PSEUDONYM_SECRET, Json.base64(secret));
		return secret;
	}

	private static void writeAtomically(Path out, byte[] bytes) throws ExchangeException {
		Path parent = out.toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
			Path temporary = Files.createTempFile(parent, ".vigil-bundle", ".tmp");
			try {
				Files.write(temporary, bytes);
				try {
					Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
				}
			} finally {
				Files.deleteIfExists(temporary);
			}
		} catch (IOException e) {
			throw new ExchangeException("cannot write " + out + ": " + e.getMessage(), e);
		}
	}
}
