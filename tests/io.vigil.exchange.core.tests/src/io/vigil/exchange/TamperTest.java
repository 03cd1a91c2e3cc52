package io.vigil.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.exchange.internal.format.StoredZip;

/** A bundle with any one byte changed is refused, and nothing of it is stored. */
class TamperTest {

	private static final List<String> KNOWN = List.of("bad signature", "hash mismatch", "not a Vigil bundle",
			"is damaged", "not listed", "missing");

	@TempDir
	Path folder;
	private Handler alice;
	private Handler bob;
	private Path file;
	private byte[] original;

	@BeforeEach
	void setUp() throws Exception {
		alice = new Handler(folder, "alice");
		bob = new Handler(folder, "bob");
		List<ExchangeObject> objects = List.of(
				Handler.object("incident", "INC-1", "{\"title\":\"Beacon\",\"owner\":\"sam\"}"),
				Handler.object("evidence", "ev-9", "{\"incident\":\"INC-1\"}", List.of(new Attachment("beacon.bin",
						"application/octet-stream", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, false))));
		file = folder.resolve("inc-1.vigil");
		alice.export(objects, file);
		original = Files.readAllBytes(file);
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
	}

	@Test
	void flippingAnyOneByteMakesTheBundleRefused() throws Exception {
		Path tampered = folder.resolve("tampered.vigil");
		Map<String, Integer> reasons = new TreeMap<>();
		for (int position = 0; position < original.length; position++) {
			byte[] copy = original.clone();
			copy[position] ^= 0x01;
			Files.write(tampered, copy);
			try {
				bob.open(tampered);
				fail("byte " + position + " of " + original.length + " was changed and the bundle still opened");
			} catch (BundleRejectedException e) {
				reasons.merge(reason(e.getMessage()), 1, Integer::sum);
			}
		}
		assertTrue(bob.stored().isEmpty());
		assertTrue(KNOWN.containsAll(reasons.keySet()), "unexpected messages: " + reasons);
	}

	@Test
	void theMessageSaysWhichObjectWasAltered() throws Exception {
		Path tampered = folder.resolve("tampered.vigil");
		Files.write(tampered, forge(original, "objects/000001.json", bytes -> replace(bytes, "Beacon", "beacon")));

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> bob.open(tampered));

		assertEquals(tampered + ": hash mismatch of objects/000001.json (incident:INC-1): its content was altered",
				e.getMessage());
	}

	@Test
	void aChangedSignatureIsABadSignature() throws Exception {
		Path tampered = folder.resolve("tampered.vigil");
		Files.write(tampered, forge(original, "manifest.sig", bytes -> {
			byte[] copy = bytes.clone();
			copy[10] ^= 0x40;
			return copy;
		}));

		BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> bob.open(tampered));

		assertTrue(e.getMessage().contains("bad signature"), e.getMessage());
	}

	@Test
	void aRefusedBundleLeavesTheWorkspaceAsItWas() throws Exception {
		bob.put(Handler.object("incident", "INC-1", "{\"title\":\"Ours\"}"));
		Path tampered = folder.resolve("tampered.vigil");
		Files.write(tampered, forge(original, "manifest.json", bytes -> replace(bytes, "\"objectCount\":2",
				"\"objectCount\":3")));

		assertThrows(BundleRejectedException.class, () -> bob.open(tampered));

		assertEquals(List.of(Handler.object("incident", "INC-1", "{\"title\":\"Ours\"}")), bob.stored());
		assertTrue(new ExchangeBaseStore(bob.workspace.database()).base("incident", "INC-1").isEmpty());
	}

	private static String reason(String message) {
		for (String reason : KNOWN) {
			if (message.contains(reason)) {
				return reason;
			}
		}
		return message;
	}

	/**
	 * Returns the bundle with one entry changed and the ZIP rewritten around it, as a careful forger
	 * would, so that the change reaches the hash and signature checks rather than the ZIP's own.
	 */
	static byte[] forge(byte[] archive, String entry, java.util.function.UnaryOperator<byte[]> change)
			throws Exception {
		java.util.SequencedMap<String, byte[]> entries = StoredZip.read(archive, 100);
		entries.put(entry, change.apply(entries.get(entry)));
		return StoredZip.write(entries);
	}

	static byte[] replace(byte[] bytes, String from, String to) {
		return new String(bytes, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
	}
}
