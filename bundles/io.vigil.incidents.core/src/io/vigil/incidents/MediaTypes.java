package io.vigil.incidents;

import java.util.Locale;
import java.util.Map;

/** Guesses an evidence file's media type from its name, for the usual kinds of evidence. */
final class MediaTypes {

	private static final String UNKNOWN = "application/octet-stream";
	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("txt", "text/plain"),
			Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("json", "application/json"),
			Map.entry("jsonl", "application/x-ndjson"), Map.entry("xml", "application/xml"),
			Map.entry("html", "text/html"), Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("pcap", "application/vnd.tcpdump.pcap"), Map.entry("pcapng", "application/x-pcapng"),
			Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"), Map.entry("evtx",
					"application/x-ms-evtx"), Map.entry("eml", "message/rfc822"), Map.entry("md", "text/markdown"));

	private MediaTypes() {
	}

	static String guess(String name) {
		int dot = name.lastIndexOf('.');
		if (dot < 0 || dot == name.length() - 1) {
			return UNKNOWN;
		}
		return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
	}
}
