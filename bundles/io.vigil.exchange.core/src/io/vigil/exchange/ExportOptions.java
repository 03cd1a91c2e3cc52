package io.vigil.exchange;

import java.util.List;
import java.util.Objects;

/**
 * How to write a bundle.
 *
 * @param signKey the name of the own key that signs the bundle
 * @param passphrase the passphrase of that key
 * @param recipients names of the keys to encrypt to; empty for a bundle anyone can read
 * @param redactionProfile the profile applied before writing; {@code null} for the default of the
 *            TLP ({@link RedactionProfiles#forTlp})
 * @param tlp the Traffic Light Protocol level recorded in the manifest ({@code CLEAR}, {@code GREEN},
 *            {@code AMBER}, {@code AMBER_STRICT}, {@code RED}); {@code null} when not given
 */
public record ExportOptions(String signKey, char[] passphrase, List<String> recipients, String redactionProfile,
		String tlp) {

	/** Checks the arguments and copies the recipients. */
	public ExportOptions {
		Objects.requireNonNull(signKey, "signKey");
		Objects.requireNonNull(passphrase, "passphrase");
		recipients = List.copyOf(recipients);
	}
}
