package io.vigil.events.internal.read;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.Timestamps;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.ReaderOptions;

/**
 * Suricata EVE JSON lines. The {@code event_type} ({@code alert}, {@code flow}, {@code dns}, ...)
 * is the event's source and the sensor name ({@code host}) its host name. All of EVE's fields go
 * into the details as they are, plus the standard endpoint details; an alert also gets its
 * signature, signature id and category as details, a severity from its own (1 is CRITICAL, 2
 * WARNING, 3 NOTICE) and the tag {@code suricata-alert}.
 */
public final class SuricataReader extends JsonLinesReader {

	private final ZoneId zone;

	/** Creates the reader; the options' zone applies to times written without an offset. */
	public SuricataReader(EventInput input, ReaderOptions options) {
		super(input);
		this.zone = options.zone();
	}

	@Override
	ObjectNode toEvent(ObjectNode record) throws MalformedRecordException {
		String written = JsonFields.text(record, "timestamp");
		if (written == null) {
			throw new MalformedRecordException(
					"no timestamp field: expected ISO 8601 such as 2026-12-03T20:48:20.123456+0000");
		}
		Instant time = Timestamps.parse(written, zone)
				.orElseThrow(() -> new MalformedRecordException("timestamp is not a time: '" + written + "'"));
		String type = JsonFields.text(record, "event_type");
		EventBuilder event = new EventBuilder().time(time, written).set(EventFields.CATEGORY, "suricata")
				.severity(severity(type, record)).set(EventFields.HOSTNAME, JsonFields.text(record, "host"))
				.set(EventFields.SOURCE, type).set(EventFields.SUMMARY, SuricataSummary.of(type, record));
		event.details().setAll(record);
		event.detail(EventBuilder.SOURCE_IP, JsonFields.text(record, "src_ip"))
				.port(EventBuilder.SOURCE_PORT, JsonFields.text(record, "src_port"))
				.detail(EventBuilder.DESTINATION_IP, JsonFields.text(record, "dest_ip"))
				.port(EventBuilder.DESTINATION_PORT, JsonFields.text(record, "dest_port"))
				.detail(EventBuilder.PROTOCOL, JsonFields.text(record, "proto"));
		if ("alert".equals(type)) {
			alert(record, event);
		}
		return event.build();
	}

	private static Severity severity(String type, ObjectNode record) {
		if ("anomaly".equals(type)) {
			return Severity.WARNING;
		}
		if (!"alert".equals(type)) {
			return Severity.INFO;
		}
		JsonNode severity = record.path("alert").path("severity");
		return switch (severity.canConvertToInt() ? severity.asInt() : 0) {
		case 1 -> Severity.CRITICAL;
		case 3 -> Severity.NOTICE;
		default -> Severity.WARNING;
		};
	}

	private static void alert(ObjectNode record, EventBuilder event) {
		event.tag("suricata-alert").detail("signature", JsonFields.text(record, "alert", "signature"))
				.detail("signatureid", number(record.path("alert").path("signature_id")))
				.detail("alertcategory", JsonFields.text(record, "alert", "category"));
	}

	private static JsonNode number(JsonNode value) {
		return value.isNumber() ? value : null;
	}
}
