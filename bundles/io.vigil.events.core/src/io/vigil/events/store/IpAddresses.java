package io.vigil.events.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Recognizes IP address literals without ever asking DNS: IPv4 dotted quads and IPv6 text. A
 * value such as {@code example.com} is simply not an address.
 */
public final class IpAddresses {

	private IpAddresses() {
	}

	/** Returns the address a literal writes, or empty when the text is not an IP literal. */
	public static Optional<InetAddress> parse(String text) {
		if (text == null || text.length() < 2 || text.length() > 45) {
			return Optional.empty();
		}
		if (text.indexOf(':') >= 0) {
			return ipv6(text);
		}
		byte[] bytes = ipv4(text);
		if (bytes == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		} catch (UnknownHostException e) {
			return Optional.empty();
		}
	}

	private static byte[] ipv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				value = value < 0 ? c - '0' : value * 10 + (c - '0');
				if (value > 255) {
					return null;
				}
			} else if (c == '.' && value >= 0 && part < 3) {
				bytes[part++] = (byte) value;
				value = -1;
			} else {
				return null;
			}
		}
		if (part != 3 || value < 0) {
			return null;
		}
		bytes[3] = (byte) value;
		return bytes;
	}

	private static Optional<InetAddress> ipv6(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
					|| c == '.';
			if (!allowed) {
				return Optional.empty();
			}
		}
		try {
			// With a colon and only these characters, the JDK parses a literal and never resolves.
			return Optional.of(InetAddress.getByName(text));
		} catch (UnknownHostException e) {
			return Optional.empty();
		}
	}
}
