package io.vigil.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertFilter;
import io.vigil.rules.alerts.AlertStore;

class IncidentPromotionTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@TempDir
	Path folder;
	private IncidentsFixture fixture;
	private AlertStore alerts;
	private IncidentPromotion promotion;

	@BeforeEach
	void open() throws Exception {
		fixture = new IncidentsFixture(folder);
		alerts = fixture.rules().alerts();
		promotion = new IncidentPromotion(fixture.store(), fixture.events(), alerts);
		fixture.ingest(List.of(IncidentsFixture.login(T0, "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(10), "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(20), "web1", "admin", "10.0.0.5", true),
				IncidentsFixture.login(T0.plusSeconds(30), "db1", "alice", "192.0.2.9", true)));
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	private String newIncident() throws Exception {
		return fixture.store().create(IncidentFields.titled("Brute force"), "alice").id();
	}

	@Test
	void eventsFoundByAQueryArePromotedWithTheirSnapshotOnce() throws Exception {
		String id = newIncident();
		PromotionReport first = promotion.promoteEvents(id, "hostname:web1");
		PromotionReport again = promotion.promoteEvents(id, "hostname:web1");

		assertEquals(3, first.added());
		assertEquals(0, again.added());
		assertEquals(3, again.present());
		List<PromotedItem> items = fixture.store().require(id).items();
		assertEquals(3, items.size());
		assertEquals(List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20)),
				items.stream().map(PromotedItem::occurred).toList());
		PromotedItem success = items.get(2);
		assertEquals(ItemKind.EVENT, success.kind());
		assertEquals("web1", success.host());
		assertEquals("admin", success.user());
		assertEquals("sshd", success.source());
		assertEquals(IncidentsFixture.START, success.discovered(), "an event is discovered when promoted");
		ObjectNode snapshot = (ObjectNode) JSON.readTree(success.snapshot());
		assertEquals(success.sourceId(), snapshot.path("vigil").path("id").asText());
		assertEquals("10.0.0.5", snapshot.path("details").path("sourceipaddress").asText());

		assertThrows(QuerySyntaxException.class, () -> promotion.promoteEvents(id, "hostname:(web1"));
	}

	@Test
	void eventsArePromotedByIdAndMissingIdsAreReported() throws Exception {
		String id = newIncident();
		promotion.promoteEvents(id, "hostname:db1");
		String eventId = fixture.store().require(id).items().get(0).sourceId();
		String other = newIncident();

		PromotionReport report = promotion.promoteEventIds(other, List.of(eventId, "no-such-event"));

		assertEquals(1, report.added());
		assertEquals(List.of("no-such-event"), report.missingEvents());
		assertEquals(eventId, fixture.store().require(other).items().get(0).sourceId());
	}

	@Test
	void anAlertBringsItsEventsTechniquesAndGroupedAddress() throws Exception {
		String id = newIncident();
		String scratch = newIncident();
		promotion.promoteEvents(scratch, "details.sourceipaddress:10.0.0.5");
		List<String> eventIds = fixture.store().require(scratch).items().stream().map(PromotedItem::sourceId).toList();
		Alert alert = alerts.raise(draft(eventIds)).orElseThrow();

		PromotionReport report = promotion.promoteAlerts(id, List.of(alert.id()));
		PromotionReport again = promotion.promoteAlerts(id, AlertFilter.all(0));

		assertEquals(4, report.added(), "the alert and its three events");
		assertEquals(0, again.added());
		Incident incident = fixture.store().require(id);
		assertEquals(4, incident.items().size());
		PromotedItem item = incident.item(ItemKind.ALERT, Long.toString(alert.id())).orElseThrow();
		assertEquals(alert.draft().time(), item.occurred());
		assertEquals(alert.raised(), item.discovered());
		assertEquals("web1", item.host());
		assertEquals("rule brute-ssh", item.source());
		assertEquals("Brute force: 2 failed logins from 10.0.0.5", item.title());
		assertEquals(alert.id(), JSON.readTree(item.snapshot()).path("vigil").path("alertid").asLong(-1));
		assertEquals(Set.copyOf(eventIds), incident.items().stream().filter(i -> i.kind() == ItemKind.EVENT)
				.map(PromotedItem::sourceId).collect(Collectors.toSet()));
		assertEquals(List.of("T1110", "T1110.001"), incident.techniques());
		assertEquals(1, incident.observables().size());
		assertEquals(ObservableKind.IP, incident.observables().get(0).kind());
		assertEquals("10.0.0.5", incident.observables().get(0).value());
	}

	@Test
	void anUnknownAlertIsRefusedAndNothingIsPromoted() throws Exception {
		String id = newIncident();
		assertThrows(WorkspaceException.class, () -> promotion.promoteAlerts(id, List.of(999L)));
		assertTrue(fixture.store().require(id).items().isEmpty());
	}

	@Test
	void anyItemCanBePromotedByLaterCapabilities() throws Exception {
		String id = newIncident();
		PromotedItem result = PromotedItem.of(ItemKind.AGENT_RESULT, "agent-7/query-3", "{\"rows\":2}", T0, T0,
				"db1", "", "osquery", "two listening ports");
		assertTrue(promotion.promote(id, result));
		assertEquals(List.of(result), fixture.store().require(id).items());
	}

	private static AlertDraft draft(List<String> eventIds) {
		ObjectNode sample = JSON.createObjectNode().put("hostname", "web1").put("summary", "login failed");
		sample.putObject("details").put("sourceipaddress", "10.0.0.5").put("username", "root");
		return new AlertDraft("10.0.0.5", "brute-ssh", 1, "Brute force", "2 failed logins from 10.0.0.5",
				RuleLevel.HIGH, "authentication", List.of("attack.t1110"), List.of("T1110", "T1110.001", "not-one"),
				"details.sourceipaddress", "10.0.0.5", T0.plusSeconds(20), T0, T0.plusSeconds(300), eventIds.size(),
				eventIds, List.of(sample), Map.of());
	}
}
