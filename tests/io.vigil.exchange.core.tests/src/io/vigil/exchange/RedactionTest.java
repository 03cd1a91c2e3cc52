package io.vigil.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.exchange.internal.format.StoredZip;

class RedactionTest {

	/** Values the pseudonymize profile must remove, as they appear in the objects. */
	private static final List<String> SECRETS = List.of("10.20.30.40", "192.168.7.9", "2001:db8::17", "jdoe", "mallory",
			"ws-finance-07", "db01.corp.example", "svc_backup", "evil-cdn.example");
	/** The same, with the spellings that appear in text; searched in raw bytes, where base64 could mimic any case. */
	private static final List<String> SECRETS_AS_WRITTEN = java.util.stream.Stream
			.concat(SECRETS.stream(), java.util.stream.Stream.of("JDOE")).toList();

	@TempDir
	Path folder;
	private Handler alice;
	private Handler bob;
	private List<ExchangeObject> objects;

	@BeforeEach
	void setUp() throws Exception {
		alice = new Handler(folder, "alice");
		bob = new Handler(folder, "bob");
		objects = List.of(
				Handler.object("incident", "INC-5", """
						{"title":"Brute force on db01.corp.example","tlp":"RED",
						 "summary":"JDOE was locked out after logins from 10.20.30.40 and 2001:db8::17",
						 "notes":["mallory used ws-finance-07 at 09:15:00"],
						 "observables":[{"kind":"user","value":"svc_backup","comment":"svc_backup ran the dump"},
						                {"kind":"domain","value":"evil-cdn.example"},
						                {"kind":"hash","value":"d41d8cd98f00b204e9800998ecf8427e"}]}"""),
				Handler.object("event", "e-1", """
						{"incident":"INC-5","hostname":"db01.corp.example","summary":"login failed",
						 "details":{"username":"jdoe","sourceipaddress":"10.20.30.40","payload":"raw bytes of jdoe"}}"""),
				Handler.object("event", "e-2", """
						{"incident":"INC-5","details":{"sourcehostname":"ws-finance-07","user":"mallory",
						 "destinationipaddress":"192.168.7.9"},"raw":"<13>Dec 4 mallory",
						 "comment":"see std::vector and ::1"}"""),
				Handler.object("alert", "41", """
						{"incident":"INC-5","groupField":"details.username","groupValue":"jdoe",
						 "summary":"5 failed logins by jdoe"}""",
						List.of(new Attachment("log.txt", "text/plain",
								"login from 192.168.7.9 by mallory".getBytes(StandardCharsets.UTF_8), false),
								new Attachment("capture.pcap", "application/vnd.tcpdump.pcap",
										"pcap 10.20.30.40".getBytes(StandardCharsets.UTF_8), true))));
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
	}

	private Path export(String profile, String tlp, String name) throws Exception {
		Path file = folder.resolve(name);
		alice.bundles.export(objects, new ExportOptions("alice", Handler.PASSPHRASE, List.of(), profile, tlp), file);
		return file;
	}

	@Test
	void aPseudonymizedBundleHoldsNoneOfTheRedactedValues() throws Exception {
		Path file = export("pseudonymize", null, "redacted.vigil");
		byte[] bytes = Files.readAllBytes(file);

		String whole = new String(bytes, StandardCharsets.ISO_8859_1);
		for (String secret : SECRETS_AS_WRITTEN) {
			assertFalse(whole.contains(secret), secret + " is in the file");
		}
		for (Map.Entry<String, byte[]> entry : StoredZip.read(bytes, 100).entrySet()) {
			String decoded = new String(entry.getValue(), StandardCharsets.UTF_8);
			for (String secret : SECRETS_AS_WRITTEN) {
				assertFalse(decoded.contains(secret), secret + " is in " + entry.getKey());
			}
		}
		VerifiedBundle bundle = bob.open(file);
		String objectsText = bundle.objects().toString().toLowerCase(Locale.ROOT);
		for (String secret : SECRETS) {
			assertFalse(objectsText.contains(secret), secret + " is in a decoded object");
		}
	}

