package io.vigil.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.exchange.internal.format.StoredZip;

class EncryptionAndTrustTest {

	@TempDir
	Path folder;
	private Handler alice;
	private Handler bob;
	private Handler carol;
	private List<ExchangeObject> objects;

	@BeforeEach
	void setUp() throws Exception {
		alice = new Handler(folder, "alice");
		bob = new Handler(folder, "bob");
		carol = new Handler(folder, "carol");
		objects = List.of(Handler.object("incident", "INC-3", "{\"title\":\"Secret lateral movement\"}"));
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
		carol.close();
	}

	private Path encryptedForBob() throws Exception {
		alice.knows(bob);
		Path file = folder.resolve("for-bob.vigil");
		alice.bundles.export(objects, new ExportOptions("alice", Handler.PASSPHRASE, List.of("bob"), "none", null), file);
		return file;
	}

	@Test
	void theRecipientOpensAnEncryptedBundle() throws Exception {
		Path file = encryptedForBob();

		VerifiedBundle bundle = bob.open(file);

		assertTrue(bundle.encrypted());
		assertEquals(objects, bundle.objects().stream().map(VerifiedBundle.BundleObject::object).toList());
	}

	@Test
	void anEncryptedBundleHidesItsObjects() throws Exception {
		Path file = encryptedForBob();
		byte[] bytes = Files.readAllBytes(file);

		String text = new String(bytes, StandardCharsets.ISO_8859_1);

		assertFalse(text.contains("Secret lateral movement"));
		assertFalse(text.contains("INC-3"));
		assertEquals(List.of("vigil-bundle", "manifest.json", "manifest.sig", "payload.bin"),
				List.copyOf(StoredZip.read(bytes, 10).keySet()));
	}

	@Test
	void anAlteredPayloadIsRefusedBeforeDecryption() throws Exception {
		Path file = encryptedForBob();
		Path tampered = folder.resolve("tampered.vigil");
		Files.write(tampered, TamperTest.forge(Files.readAllBytes(file), "payload.bin", bytes -> {
			byte[] copy = bytes.clone();
			copy[copy.length / 2] ^= 0x01;
			return copy;
		}));

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> bob.open(tampered));

		assertEquals(tampered + ": hash mismatch of payload.bin (the encrypted objects)", e.getMessage());
	}

	@Test
	void flippingAnyOneByteOfAnEncryptedBundleMakesItRefused() throws Exception {
		byte[] original = Files.readAllBytes(encryptedForBob());
		Path tampered = folder.resolve("tampered.vigil");
		for (int position = 0; position < original.length; position++) {
			byte[] copy = original.clone();
			copy[position] ^= 0x01;
			Files.write(tampered, copy);
			int at = position;
			assertThrows(BundleRejectedException.class, () -> bob.open(tampered), () -> "byte " + at + " was changed");
		}
	}

	@Test
	void someoneElseCannotOpenIt() throws Exception {
		Path file = encryptedForBob();

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> carol.open(file));

		assertTrue(e.getMessage().contains("not a recipient: the bundle is encrypted for bob (" + bob.key().fingerprint()
				+ ")"), e.getMessage());
	}

	@Test
	void theRecipientsWrongPassphraseIsRefused() throws Exception {
		Path file = encryptedForBob();

		BundleRejectedException e = assertThrows(BundleRejectedException.class,
				() -> bob.bundles.open(file, name -> "guess".toCharArray()));

		assertTrue(e.getMessage().endsWith("cannot decrypt: wrong passphrase for key bob"), e.getMessage());
	}

	@Test
	void aBundleThatIsNotEncryptedNeverAsksForAPassphrase() throws Exception {
		Path file = folder.resolve("plain.vigil");
		alice.export(objects, file);

		VerifiedBundle bundle = bob.bundles.open(file, name -> {
			throw new ExchangeException("asked for " + name);
		});

		assertFalse(bundle.encrypted());
	}

	@Test
	void anUnknownSignerGivesAWarningWithTheFingerprint() throws Exception {
		Path file = folder.resolve("plain.vigil");
		alice.export(objects, file);

		VerifiedBundle bundle = bob.open(file);

		assertFalse(bundle.signerKnown());
		assertEquals(List.of("signed by alice, key fingerprint " + alice.key().fingerprint()
				+ ", which this workspace does not know: check the fingerprint with the sender"), bundle.warnings());
		assertTrue(bob.keys.find("alice").isEmpty(), "opening remembers nothing");
	}

	@Test
	void aKnownSignerGivesNoWarning() throws Exception {
		Path file = folder.resolve("plain.vigil");
		alice.export(objects, file);
		bob.knows(alice);

		VerifiedBundle bundle = bob.open(file);

		assertTrue(bundle.signerKnown());
		assertTrue(bundle.warnings().isEmpty());
	}

	@Test
	void aWorkspaceThatAcceptsKnownSignersOnlyRefusesAnUnknownOne() throws Exception {
		Path file = folder.resolve("plain.vigil");
		alice.export(objects, file);
		bob.workspace.setProperty(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY, "true");

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> bob.open(file));

		assertTrue(e.getMessage().contains("unknown signer alice (fingerprint " + alice.key().fingerprint() + ")"),
				e.getMessage());
		bob.knows(alice);
		assertTrue(bob.open(file).signerKnown());
	}

	@Test
	void aSignerClaimingAKnownNameWithAnotherKeyIsStillUnknown() throws Exception {
		Path file = folder.resolve("plain.vigil");
		alice.export(objects, file);
		Handler impostor = new Handler(folder.resolve("other"), "alice");
		try {
			bob.knows(impostor);

			VerifiedBundle bundle = bob.open(file);

			assertFalse(bundle.signerKnown());
			assertTrue(bundle.warnings().stream().anyMatch(w -> w.contains("is not from the alice you know")),
					bundle.warnings().toString());
			assertThrows(ExchangeException.class, () -> bob.keys.remember(bundle.signer()));
		} finally {
			impostor.close();
		}
	}

	@Test
	void publicKeysTravelAsFiles() throws Exception {
		Path file = folder.resolve("alice.pub");
		alice.keys.exportPublic("alice", file);

		HandlerKey imported = bob.keys.importPublic(file);

		assertFalse(imported.own());
		assertEquals(alice.key().fingerprint(), imported.fingerprint());
		assertTrue(alice.key().sameKeys(bob.keys.importPublic(file)), "importing twice changes nothing");
		assertFalse(Files.readString(file).contains("private"));
	}
}
