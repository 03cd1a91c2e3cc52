package io.vigil.events.internal.read;

import java.util.regex.Pattern;

/** Network addresses in summaries: recognising IP literals and writing endpoints. */
final class Endpoints {

	private static final Pattern IPV4 = Pattern
			.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

	private Endpoints() {
	}

	/** Returns whether a text is an IPv4 or IPv6 literal (not a host name; no lookup is made). */
	static boolean isIpAddress(String text) {
		return text != null && (IPV4.matcher(text).matches() || IPV6.matcher(text).matches());
	}

	/**
	 * Writes one endpoint: {@code 10.0.0.1:443}, {@code [2001:db8::1]:443}, or the host alone.
	 *
	 * @param host the address or host name, or {@code null}
	 * @param port the port, or {@code null}
	 * @return the endpoint, or {@code null} without a host
	 */
	static String of(String host, String port) {
		if (host == null) {
			return null;
		}
		if (port == null) {
			return host;
		}
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}

	/**
	 * Writes a flow between two endpoints: {@code 10.0.0.1:51234 -> 10.0.0.2:443}.
	 *
	 * @return the flow, one endpoint alone when the other is unknown, or {@code null} for neither
	 */
	static String flow(String sourceHost, String sourcePort, String destinationHost, String destinationPort) {
		String source = of(sourceHost, sourcePort);
		String destination = of(destinationHost, destinationPort);
		if (source == null || destination == null) {
			return source == null ? destination : source;
		}
		return source + " -> " + destination;
	}
}
