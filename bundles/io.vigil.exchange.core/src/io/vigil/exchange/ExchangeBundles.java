package io.vigil.exchange;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.HandlerKeys.UnlockedKey;
import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;

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
	 *             a redacting profile meets content it cannot look into (a binary attachment), or the
	 *             file cannot be written
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
		if (!redaction.profile().equals(RedactionProfile.NONE) && !redaction.warnings().isEmpty()) {
			// A redacted bundle promises the profile's values are gone; a file redaction cannot read
			// could hold any of them, so it does not leave.
			throw new ExchangeException("cannot export with redaction profile " + redaction.profile() + ": "
					+ String.join("; ", redaction.warnings()) + ". Remove that content, or export without redaction");
		}
		duplicates(redaction.objects());
		byte[] file = BundleWriter.write(redaction, signer, recipients, tlp, clock.instant());
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
		return new BundleReader(workspace, keys).open(file, passphrases);
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

	/** Carries out a plan, keeping the workspace's copy in every conflict without a decision. */
	public MergeResult merge(MergePlan plan, Map<String, MergeDecision> decisions)
			throws ExchangeException, WorkspaceException {
		return merge(plan, decisions, MergeDecision.OURS);
	}

	/**
	 * Carries out a plan: stores the added and updated objects, and the conflicts decided for the
	 * bundle, with their participants (one transaction per participant); then records every
	 * object's bundle content hash as the new base. When a participant fails, the participants before
	 * it have stored their objects but no base is recorded, so merging the bundle again plans the
	 * same changes (the stored ones then as {@link MergeAction#SAME}).
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
				ExchangeParticipant participant = plan.participants().get(theirs.type());
				// The plan was made a while ago (a person read it): if our copy changed since, taking
				// theirs would silently undo that change.
				String now = participant.current(theirs.type(), theirs.id(), workspace).map(ExchangeBundles::contentHash)
						.orElse(null);
				if (!Objects.equals(now, item.oursHash())) {
					throw new ExchangeException(theirs.ref() + " changed in this workspace since the merge was planned;"
							+ " nothing was stored: open the bundle again to plan the merge anew");
				}
				toStore.computeIfAbsent(participant, key -> new ArrayList<>()).add(theirs);
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
			return Base64.getDecoder().decode(stored.get());
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
