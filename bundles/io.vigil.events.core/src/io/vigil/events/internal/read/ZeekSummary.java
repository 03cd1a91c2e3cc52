package io.vigil.events.internal.read;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the one-line summary of a Zeek record, by log type: for example
 * {@code 10.0.0.1:51234 -> 10.0.0.2:443 tcp ssl SF} for conn, or
 * {@code 10.0.0.1 -> 10.0.0.53 dns query example.com A NOERROR} for dns.
 */
final class ZeekSummary {

	private ZeekSummary() {
	}

	/** Writes the summary of a record of a log type. */
	static String of(String logType, ObjectNode record) {
		return switch (logType) {
		case "conn" -> words(flow(record, true), text(record, "proto"), text(record, "service"),
				text(record, "conn_state"));
		case "dns" -> words(flow(record, false), "dns query", text(record, "query"), text(record, "qtype_name"),
				text(record, "rcode_name"));
		case "http" -> words(http(record), text(record, "method"), text(record, "uri"),
				text(record, "status_code"));
		case "ssl" -> words(flow(record, true), "ssl", text(record, "server_name"), text(record, "version"));
		case "notice" -> notice(record);
		case "weird" -> words("weird", text(record, "name"), flow(record, true));
		case "ssh" -> words(flow(record, true), "ssh", ssh(record.get("auth_success")), text(record, "client"));
		case "files" -> words("files", text(record, "mime_type"), text(record, "filename"), flow(record, false));
		case "x509" -> words("x509", text(record, "certificate.subject"));
		default -> words(logType, flow(record, true));
		};
	}

	private static String flow(ObjectNode record, boolean ports) {
		return Endpoints.flow(text(record, "id.orig_h"), ports ? text(record, "id.orig_p") : null,
				text(record, "id.resp_h"), ports ? text(record, "id.resp_p") : null);
	}

	/** HTTP names the server by its Host header when there is one. */
	private static String http(ObjectNode record) {
		String host = text(record, "host");
		return Endpoints.flow(text(record, "id.orig_h"), null, host != null ? host : text(record, "id.resp_h"), null);
	}

	private static String notice(ObjectNode record) {
		String note = text(record, "note");
		String message = text(record, "msg");
		if (note == null || message == null) {
			return words("notice", note, message);
		}
		return note + ": " + message;
	}

	private static String ssh(JsonNode authSuccess) {
		if (authSuccess == null || !authSuccess.isBoolean()) {
			return null;
		}
		return authSuccess.booleanValue() ? "login succeeded" : "login failed";
	}

	private static String text(ObjectNode record, String key) {
		return JsonFields.text(record, key);
	}

	/** Joins the words that are there with spaces. */
	static String words(String... words) {
		return Stream.of(words).filter(Objects::nonNull).collect(Collectors.joining(" "));
	}
}
