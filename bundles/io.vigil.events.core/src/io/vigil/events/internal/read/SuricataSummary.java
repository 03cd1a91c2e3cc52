package io.vigil.events.internal.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the one-line summary of a Suricata EVE record, by event type: for example
 * {@code Suricata alert: ET SCAN Nmap 10.0.0.1:51234 -> 10.0.0.2:22} for an alert, or
 * {@code 10.0.0.1 -> 10.0.0.53 dns query example.com A} for dns.
 */
final class SuricataSummary {

	private SuricataSummary() {
	}

	/** Writes the summary of a record of an event type ({@code null} when the record has none). */
	static String of(String type, ObjectNode record) {
		if (type == null) {
			return ZeekSummary.words("suricata", flow(record, true));
		}
		return switch (type) {
		case "alert" -> "Suricata alert: " + ZeekSummary.words(text(record, "alert", "signature"), flow(record, true));
		case "dns" -> dns(record);
		case "http" -> ZeekSummary.words(flow(record, false), "http", text(record, "http", "http_method"),
				url(record), text(record, "http", "status"));
		case "tls" -> ZeekSummary.words(flow(record, true), "tls", text(record, "tls", "sni"),
				text(record, "tls", "version"));
		case "flow" -> ZeekSummary.words(flow(record, true), text(record, "proto"), text(record, "app_proto"),
				text(record, "flow", "state"));
		case "fileinfo" -> ZeekSummary.words(flow(record, false), "fileinfo", text(record, "fileinfo", "filename"));
		case "anomaly" -> ZeekSummary.words(flow(record, true), "anomaly", text(record, "anomaly", "type"),
				text(record, "anomaly", "event"));
		case "ssh" -> ZeekSummary.words(flow(record, true), "ssh", text(record, "ssh", "client", "software_version"),
				"->", text(record, "ssh", "server", "software_version"));
		case "stats" -> ZeekSummary.words("Suricata stats, uptime", text(record, "stats", "uptime"), "s");
		default -> ZeekSummary.words(type, flow(record, true), text(record, "proto"));
		};
	}

	private static String flow(ObjectNode record, boolean ports) {
		return Endpoints.flow(text(record, "src_ip"), ports ? text(record, "src_port") : null,
				text(record, "dest_ip"), ports ? text(record, "dest_port") : null);
	}

	/** EVE writes dns as one query or answer ({@code dns.rrname}) or, since version 3, lists. */
	private static String dns(ObjectNode record) {
		JsonNode dns = record.path("dns");
		JsonNode query = dns.path("queries").path(0);
		String name = text(dns, "rrname");
		String kind = text(dns, "type");
		return ZeekSummary.words(flow(record, false), "dns", kind != null ? kind : "query",
				name != null ? name : text(query, "rrname"),
				text(dns, "rrtype") != null ? text(dns, "rrtype") : text(query, "rrtype"), text(dns, "rcode"));
	}

	private static String url(ObjectNode record) {
		String host = text(record, "http", "hostname");
		String url = text(record, "http", "url");
		return host == null ? url : host + (url == null ? "" : url);
	}

	private static String text(JsonNode node, String... path) {
		return JsonFields.text(node, path);
	}
}
