package io.vigil.incidents.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.exchange.BundleRejectedException;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.ExportOptions;
import io.vigil.exchange.HandlerKeys;
import io.vigil.exchange.MergeAction;
import io.vigil.exchange.MergePlan;
import io.vigil.exchange.RedactionProfile;
import io.vigil.exchange.VerifiedBundle;
import io.vigil.incidents.CustodyAction;
import io.vigil.incidents.Evidence;
import io.vigil.incidents.EvidenceDraft;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentPromotion;
import io.vigil.incidents.IncidentsFixture;
import io.vigil.incidents.ItemKind;
import io.vigil.incidents.PromotedItem;
import io.vigil.incidents.Tlp;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;

/**
 * A handler builds an incident from alerts and events, signs it into a bundle and hands it to a
 * colleague, whose workspace then holds the same incident and evidence; a bundle changed in
 * transit is refused and stores nothing; a redacted bundle leaks none of the redacted values.
 */
class IncidentExchangeTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
	private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
	private static final byte[] EVIDENCE = ("Dec  3 10:00:00 web1 sshd[812]: Failed password for root from 10.0.0.5\n"
			+ "Dec  3 10:00:05 web1 sshd[812]: Failed password for root from 10.0.0.5\n").getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path folder;
	private IncidentsFixture alice;
	private IncidentsFixture bob;
	private String incidentId;

	@BeforeEach
	void aliceBuildsAnIncidentFromAlertsAndEvents() throws Exception {
		alice = new IncidentsFixture(folder.resolve("alice"));
		bob = new IncidentsFixture(folder.resolve("bob"));
		alice.ingest(List.of(IncidentsFixture.login(T0, "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(5), "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(20), "web1", "deploy", "10.0.0.5", true)));
		incidentId = alice.store().create(IncidentFields.titled("Brute force on web1").withTlp(Tlp.AMBER)
				.withSummary("Failed logins for root on web1 from 10.0.0.5, then deploy got in."), "alice").id();
		IncidentPromotion promotion = new IncidentPromotion(alice.store(), alice.events(), alice.rules().alerts());
		promotion.promoteEvents(incidentId, "details.success:true");
		// The alert's contributing events: found through a scratch incident, as a rule would have named them.
		String scratch = alice.store().create(IncidentFields.titled("scratch"), "alice").id();
		promotion.promoteEvents(scratch, "details.success:false");
		List<String> failed = alice.store().require(scratch).items().stream().map(PromotedItem::sourceId).toList();
		alice.store().delete(scratch);
		Alert alert = alice.rules().alerts().raise(new AlertDraft("10.0.0.5", "ssh-brute-force", 1, "SSH brute force",
				"2 failed logins from 10.0.0.5", RuleLevel.HIGH, "authentication", List.of("attack.t1110"),
				List.of("T1110"), "details.sourceipaddress", "10.0.0.5", T0.plusSeconds(5), T0, T0.plusSeconds(600), 2,
				failed, List.of(), Map.of())).orElseThrow();
		promotion.promoteAlerts(incidentId, List.of(alert.id()));
		alice.store().addEvidence(incidentId, EVIDENCE,
				new EvidenceDraft("auth.log", "text/plain", "sshd lines", "web1:/var/log/auth.log", "alice"));
		alice.store().addNote(incidentId, "alice", "root logins are off on web1 since October.");
	}

	@AfterEach
	void close() throws Exception {
		alice.close();
		bob.close();
	}

	private static HandlerKeys keys(IncidentsFixture handler) {
		return new HandlerKeys(handler.workspace().settingsDirectory().resolve("keys"), Clock.systemUTC(), 1000);
	}

	private Path export(String profile) throws Exception {
		HandlerKeys keys = keys(alice);
		if (keys.find("alice").isEmpty()) {
			keys.create("alice", PASSPHRASE);
		}
		IncidentExchangeParticipant participant = new IncidentExchangeParticipant();
		List<ExchangeObject> objects = participant.collect(ExchangeSelection.incident(incidentId.substring(0, 7)),
				alice.workspace());
		Path file = folder.resolve(profile + ".vigil");
		new ExchangeBundles(alice.workspace(), keys, Clock.systemUTC()).export(objects,
				new ExportOptions("alice", PASSPHRASE, List.of(), profile, "AMBER"), file);
		return file;
	}

	private static ExchangeBundles bundles(IncidentsFixture handler) throws Exception {
		return new ExchangeBundles(handler.workspace(), keys(handler), Clock.systemUTC());
	}

	@Test
	void theColleagueFindsTheSameIncidentEvidenceAndHashes() throws Exception {
		Path file = export(RedactionProfile.NONE);
		IncidentExchangeParticipant participant = new IncidentExchangeParticipant();

		VerifiedBundle bundle = bundles(bob).open(file, key -> PASSPHRASE);
		assertFalse(bundle.signerKnown());
		assertTrue(bundle.warnings().stream().anyMatch(w -> w.contains("alice")), bundle.warnings().toString());
		MergePlan plan = bundles(bob).plan(bundle, List.of(participant));
		assertEquals(List.of(MergeAction.ADD), plan.items().stream().map(MergePlan.Item::action).toList());
		bundles(bob).merge(plan, Map.of());

		Incident sent = alice.store().require(incidentId);
		Incident arrived = bob.store().require(incidentId);
		assertEquals(ExchangeBundles.contentHash(participant.current("incident", incidentId, alice.workspace()).orElseThrow()),
				ExchangeBundles.contentHash(participant.current("incident", incidentId, bob.workspace()).orElseThrow()),
				"the same incident, item for item");
		assertEquals(sent.items().stream().map(PromotedItem::sourceId).toList(),
				arrived.items().stream().map(PromotedItem::sourceId).toList());
		assertTrue(arrived.items().stream().anyMatch(item -> item.kind() == ItemKind.ALERT));
		assertEquals(3, arrived.items().stream().filter(item -> item.kind() == ItemKind.EVENT).count(),
				"the successful login, and the two failures the alert brought");
		Evidence evidence = arrived.evidence().get(0);
		assertEquals(sha256(EVIDENCE), evidence.sha256());
		try (var in = bob.store().evidenceFiles().open(evidence.sha256())) {
			assertEquals(sha256(EVIDENCE), sha256(in.readAllBytes()), "the bytes arrived whole");
		}
		assertEquals(CustodyAction.IMPORTED, evidence.custody().get(evidence.custody().size() - 1).action());

		MergePlan again = bundles(bob).plan(bundles(bob).open(file, key -> PASSPHRASE), List.of(participant));
		assertEquals(MergeAction.SAME, again.items().get(0).action(), "importing it again changes nothing");
	}

	@Test
	void aBundleWithOneByteFlippedIsRefusedAndNothingIsStored() throws Exception {
		byte[] good = Files.readAllBytes(export(RedactionProfile.NONE));
		for (int position : new int[] { 40, good.length / 3, good.length / 2, good.length - 200 }) {
			byte[] bad = good.clone();
			bad[position] ^= 0x01;
			Path file = folder.resolve("flipped-" + position + ".vigil");
			Files.write(file, bad);
			assertThrows(BundleRejectedException.class, () -> bundles(bob).open(file, key -> PASSPHRASE),
					"flipping byte " + position);
		}
		assertTrue(bob.store().get(incidentId).isEmpty());
		Path evidence = bob.store().evidenceFiles().directory();
		if (Files.exists(evidence)) {
			try (var files = Files.list(evidence)) {
				assertEquals(0, files.count(), "no evidence bytes from a refused bundle");
			}
		}
	}

	@Test
	void aPseudonymizedBundleHoldsNoneOfTheRedactedValues() throws Exception {
		Path file = export(RedactionProfile.PSEUDONYMIZE);

		String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		for (String secret : List.of("10.0.0.5", "web1", "deploy", "\"root\"", "for root")) {
			assertFalse(bytes.contains(secret), "the bundle still holds " + secret);
		}
		VerifiedBundle bundle = bundles(bob).open(file, key -> PASSPHRASE);
		String content = bundle.objects().get(0).object().content().toString();
		assertTrue(content.contains("Brute force on"), "what is not redacted stays: " + content);
		assertFalse(content.contains("10.0.0.5"), content);

		IncidentExchangeParticipant participant = new IncidentExchangeParticipant();
		bundles(bob).merge(bundles(bob).plan(bundle, List.of(participant)), Map.of());
		Incident arrived = bob.store().require(incidentId);
		assertEquals(alice.store().require(incidentId).items().size(), arrived.items().size(), "ids stay whole");
		Evidence copy = arrived.evidence().get(0);
		String original = sha256(EVIDENCE);
		assertFalse(copy.sha256().equals(original), "the evidence arrived redacted");
		assertTrue(copy.custody().stream().anyMatch(entry -> entry.detail().contains("redacted copy")
				&& entry.detail().contains(original)), copy.custody().toString());
		String passedOn = participant.collect(ExchangeSelection.incident(incidentId), bob.workspace()).get(0).content()
				.toString();
		assertTrue(passedOn.contains("redacted copy"), "the next handler learns it is a copy");
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
