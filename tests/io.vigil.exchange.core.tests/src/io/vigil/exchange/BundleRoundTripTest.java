package io.vigil.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;
import io.vigil.exchange.internal.format.StoredZip;

class BundleRoundTripTest {

	@TempDir
	Path folder;
	private Handler alice;
	private Handler bob;
	private List<ExchangeObject> incident;

	@BeforeEach
	void setUp() throws Exception {
		alice = new Handler(folder, "alice");
		bob = new Handler(folder, "bob");
		incident = List.of(
				Handler.object("incident", "INC-7", "{\"title\":\"Phishing wave\",\"tlp\":\"AMBER\",\"severity\":\"high\"}"),
				Handler.object("alert", "41", "{\"incident\":\"INC-7\",\"summary\":\"3 failed logins\"}"),
				Handler.object("event", "e-1", "{\"incident\":\"INC-7\",\"category\":\"authentication\"}"),
				Handler.object("evidence", "ev-1", "{\"incident\":\"INC-7\",\"note\":\"mail headers\"}",
						List.of(new Attachment("headers.eml", "message/rfc822",
								"Received: from mx\r\n".getBytes(StandardCharsets.UTF_8), false))));
		alice.put(incident.toArray(ExchangeObject[]::new));
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
	}

	@Test
	void aSignedExportOpensInAnotherWorkspaceWithTheSameObjectsAndHashes() throws Exception {
		List<ExchangeObject> collected = alice.participant.collect(ExchangeSelection.incident("INC-7"), alice.workspace);
		Path file = folder.resolve("inc-7.vigil");
		ExportResult result = alice.export(collected, file);

		VerifiedBundle bundle = bob.open(file);

		assertEquals(4, result.objects());
		assertEquals(Crypto.sha256(Files.readAllBytes(file)), bundle.sha256());
		assertEquals(alice.key().fingerprint(), bundle.signer().fingerprint());
		assertEquals(collected, bundle.objects().stream().map(VerifiedBundle.BundleObject::object).toList());
		for (int i = 0; i < collected.size(); i++) {
			assertEquals(ExchangeBundles.contentHash(collected.get(i)), bundle.objects().get(i).contentHash());
		}
		SequencedMap<String, byte[]> entries = StoredZip.read(Files.readAllBytes(file), 100);
		var manifest = Json.parseObject(entries.get("manifest.json"));
		for (var entry : manifest.path("entries")) {
			assertEquals(entry.path("sha256").asText(), Crypto.sha256(entries.get(entry.path("path").asText())));
		}
		assertEquals(bundle.objects().get(0).entrySha256(), manifest.path("entries").get(0).path("sha256").asText());
	}

	@Test
	void openingStoresNothingAndMergingStoresEverything() throws Exception {
		Path file = folder.resolve("inc-7.vigil");
		alice.export(incident, file);

		VerifiedBundle bundle = bob.open(file);
		MergePlan plan = bob.bundles.plan(bundle, List.of(bob.participant));

		assertTrue(bob.stored().isEmpty());
		assertEquals(4, plan.items(MergeAction.ADD).size());
		MergeResult result = bob.bundles.merge(plan, Map.of(), MergeDecision.OURS);
		assertEquals(4, result.stored().size());
		assertEquals(incident, bob.stored().stream()
				.sorted(java.util.Comparator.comparingInt(object -> incident.stream().map(ExchangeObject::ref).toList()
						.indexOf(object.ref())))
				.toList());
		assertArrayEquals("Received: from mx\r\n".getBytes(StandardCharsets.UTF_8),
				bob.stored("evidence", "ev-1").attachments().get(0).data());
	}

	@Test
	void theFileIsAStoredZipAnyoneCanListWhenNotEncrypted() throws Exception {
		Path file = folder.resolve("inc-7.vigil");
		alice.export(incident, file);

		SequencedMap<String, byte[]> entries = StoredZip.read(Files.readAllBytes(file), 100);

		assertEquals(List.of("vigil-bundle", "manifest.json", "manifest.sig", "objects/000001.json",
				"objects/000002.json", "objects/000003.json", "objects/000004.json", "attachments/000004/1-headers.eml"),
				List.copyOf(entries.keySet()));
		assertTrue(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("Phishing wave"));
		assertEquals(64, entries.get("manifest.sig").length);
	}

	@Test
	void aWrongPassphraseWritesNoBundle() throws Exception {
		Path file = folder.resolve("inc-7.vigil");

		ExchangeException e = assertThrows(ExchangeException.class, () -> alice.bundles.export(incident,
				new ExportOptions("alice", "wrong".toCharArray(), List.of(), "none", null), file));

		assertEquals("wrong passphrase for key alice", e.getMessage());
		assertFalse(Files.exists(file));
	}

	@Test
	void anEmptyOrUnknownKeyIsRefused() throws Exception {
		Path file = folder.resolve("x.vigil");
		ExchangeException unknown = assertThrows(ExchangeException.class, () -> alice.bundles.export(incident,
				new ExportOptions("carol", Handler.PASSPHRASE, List.of(), "none", null), file));
		ExchangeException recipient = assertThrows(ExchangeException.class, () -> alice.bundles.export(incident,
				new ExportOptions("alice", Handler.PASSPHRASE, List.of("dave"), "none", null), file));

		assertTrue(unknown.getMessage().contains("no key carol"), unknown.getMessage());
		assertTrue(recipient.getMessage().contains("no recipient key named dave"), recipient.getMessage());
	}

	@Test
	void aFileThatIsNoBundleIsRefusedClearly() throws Exception {
		Path text = folder.resolve("notes.txt");
		Files.writeString(text, "hello");

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> bob.open(text));

		assertTrue(e.getMessage().contains("is not a Vigil bundle"), e.getMessage());
	}
}
