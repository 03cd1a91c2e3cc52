package io.vigil.events.internal.read;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One syslog message taken apart, whichever form it was written in. Parts the message does not
 * carry, or carries as RFC 5424's nil value {@code -}, are {@code null}.
 *
 * @param priority the priority (facility times 8 plus severity), or -1 when the line has none
 * @param time when the message was written
 * @param timestamp the time as the line wrote it
 * @param hostname the host that wrote it
 * @param program the program (RFC 3164 tag, RFC 5424 APP-NAME)
 * @param processId the program's process id (RFC 5424 PROCID)
 * @param messageId the RFC 5424 MSGID
 * @param structuredData RFC 5424 structured data, by element id and parameter name; empty when
 *            there is none
 * @param text the message itself, possibly empty
 */
record SyslogMessage(int priority, Instant time, String timestamp, String hostname, String program,
		String processId, String messageId, ObjectNode structuredData, String text) {
}
