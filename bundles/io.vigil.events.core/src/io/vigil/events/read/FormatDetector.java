package io.vigil.events.read;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells the format of an input from its first lines (and, for CSV, its file name). JSON inputs
 * are told apart by the keys of their first object: Suricata EVE has {@code event_type}, Zeek
 * has {@code ts} with {@code uid} or {@code id.orig_h}; anything else is MozDef JSON.
 */
public final class FormatDetector {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern AUDIT = Pattern.compile("^(node=\\S+ )?type=[A-Z_0-9]+ msg=audit\\(");
	private static final Pattern SYSLOG_5424 = Pattern.compile("^<\\d{1,3}>\\d{1,2} ");
	private static final Pattern SYSLOG_3164 = Pattern
			.compile("^(<\\d{1,3}>)?[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ");
	private static final Pattern SYSLOG_ISO = Pattern
			.compile("^(<\\d{1,3}>)?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d) \\S+ ");

	private FormatDetector() {
	}

	/**
	 * Detects the format.
	 *
	 * @param head the start of the input (a few KiB is plenty)
	 * @param fileName the file name, or an empty string
	 * @return the format, or empty when the input looks like none of them
	 */
	public static Optional<Format> detect(String head, String fileName) {
		String first = firstLine(head);
		if (first.isEmpty()) {
			return Optional.empty();
		}
		char start = first.charAt(0);
		if (start == '{' || start == '[') {
			return Optional.of(jsonFormat(head, first));
		}
		if (AUDIT.matcher(first).find()) {
			return Optional.of(Format.AUDIT);
		}
		if (SYSLOG_5424.matcher(first).find() || SYSLOG_3164.matcher(first).find()
				|| SYSLOG_ISO.matcher(first).find()) {
			return Optional.of(Format.SYSLOG);
		}
		if (looksLikeCsv(head, fileName)) {
			return Optional.of(Format.CSV);
		}
		return Optional.empty();
	}

	private static String firstLine(String head) {
		String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
		for (String line : text.split("\r?\n|\r", 64)) {
			if (!line.isBlank()) {
				return line.stripLeading();
			}
		}
		return "";
	}

	private static Format jsonFormat(String head, String first) {
		JsonNode object = firstObject(first.charAt(0) == '[' ? head.stripLeading().substring(1) : first);
		if (object == null || !object.isObject()) {
			return Format.MOZDEF;
		}
		if (object.has("event_type") && (object.has("timestamp") || object.has("flow_id"))) {
			return Format.SURICATA;
		}
		if (object.has("ts") && (object.has("uid") || object.has("id.orig_h") || object.has("_path"))) {
			return Format.ZEEK;
		}
		return Format.MOZDEF;
	}

	private static JsonNode firstObject(String text) {
		try (var parser = JSON.createParser(text)) {
			return JSON.readTree(parser);
		} catch (IOException e) {
			// Not one complete JSON value on the first line: a pretty-printed object, say.
			return null;
		}
	}

	private static boolean looksLikeCsv(String head, String fileName) {
		if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return true;
		}
		String[] lines = head.split("\r?\n", 6);
		if (lines.length < 2) {
			return false;
		}
		long commas = lines[0].chars().filter(c -> c == ',').count();
		if (commas == 0) {
			return false;
		}
		return lines[1].chars().filter(c -> c == ',').count() >= commas;
	}
}
