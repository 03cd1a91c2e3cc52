package io.vigil.events.internal.read;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an audit log: {@code [node=HOST ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): FIELDS}.
 * The records of one event share the text inside {@code audit(...)} and the node.
 *
 * @param line the line's number
 * @param text the line as read
 * @param node the host from {@code node=}, or {@code null}
 * @param type the record type, such as {@code SYSCALL}
 * @param time the event time as written, epoch seconds with milliseconds
 * @param serial the event's serial number, as written
 * @param fields the fields as written, quotes included (see {@link AuditFields})
 * @param enriched the interpreted fields auditd appends with {@code log_format=ENRICHED}, such as
 *            {@code UID="root"}; empty when there are none
 */
record AuditRecord(long line, String text, String node, String type, String time, String serial,
		Map<String, String> fields, Map<String, String> enriched) {

	private static final Pattern HEADER = Pattern.compile("(?:node=(\\S+) )?type=([A-Za-z0-9_]+(?:\\[\\d+])?) "
			+ "msg=audit\\((\\d{1,12})\\.(\\d{1,9}):(\\d{1,19})\\): ?");

	/** Fields whose values auditd hex-encodes when they hold spaces or control characters. */
	private static final Set<String> ENCODABLE = Set.of("proctitle", "cwd", "name", "comm", "exe", "cmd", "acct",
			"key", "data", "path", "root", "file");
	/** EXECVE arguments, whole ({@code a1}) or in chunks ({@code a1[0]}); in SYSCALL, a0 is a number. */
	private static final Pattern ARGUMENT = Pattern.compile("a\\d+(\\[\\d+])?");
	/** Separates the raw fields from the interpreted ones of {@code log_format=ENRICHED}. */
	private static final char ENRICHED_SEPARATOR = '\u001d';

	/**
	 * Parses a line.
	 *
	 * @throws MalformedRecordException if the line does not start with an audit record header
	 */
	static AuditRecord parse(long line, String text) throws MalformedRecordException {
		Matcher header = HEADER.matcher(text);
		if (!header.lookingAt()) {
			throw new MalformedRecordException("not an audit record: expected "
					+ "'type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): ' at the start of the line");
		}
		String body = text.substring(header.end());
		int separator = body.indexOf(ENRICHED_SEPARATOR);
		String raw = separator < 0 ? body : body.substring(0, separator);
		String interpreted = separator < 0 ? "" : body.substring(separator + 1);
		return new AuditRecord(line, text, header.group(1), header.group(2), header.group(3) + "." + header.group(4),
				header.group(5), AuditFields.parse(raw), AuditFields.parse(interpreted));
	}

	/** Returns what identifies the record's event: node, time and serial. */
	String eventKey() {
		return (node == null ? "" : node) + " " + time + ":" + serial;
	}

	/** Returns the event time. */
	Instant instant() {
		int dot = time.indexOf('.');
		String fraction = (time.substring(dot + 1) + "00000000").substring(0, 9);
		return Instant.ofEpochSecond(Long.parseLong(time.substring(0, dot)), Long.parseLong(fraction));
	}

	/**
	 * Returns a field's value as text: unquoted, and decoded from hex for the fields that can be
	 * hex-encoded.
	 *
	 * @return the value, or {@code null} when it is missing or unknown ({@code ?}, {@code (null)})
	 */
	String value(String key) {
		String written = fields.get(key);
		boolean encodable = ENCODABLE.contains(key) || type.equals("EXECVE") && ARGUMENT.matcher(key).matches();
		return encodable ? AuditFields.decoded(written) : AuditFields.plain(written);
	}

	/** Returns an interpreted field (of {@code log_format=ENRICHED}) without its quotes. */
	String interpreted(String key) {
		return AuditFields.plain(enriched.get(key));
	}

	/**
	 * Returns the record that user-space programs nest in {@code msg='...'}
	 * ({@code op=login acct="alice" ... res=success}), with this record's header.
	 *
	 * @return the nested record, or {@code null} when there is none
	 */
	AuditRecord nested() {
		String written = fields.get("msg");
		if (written == null || !written.startsWith("'")) {
			return null;
		}
		String body = AuditFields.plain(written);
		return body == null ? null : new AuditRecord(line, text, node, type, time, serial, AuditFields.parse(body),
				Map.of());
	}
}
