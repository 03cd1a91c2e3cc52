package io.vigil.events.internal.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.events.Timestamps;
import io.vigil.events.read.ReaderOptions;

/**
 * Takes one syslog line apart, in any of the forms Vigil reads: RFC 3164 with or without the
 * priority ({@code Dec  3 20:48:20 web1 sshd[812]: ...}), rsyslog's variant of it with an ISO
 * 8601 time, and RFC 5424. RFC 3164 times carry no year and no zone: they are read in the
 * options' zone and placed in the latest year that puts them at most a day after the
 * reference time.
 */
final class SyslogParser {

	private static final String NO_TIMESTAMP = "no timestamp: expected 'Mmm dd hh:mm:ss', an ISO 8601 time"
			+ " or an RFC 5424 '<PRI>1 ' header at the start of the line";

	private static final int MAX_PRIORITY = 191;
	/** How many years back a date without a year is looked for: far enough to reach a 29 February. */
	private static final int YEARS_BACK = 8;

	private static final Pattern PRIORITY = Pattern.compile("<(\\d{1,3})>");
	private static final Pattern VERSION = Pattern.compile("(\\d{1,2}) ");
	private static final Pattern BSD_TIME = Pattern
			.compile("([A-Za-z]{3}) {1,2}(\\d{1,2}) (\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d{1,9})?(?= |$)");
	private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\S*");
	private static final Pattern TAG = Pattern.compile("([^\\s\\[\\]:]+)(?:\\[([^\\]\\s]*)\\])?:(?: |$)");
	private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
			"sep", "oct", "nov", "dec");

	private final ReaderOptions options;

	/** Creates a parser that places and reads zoneless times by the options. */
	SyslogParser(ReaderOptions options) {
		this.options = options;
	}

	/**
	 * Parses a line.
	 *
	 * @throws MalformedRecordException if the line has no usable time or a malformed header
	 */
	SyslogMessage parse(String line) throws MalformedRecordException {
		int priority = -1;
		String rest = line;
		Matcher pri = PRIORITY.matcher(line);
		if (pri.lookingAt()) {
			priority = priority(pri.group(1));
			rest = line.substring(pri.end());
		}
		Matcher version = VERSION.matcher(rest);
		if (priority >= 0 && version.lookingAt()) {
			return rfc5424(priority, version.group(1), rest.substring(version.end()));
		}
		Matcher bsd = BSD_TIME.matcher(rest);
		if (bsd.lookingAt()) {
			return withTag(priority, bsdTime(bsd), bsd.group(), rest.substring(bsd.end()));
		}
		Matcher iso = ISO_TIME.matcher(rest);
		if (iso.lookingAt()) {
			return withTag(priority, isoTime(iso.group()), iso.group(), rest.substring(iso.end()));
		}
		throw new MalformedRecordException(NO_TIMESTAMP);
	}

	private static int priority(String digits) throws MalformedRecordException {
		int priority = Integer.parseInt(digits);
		if (priority > MAX_PRIORITY) {
			throw new MalformedRecordException("priority <" + digits + "> is out of range: expected 0 to 191");
		}
		return priority;
	}

	private Instant bsdTime(Matcher time) throws MalformedRecordException {
		int month = MONTHS.indexOf(time.group(1).toLowerCase(Locale.ROOT)) + 1;
		if (month == 0) {
			throw new MalformedRecordException("no timestamp: '" + time.group(1)
					+ "' is not a month; expected 'Mmm dd hh:mm:ss' at the start of the line");
		}
		try {
			String fraction = time.group(6);
			int nanos = fraction == null ? 0 : Integer.parseInt((fraction.substring(1) + "00000000").substring(0, 9));
			LocalTime clock = LocalTime.of(Integer.parseInt(time.group(3)), Integer.parseInt(time.group(4)),
					Integer.parseInt(time.group(5)), nanos);
			return inYear(month, Integer.parseInt(time.group(2)), clock, time.group());
		} catch (DateTimeException e) {
			throw new MalformedRecordException("no such time: '" + time.group() + "'");
		}
	}

	private Instant inYear(int month, int day, LocalTime clock, String written) throws MalformedRecordException {
		Instant latest = options.reference().plus(1, ChronoUnit.DAYS);
		int next = options.reference().atZone(options.zone()).getYear() + 1;
		for (int year = next; day >= 1 && year >= next - YEARS_BACK; year--) {
			if (day <= YearMonth.of(year, month).lengthOfMonth()) {
				Instant instant = LocalDate.of(year, month, day).atTime(clock).atZone(options.zone()).toInstant();
				if (!instant.isAfter(latest)) {
					return instant;
				}
			}
		}
		throw new MalformedRecordException("no such date: '" + written + "'");
	}

	private Instant isoTime(String written) throws MalformedRecordException {
		return Timestamps.parse(written, options.zone()).orElseThrow(
				() -> new MalformedRecordException("no timestamp: '" + written + "' is not an ISO 8601 time"));
	}

	/** Reads what follows an RFC 3164 or ISO time: the host, when there is one, and the tag. */
	private static SyslogMessage withTag(int priority, Instant time, String timestamp, String body) {
		String text = body.stripLeading();
		String hostname = null;
		int space = text.indexOf(' ');
		String first = space < 0 ? text : text.substring(0, space);
		if (!first.isEmpty() && !looksLikeTag(first)) {
			hostname = first;
			text = space < 0 ? "" : text.substring(space + 1);
		}
		Matcher tag = TAG.matcher(text);
		if (!tag.lookingAt()) {
			return new SyslogMessage(priority, time, timestamp, hostname, null, null, null, null, text);
		}
		return new SyslogMessage(priority, time, timestamp, hostname, tag.group(1), tag.group(2), null, null,
				text.substring(tag.end()));
	}

	/** A host name never ends in a colon nor has brackets; a tag does (local logs may omit the host). */
	private static boolean looksLikeTag(String token) {
		return token.indexOf('[') >= 0 || token.indexOf(':') == token.length() - 1;
	}

	private SyslogMessage rfc5424(int priority, String version, String rest) throws MalformedRecordException {
		if (!version.equals("1")) {
			throw new MalformedRecordException(
					"unsupported syslog version " + version + ": expected RFC 5424 version 1");
		}
		String[] header = rest.split(" ", 6);
		if (header.length < 6) {
			throw new MalformedRecordException("RFC 5424 header cut short: expected TIMESTAMP HOSTNAME APP-NAME PROCID"
					+ " MSGID STRUCTURED-DATA after the version");
		}
		if (header[0].equals("-")) {
			throw new MalformedRecordException("no timestamp: the RFC 5424 timestamp is '-' (nil)");
		}
		Instant time = Timestamps.parse(header[0], options.zone()).orElseThrow(
				() -> new MalformedRecordException("no timestamp: '" + header[0] + "' is not an RFC 5424 time"));
		StructuredData data = StructuredData.parse(header[5]);
		String text = header[5].substring(data.end());
		text = text.startsWith(" ") ? text.substring(1) : text;
		text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		return new SyslogMessage(priority, time, header[0], nil(header[1]), nil(header[2]), nil(header[3]),
				nil(header[4]), data.elements(), text);
	}

	private static String nil(String value) {
		return value.equals("-") ? null : value;
	}
}
