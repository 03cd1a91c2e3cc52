package io.vigil.events;

import java.util.List;

/**
 * The field names of a MozDef event. Nested fields are written as paths, such as
 * {@code details.sourceipaddress}; searches, columns and facets use the same paths.
 */
public final class EventFields {

	/** When the event happened, in UTC, ISO 8601. */
	public static final String UTC_TIMESTAMP = "utctimestamp";
	/** When the event happened, as the producer wrote it. */
	public static final String TIMESTAMP = "timestamp";
	/** When Vigil (or the collector before it) received the event, in UTC. */
	public static final String RECEIVED_TIMESTAMP = "receivedtimestamp";
	/** What kind of event: {@code authentication}, {@code syslog}, {@code execve}, ... */
	public static final String CATEGORY = "category";
	/** One of the {@link Severity} names. */
	public static final String SEVERITY = "severity";
	/** The host the event is about. */
	public static final String HOSTNAME = "hostname";
	/** The process that reported it. */
	public static final String PROCESS_NAME = "processname";
	/** The reporting process's id. */
	public static final String PROCESS_ID = "processid";
	/** Where the event came from: a log type, a sensor, a feed. */
	public static final String SOURCE = "source";
	/** A one-line human summary. */
	public static final String SUMMARY = "summary";
	/** Free-form labels. */
	public static final String TAGS = "tags";
	/** The free-form details object. */
	public static final String DETAILS = "details";

	/** Details: the source IP address. */
	public static final String SOURCE_IP = "details.sourceipaddress";
	/** Details: the source port. */
	public static final String SOURCE_PORT = "details.sourceport";
	/** Details: the destination IP address. */
	public static final String DESTINATION_IP = "details.destinationipaddress";
	/** Details: the destination port. */
	public static final String DESTINATION_PORT = "details.destinationport";
	/** Details: the user name. */
	public static final String USERNAME = "details.username";
	/** Details: whether an attempt succeeded. */
	public static final String SUCCESS = "details.success";

	/**
	 * Vigil's own bookkeeping on each event: {@code vigil.format} (the reader that read it),
	 * {@code vigil.origin} (file and line), and the fields the normalizer {@code vigil.filled} in
	 * or found {@code vigil.missing}.
	 */
	public static final String VIGIL = "vigil";

	/** The top-level fields of the MozDef event format, in their usual order. */
	public static final List<String> TOP_LEVEL = List.of(UTC_TIMESTAMP, TIMESTAMP, RECEIVED_TIMESTAMP, CATEGORY,
			SEVERITY, HOSTNAME, PROCESS_NAME, PROCESS_ID, SOURCE, SUMMARY, TAGS, DETAILS);

	private EventFields() {
	}
}
