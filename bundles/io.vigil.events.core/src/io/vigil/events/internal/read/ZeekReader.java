package io.vigil.events.internal.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.Timestamps;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.ReaderOptions;

/**
 * Zeek logs written as JSON lines. The log type ({@code conn}, {@code dns}, ...) is the event's
 * source: it comes from the record's {@code _path}, else from the file name
 * ({@code conn.2026-12-03-20-00-00.log.gz}), else from the fields the record has. All of Zeek's
 * fields go into the details, with the dots of their names turned into underscores
 * ({@code id.orig_h} becomes {@code id_orig_h}) so that they work as field paths; the
 * connection's endpoints are also given as the standard details. Zeek records do not name the
 * sensor, so the host name is set only when a {@code _system_name} field is added by the
 * pipeline; the HTTP log's {@code host} is the server's, not the sensor's.
 */
public final class ZeekReader extends JsonLinesReader {

	private static final Set<String> LOG_TYPES = Set.of("analyzer", "capture_loss", "conn", "dce_rpc", "dhcp",
			"dnp3", "dns", "dpd", "files", "ftp", "http", "intel", "irc", "kerberos", "known_certs", "known_hosts",
			"known_services", "ldap", "ldap_search", "modbus", "mysql", "notice", "ntlm", "ntp", "ocsp", "pe",
			"quic", "radius", "rdp", "reporter", "rfb", "signatures", "sip", "smb_files", "smb_mapping", "smtp",
			"snmp", "socks", "software", "ssh", "ssl", "stats", "syslog", "traceroute", "tunnel", "weird",
			"websocket", "x509");

	private final ZoneId zone;
	private final String fileLogType;

	/** Creates the reader; the options give the file name, and the zone of ISO times without one. */
	public ZeekReader(EventInput input, ReaderOptions options) {
		super(input);
		this.zone = options.zone();
		this.fileLogType = logTypeOfFile(options.fileName());
	}

	@Override
	ObjectNode toEvent(ObjectNode record) throws MalformedRecordException {
		JsonNode ts = record.get("ts");
		String logType = logType(record);
		EventBuilder event = new EventBuilder().time(time(ts), written(ts)).set(EventFields.CATEGORY, "zeek")
				.severity(severity(logType)).set(EventFields.HOSTNAME, JsonFields.text(record, "_system_name"))
				.set(EventFields.SOURCE, logType).set(EventFields.SUMMARY, ZeekSummary.of(logType, record));
		copyFields(record, event.details());
		standardDetails(record, event);
		return event.build();
	}

	@Override
	String notJson(String line, JsonProcessingException e) {
		if (line.startsWith("#")) {
			return "a Zeek TSV header or comment; Vigil reads Zeek logs written as JSON (LogAscii::use_json=T)";
		}
		return super.notJson(line, e);
	}

	private Instant time(JsonNode ts) throws MalformedRecordException {
		if (ts == null || ts.isNull()) {
			throw new MalformedRecordException("no ts field: expected the time as epoch seconds or ISO 8601");
		}
		Optional<Instant> time = Optional.empty();
		if (ts.isNumber()) {
			time = Timestamps.ofEpoch(ts.doubleValue());
		} else if (ts.isTextual()) {
			time = Timestamps.parse(ts.asText(), zone);
		}
		return time.orElseThrow(() -> new MalformedRecordException("ts is not a time: " + ts));
	}

	/** Writes a number the way Zeek did, without an exponent: {@code 1764794900.123456}. */
	private static String written(JsonNode ts) {
		if (ts.isFloatingPointNumber()) {
			return BigDecimal.valueOf(ts.doubleValue()).toPlainString();
		}
		return ts.asText();
	}

	private String logType(ObjectNode record) {
		String path = JsonFields.text(record, "_path");
		if (path != null) {
			return path;
		}
		return fileLogType != null ? fileLogType : inferredLogType(record);
	}

	/** Reads {@code conn.log}, {@code dns.2026-12-03-20-00-00.log.gz} and the like. */
	static String logTypeOfFile(String fileName) {
		String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		int dot = name.indexOf('.');
		String prefix = dot < 0 ? name : name.substring(0, dot);
		return LOG_TYPES.contains(prefix) ? prefix : null;
	}

	private static String inferredLogType(ObjectNode record) {
		if (record.has("query") || record.has("qtype_name")) {
			return "dns";
		}
		if (record.has("method") || record.has("uri")) {
			return "http";
		}
		if (record.has("server_name") || record.has("cipher")) {
			return "ssl";
		}
		if (record.has("note")) {
			return "notice";
		}
		if (record.has("conn_state") || record.has("history")) {
			return "conn";
		}
		if (record.has("name") && record.has("notice")) {
			return "weird";
		}
		if (record.has("certificate.subject")) {
			return "x509";
		}
		if (record.has("fuid") && (record.has("mime_type") || record.has("sha1") || record.has("md5"))) {
			return "files";
		}
		return "zeek";
	}

	private static Severity severity(String logType) {
		return switch (logType) {
		case "notice" -> Severity.NOTICE;
		case "weird" -> Severity.WARNING;
		default -> Severity.INFO;
		};
	}

	private static void copyFields(ObjectNode record, ObjectNode details) {
		for (Map.Entry<String, JsonNode> field : record.properties()) {
			details.set(field.getKey().replace('.', '_'), field.getValue());
		}
	}

	/** The connection's endpoints, or a notice's {@code src}, {@code dst} and {@code p}. */
	private static void standardDetails(ObjectNode record, EventBuilder event) {
		String source = JsonFields.text(record, "id.orig_h");
		String destination = JsonFields.text(record, "id.resp_h");
		String destinationPort = JsonFields.text(record, "id.resp_p");
		event.detail(EventBuilder.SOURCE_IP, source != null ? source : JsonFields.text(record, "src"))
				.port(EventBuilder.SOURCE_PORT, JsonFields.text(record, "id.orig_p"))
				.detail(EventBuilder.DESTINATION_IP, destination != null ? destination : JsonFields.text(record, "dst"))
				.port(EventBuilder.DESTINATION_PORT, destinationPort != null ? destinationPort
						: JsonFields.text(record, "p"))
				.detail(EventBuilder.PROTOCOL, JsonFields.text(record, "proto"));
		String user = JsonFields.text(record, "username");
		event.detail(EventBuilder.USERNAME, user != null ? user : JsonFields.text(record, "user"));
		JsonNode authSuccess = record.get("auth_success");
		if (authSuccess != null && authSuccess.isBoolean()) {
			event.detail(EventBuilder.SUCCESS, authSuccess.booleanValue());
		}
	}
}
