package io.vigil.incidents;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventFields;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.search.EventQueryParser;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.search.SearchRequest;
import io.vigil.events.search.SearchResult;
import io.vigil.events.store.StoredEvent;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertFilter;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.response.AlertJson;

/**
 * Promotes events and alerts into incidents, keeping where each came from: its kind, its id
 * there and a snapshot of it as it was. An incident holds each source once, so promoting it again
 * adds nothing. Promoting an alert also promotes its contributing events, adds its ATT&amp;CK
 * techniques, and adds its grouped value as an observable when that is an address, a user or a
 * host. Other capabilities (packets, agent results) promote through {@link #promote}.
 */
public final class IncidentPromotion {

	/** The most events one promotion takes from a search. */
	public static final int MAX_EVENTS = 10_000;

	private static final int ID_BATCH = 500;
	private static final Pattern SAFE_ID = Pattern.compile("[\\w.-]+");

	private final IncidentStore incidents;
	private final EventWorkspace events;
	private final AlertStore alerts;

	/**
	 * Makes the promotion of a workspace's events and alerts into its incidents.
	 *
	 * @param alerts the workspace's alerts
	 */
	public IncidentPromotion(IncidentStore incidents, EventWorkspace events, AlertStore alerts) {
		this.incidents = incidents;
		this.events = events;
		this.alerts = alerts;
	}

	/**
	 * Promotes any item (a packet, an agent's result...) into an incident.
	 *
	 * @return whether it was added (false when the incident holds that source already)
	 */
	public boolean promote(String incidentId, PromotedItem item) throws WorkspaceException {
		return incidents.promote(incidentId, item);
	}

	/**
	 * Promotes the events an Event Search query finds (in all time, at most {@link #MAX_EVENTS},
	 * newest first).
	 *
	 * @throws QuerySyntaxException if the query is not valid
	 * @throws IllegalArgumentException if it finds more than {@link #MAX_EVENTS} events
	 */
	public PromotionReport promoteEvents(String incidentId, String query)
			throws WorkspaceException, IOException, QuerySyntaxException {
		incidents.require(incidentId);
		List<StoredEvent> found = search(query, MAX_EVENTS + 1);
		if (found.size() > MAX_EVENTS) {
			throw new IllegalArgumentException("the query '" + query + "' finds more than " + MAX_EVENTS
					+ " events; narrow it down before promoting them");
		}
		return promoteFound(incidentId, found, List.of(), Set.of(), Map.of());
	}

	/** Promotes events by their ids; ids the event store does not have are reported. */
	public PromotionReport promoteEventIds(String incidentId, List<String> eventIds)
			throws WorkspaceException, IOException {
		incidents.require(incidentId);
		List<StoredEvent> found = byIds(eventIds);
		return promoteFound(incidentId, found, missing(eventIds, found), Set.of(), Map.of());
	}

	/**
	 * Promotes alerts by their numbers, with their events, techniques and grouped values.
	 *
	 * @throws WorkspaceException naming an alert number that does not exist
	 */
	public PromotionReport promoteAlerts(String incidentId, List<Long> alertIds) throws WorkspaceException, IOException {
		List<Alert> chosen = new ArrayList<>();
		for (long id : alertIds) {
			chosen.add(alerts.get(id).orElseThrow(() -> new WorkspaceException("Alert " + id + " does not exist")));
		}
		return promoteAlertList(incidentId, chosen);
	}

	/** Promotes the alerts a filter selects, with their events, techniques and grouped values. */
	public PromotionReport promoteAlerts(String incidentId, AlertFilter filter) throws WorkspaceException, IOException {
		return promoteAlertList(incidentId, alerts.list(filter));
	}

	private PromotionReport promoteAlertList(String incidentId, List<Alert> chosen)
			throws WorkspaceException, IOException {
		incidents.require(incidentId);
		Instant now = incidents.clock().instant();
		List<PromotedItem> items = new ArrayList<>();
		Set<String> techniques = new LinkedHashSet<>();
		Map<String, Map.Entry<ObservableKind, String>> observables = new LinkedHashMap<>();
		Set<String> eventIds = new LinkedHashSet<>();
		for (Alert alert : chosen) {
			items.add(alertItem(alert));
			techniques.addAll(alert.draft().attackIds());
			groupObservable(alert.draft()).ifPresent(o -> observables.put(o.getKey() + "\n" + o.getValue(), o));
			eventIds.addAll(alert.draft().eventIds());
		}
		List<String> wanted = List.copyOf(eventIds);
		List<StoredEvent> found = byIds(wanted);
		for (StoredEvent event : found) {
			items.add(eventItem(event, now));
		}
		Map<ObservableKind, Set<String>> grouped = new LinkedHashMap<>();
		for (Map.Entry<ObservableKind, String> observable : observables.values()) {
			grouped.computeIfAbsent(observable.getKey(), k -> new LinkedHashSet<>()).add(observable.getValue());
		}
		int added = incidents.promoteAll(incidentId, items, techniques, grouped);
		return new PromotionReport(added, items.size() - added, missing(wanted, found));
	}

