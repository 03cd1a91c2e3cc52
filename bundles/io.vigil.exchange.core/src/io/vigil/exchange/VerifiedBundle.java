package io.vigil.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A bundle whose signature and hashes verified, read-only: what it holds and who signed it.
 *
 * @param file the bundle file
 * @param sha256 the SHA-256 of the whole file
 * @param created when it was written
 * @param vigilVersion the Vigil version that wrote it
 * @param redactionProfile the redaction profile applied before writing
 * @param tlp the TLP level recorded, or {@code null}
 * @param signer the signer's public keys, named as the signer named them
 * @param signerKnown whether this workspace knows the signer's key
 * @param encrypted whether the bundle was encrypted (and decrypted here)
 * @param objects the objects with their hashes, in the bundle's order
 * @param warnings what the user should know before trusting the content (an unknown signer)
 */
public record VerifiedBundle(Path file, String sha256, Instant created, String vigilVersion, String redactionProfile,
		String tlp, HandlerKey signer, boolean signerKnown, boolean encrypted, List<BundleObject> objects,
		List<String> warnings) {

	/**
	 * One object of a bundle.
	 *
	 * @param object the object
	 * @param entrySha256 the SHA-256 of its entry's bytes, as the manifest lists it
	 * @param contentHash the hash of its content ({@link ExchangeBundles#contentHash})
	 */
	public record BundleObject(ExchangeObject object, String entrySha256, String contentHash) {
	}

	/** Copies the lists. */
	public VerifiedBundle {
		objects = List.copyOf(objects);
		warnings = List.copyOf(warnings);
	}
}