	@Test
	void shortValuesAreReplacedAsWordsAndLeaveHashesIdsAndTimesWhole() throws Exception {
		String hash = "9fc1db3271c6f79abecffc2ebc1c258b7b608c6a58bdd522830e3d10b1087a1b";
		String uuid = "5adb0e2c-6d1a-4b8e-9db5-1c2d3e4f5a6b";
		List<ExchangeObject> tricky = List.of(Handler.object("incident", "inc-dbedq2dbed", """
				{"title":"Lateral movement to db","tlp":"RED","addedBy":"ed",
				 "evidence":[{"sha256":"%s","id":"%s","addedAt":"2026-12-03T10:00:00Z"}],
				 "observables":[{"kind":"host","value":"db"},{"kind":"user","value":"ed"}],
				 "notes":["added by ed; then ed logged in to db"]}""".formatted(hash, uuid)));

		ExchangeObject redacted = alice.bundles.preview(tricky, "pseudonymize", null).objects().get(0);

		String content = redacted.content().toString();
		assertEquals("inc-dbedq2dbed", redacted.id());
		assertTrue(content.contains(hash) && content.contains(uuid) && content.contains("2026-12-03T10:00:00Z"), content);
		assertTrue(content.contains("\"addedBy\"") && content.contains("\"added by "), "names and words stay: " + content);
		assertFalse(content.contains(" ed ") || content.contains(" ed;") || content.contains("to db\""), content);
	}

	@Test
	void aRedactedExportRefusesContentItCannotLookInto() throws Exception {
		List<ExchangeObject> binary = List.of(Handler.object("incident", "INC-10", "{\"title\":\"memory of db01\"}",
				List.of(new Attachment("dump.bin", "application/octet-stream", new byte[] { 10, 20, 30, 40 }, false))));
		Path file = folder.resolve("binary.vigil");

		ExchangeException error = assertThrows(ExchangeException.class, () -> alice.bundles.export(binary,
				new ExportOptions("alice", Handler.PASSPHRASE, List.of(), "pseudonymize", null), file));

		assertTrue(error.getMessage().contains("dump.bin") && error.getMessage().contains("without redaction"),
				error.getMessage());
		assertFalse(Files.exists(file));
		alice.bundles.export(binary, new ExportOptions("alice", Handler.PASSPHRASE, List.of(), "none", null), file);
		assertTrue(Files.size(file) > 0, "without redaction it leaves as it is");
	}

	@Test
	void rawPayloadsAreDroppedAndTheRestStays() throws Exception {
		VerifiedBundle bundle = bob.open(export("pseudonymize", null, "redacted.vigil"));

		ExchangeObject e1 = bundle.objects().get(1).object();
		ExchangeObject e2 = bundle.objects().get(2).object();
		ExchangeObject alert = bundle.objects().get(3).object();
		assertFalse(e1.content().path("details").has("payload"));
		assertFalse(e2.content().has("raw"));
		assertEquals("login failed", e1.content().path("summary").asText());
		assertEquals(List.of("log.txt"), alert.attachments().stream().map(Attachment::name).toList());
		assertTrue(bundle.objects().get(0).object().content().path("notes").get(0).asText().endsWith(" at 09:15:00"),
				"a time is not an address");
		assertEquals("d41d8cd98f00b204e9800998ecf8427e",
				bundle.objects().get(0).object().content().path("observables").get(2).path("value").asText());
		assertEquals("see std::vector and ::1", bundle.objects().get(2).object().content().path("comment").asText());
	}

	@Test
	void theSameValueGetsTheSamePseudonymEverywhere() throws Exception {
		VerifiedBundle bundle = bob.open(export("pseudonymize", null, "redacted.vigil"));

		ExchangeObject incident = bundle.objects().get(0).object();
		ExchangeObject e1 = bundle.objects().get(1).object();
		ExchangeObject alert = bundle.objects().get(3).object();
		String user = e1.content().path("details").path("username").asText();
		String address = e1.content().path("details").path("sourceipaddress").asText();
		String host = e1.content().path("hostname").asText();
		assertTrue(user.startsWith("user-"), user);
		assertTrue(address.startsWith("ip-"), address);
		assertTrue(host.startsWith("host-"), host);
		assertEquals(user, alert.content().path("groupValue").asText());
		assertEquals("5 failed logins by " + user, alert.content().path("summary").asText());
		String summary = incident.content().path("summary").asText();
		assertTrue(summary.startsWith(user + " was locked out after logins from " + address + " and ip-"), summary);
		assertEquals("Brute force on " + host, incident.content().path("title").asText());
	}

	@Test
	void pseudonymsAreStableAcrossExportsOfAWorkspaceButNotAcrossWorkspaces() throws Exception {
		Redaction first = alice.bundles.preview(objects, "pseudonymize", null);
		Redaction second = alice.bundles.preview(objects, "pseudonymize", null);
		Redaction elsewhere = bob.bundles.preview(objects, "pseudonymize", null);

		assertEquals(pseudonyms(first), pseudonyms(second));
		assertNotEquals(pseudonyms(first).get("jdoe"), pseudonyms(elsewhere).get("jdoe"));
	}