	private PromotionReport promoteFound(String incidentId, List<StoredEvent> found, List<String> missing,
			Set<String> techniques, Map<ObservableKind, Set<String>> observables) throws WorkspaceException {
		Instant now = incidents.clock().instant();
		List<PromotedItem> items = found.stream().map(event -> eventItem(event, now)).toList();
		int added = incidents.promoteAll(incidentId, items, techniques, observables);
		return new PromotionReport(added, items.size() - added, missing);
	}

	private List<StoredEvent> search(String query, int limit) throws IOException, QuerySyntaxException {
		SearchRequest request = new SearchRequest(query, TimeRange.ALL, null, true, List.of(), 1, 1);
		try (SearchResult result = SearchResult.run(events.store(), request, events.clock(), null)) {
			return result.rows(result.hits(), 0, (int) Math.min(limit, result.total()));
		}
	}

	private List<StoredEvent> byIds(List<String> ids) throws IOException {
		List<StoredEvent> found = new ArrayList<>();
		// Event ids are hexadecimal; anything else cannot be stored, and would not survive the query.
		List<String> distinct = ids.stream().filter(id -> SAFE_ID.matcher(id).matches()).distinct().toList();
		for (int from = 0; from < distinct.size(); from += ID_BATCH) {
			List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + ID_BATCH));
			String query = batch.stream()
					.collect(Collectors.joining(" OR ", EventQueryParser.EVENT_ID + ":(", ")"));
			try {
				found.addAll(search(query, batch.size()));
			} catch (QuerySyntaxException e) {
				throw new IllegalStateException("the query for event ids is not valid: " + e.getMessage(), e);
			}
		}
		return found;
	}

	private static List<String> missing(List<String> wanted, List<StoredEvent> found) {
		Set<String> have = found.stream().map(StoredEvent::id).collect(Collectors.toSet());
		return wanted.stream().distinct().filter(id -> !have.contains(id)).toList();
	}

	/** Returns the item that keeps an event as it is now; it was discovered when promoted. */
	public static PromotedItem eventItem(StoredEvent event, Instant promoted) {
		ObjectNode json = event.json();
		String source = event.text(EventFields.SOURCE);
		return PromotedItem.of(ItemKind.EVENT, event.id(), json.toString(), event.time(), promoted,
				event.text(EventFields.HOSTNAME), event.text(EventFields.USERNAME),
				source.isEmpty() ? event.text(EventFields.CATEGORY) : source, event.text(EventFields.SUMMARY));
	}

	/** Returns the item that keeps an alert as it is now: it happened when it fired and was known when raised. */
	public static PromotedItem alertItem(Alert alert) {
		AlertDraft draft = alert.draft();
		return PromotedItem.of(ItemKind.ALERT, Long.toString(alert.id()), AlertJson.of(alert).toString(), draft.time(),
				alert.raised(), laneValue(draft, EventFields.HOSTNAME), laneValue(draft, EventFields.USERNAME),
				"rule " + draft.ruleId(), alertTitle(draft));
	}

	/** Returns the summary, which rules usually start with their title, else the title and the summary. */
	private static String alertTitle(AlertDraft draft) {
		if (draft.summary().isBlank()) {
			return draft.ruleTitle();
		}
		String summary = draft.summary();
		return summary.startsWith(draft.ruleTitle()) ? summary : draft.ruleTitle() + ": " + summary;
	}

	private static String laneValue(AlertDraft draft, String field) {
		if (draft.groupField().equals(field)) {
			return draft.groupValue();
		}
		for (ObjectNode sample : draft.samples()) {
			com.fasterxml.jackson.databind.JsonNode node = StoredEvent.resolve(sample, field);
			String value = node == null || node.isContainerNode() ? "" : node.asText("");
			if (!value.isEmpty()) {
				return value;
			}
		}
		return "";
	}

	/** Returns the observable an alert's grouped value makes, when it is an address, a user or a host. */
	static Optional<Map.Entry<ObservableKind, String>> groupObservable(AlertDraft draft) {
		String field = draft.groupField();
		String value = draft.groupValue();
		if (value == null || value.isBlank() || field == null) {
			return Optional.empty();
		}
		ObservableKind kind;
		if (field.endsWith("ipaddress") || field.endsWith(".ip") || field.equals("ip")) {
			kind = ObservableKind.IP;
		} else if (field.equals(EventFields.USERNAME) || field.endsWith("username") || field.endsWith(".user")) {
			kind = ObservableKind.USER;
		} else if (field.equals(EventFields.HOSTNAME) || field.endsWith("hostname")) {
			kind = ObservableKind.HOST;
		} else {
			return Optional.empty();
		}
		return Optional.of(Map.entry(kind, value));
	}
}
