package io.vigil.events.internal.read;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/**
 * Syslog, one message a line: RFC 3164 with or without the priority, rsyslog's ISO 8601 variant
 * of it, and RFC 5424 with its structured data. The priority gives the facility and severity; a
 * line without one is given severity INFO and {@code details.severityassumed}, so that the
 * guess is visible. sshd logins and sudo commands get their standard details (see
 * {@link SyslogEnrichment}).
 */
public final class SyslogReader implements EventReader {

	/** Facility names by code, as rsyslog writes them. */
	private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
			"news", "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2",
			"local3", "local4", "local5", "local6", "local7");

	private final EventInput input;
	private final SyslogParser parser;
	private TextLines lines;

	/** Creates a reader; RFC 3164 times are read in the options' zone and near its reference time. */
	public SyslogReader(EventInput input, ReaderOptions options) {
		this.input = input;
		this.parser = new SyslogParser(options);
	}

	@Override
	public ReadRecord next() throws IOException {
		if (lines == null) {
			lines = new TextLines(input);
		}
		TextLines.Line line = lines.next();
		if (line == null) {
			return null;
		}
		if (line.truncated()) {
			return line.tooLong();
		}
		try {
			return ReadRecord.event(line.number(), line.text(), toEvent(parser.parse(line.text())));
		} catch (MalformedRecordException e) {
			return line.rejected(e.getMessage());
		}
	}

	private static ObjectNode toEvent(SyslogMessage message) {
		EventBuilder event = new EventBuilder().time(message.time(), message.timestamp())
				.set(EventFields.CATEGORY, "syslog").set(EventFields.HOSTNAME, message.hostname())
				.set(EventFields.PROCESS_NAME, message.program()).processId(message.processId())
				.set(EventFields.SOURCE, "syslog").set(EventFields.SUMMARY, message.text().strip());
		priority(event, message.priority());
		event.detail("msgid", message.messageId());
		if (message.structuredData() != null && !message.structuredData().isEmpty()) {
			event.detail("structureddata", message.structuredData());
		}
		SyslogEnrichment.enrich(message.program(), message.text(), event);
		return event.build();
	}

	private static void priority(EventBuilder event, int priority) {
		if (priority < 0) {
			event.severity(Severity.INFO).detail("severityassumed", true);
			return;
		}
		event.severity(Severity.ofCode(priority % 8)).detail("facility", FACILITIES.get(priority / 8));
	}

	@Override
	public void close() throws IOException {
		input.close();
	}
}