	@Test
	void thePreviewShowsEachReplacementAndDropWithoutWriting() throws Exception {
		Redaction preview = alice.bundles.preview(objects, "pseudonymize", null);

		assertTrue(preview.replaced().stream().anyMatch(r -> r.ref().equals("event:e-1")
				&& r.path().equals("details.username") && r.value().equals("jdoe") && r.pseudonym().startsWith("user-")));
		assertTrue(preview.dropped().contains(new Redaction.Dropped("event:e-1", "details.payload")));
		assertTrue(preview.dropped().contains(new Redaction.Dropped("alert:41", "attachment:capture.pcap")));
		assertTrue(TestParticipant.all(bob.workspace).isEmpty());
		try (var files = Files.list(folder)) {
			assertTrue(files.noneMatch(path -> path.toString().endsWith(".vigil")));
		}
	}

	@Test
	void theTlpChoosesTheDefaultProfile() throws Exception {
		assertEquals("pseudonymize", alice.bundles.profiles().forTlp("RED"));
		assertEquals("pseudonymize", alice.bundles.profiles().forTlp("TLP:AMBER+STRICT"));
		assertEquals("none", alice.bundles.profiles().forTlp("GREEN"));
		alice.workspace.setProperty(RedactionProfiles.TLP_SETTING + "AMBER", "pseudonymize");
		assertEquals("pseudonymize", alice.bundles.profiles().forTlp("amber"));

		VerifiedBundle bundle = bob.open(export(null, "RED", "red.vigil"));

		assertEquals("pseudonymize", bundle.redactionProfile());
		assertEquals("RED", bundle.tlp());
	}

	@Test
	void aUserProfileDropsPseudonymizesAndReplaces() throws Exception {
		Path directory = alice.bundles.profiles().directory();
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("partners.yml"), """
				# shared with partner CERTs
				drop: [notes]
				users: [details.username]
				ipAddresses: false
				rawAttachments: keep
				replace:
				  - pattern: 'INC-[0-9]+'
				    with: 'CASE'
				""");

		Redaction redaction = alice.bundles.preview(objects, "partners", null);

		ExchangeObject incident = redaction.objects().get(0);
		assertFalse(incident.content().has("notes"));
		assertEquals("CASE", incident.id());
		assertTrue(incident.content().path("summary").asText().contains("10.20.30.40"));
		assertFalse(incident.content().path("summary").asText().toLowerCase(Locale.ROOT).contains("jdoe"));
		assertEquals(2, redaction.objects().get(3).attachments().size());
	}

	@Test
	void aBadUserProfileNamesFileAndLine() throws Exception {
		Path directory = alice.bundles.profiles().directory();
		Files.createDirectories(directory);
		Path file = directory.resolve("broken.yml");
		Files.writeString(file, "drop: [raw]\nusers: [username]\nhostz: [hostname]\n");
		Path badPattern = directory.resolve("pattern.yml");
		Files.writeString(badPattern, "replace:\n  - pattern: '(['\n    with: x\n");
		Path badYaml = directory.resolve("yaml.yml");
		Files.writeString(badYaml, "drop: [raw\nusers: x\n");

		ExchangeException unknownKey = org.junit.jupiter.api.Assertions.assertThrows(ExchangeException.class,
				() -> alice.bundles.preview(objects, "broken", null));
		ExchangeException pattern = org.junit.jupiter.api.Assertions.assertThrows(ExchangeException.class,
				() -> alice.bundles.preview(objects, "pattern", null));
		ExchangeException yaml = org.junit.jupiter.api.Assertions.assertThrows(ExchangeException.class,
				() -> alice.bundles.preview(objects, "yaml", null));

		assertTrue(unknownKey.getMessage().startsWith("redaction profile " + file + ", line 3: unknown key 'hostz'"),
				unknownKey.getMessage());
		assertTrue(pattern.getMessage().startsWith("redaction profile " + badPattern + ", line 1: replace item 1: bad"
				+ " pattern"), pattern.getMessage());
		assertTrue(yaml.getMessage().startsWith("redaction profile " + badYaml + ", line "), yaml.getMessage());
		assertTrue(yaml.getMessage().contains("not valid YAML"), yaml.getMessage());
	}

	private static Map<String, String> pseudonyms(Redaction redaction) {
		return redaction.replaced().stream().collect(Collectors.toMap(r -> r.value().toLowerCase(Locale.ROOT),
				Redaction.Replaced::pseudonym, (a, b) -> a));
	}
}
