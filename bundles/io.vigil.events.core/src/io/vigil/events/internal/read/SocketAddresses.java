package io.vigil.events.internal.read;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Decodes the {@code saddr} of an audit SOCKADDR record: a {@code struct sockaddr} in hex, as
 * the kernel passed it. IPv4, IPv6 and Unix-domain addresses are read; others are not.
 */
final class SocketAddresses {

	private static final int AF_UNIX = 1;
	private static final int AF_INET = 2;
	private static final int AF_INET6 = 10;
	private static final int IPV4_LENGTH = 8;
	private static final int IPV6_LENGTH = 24;

	private SocketAddresses() {
	}

	/**
	 * One socket address.
	 *
	 * @param family {@code inet}, {@code inet6} or {@code local}
	 * @param address the IP address, or {@code null} for a Unix-domain socket
	 * @param port the port as text, or {@code null}
	 * @param path the Unix-domain socket's path ({@code @name} for an abstract one), or
	 *            {@code null}
	 */
	record SocketAddress(String family, String address, String port, String path) {
	}

	/**
	 * Decodes an address.
	 *
	 * @param hex the {@code saddr} value, or {@code null}
	 * @return the address, or {@code null} when it is missing, malformed or of another family
	 */
	static SocketAddress decode(String hex) {
		if (hex == null || hex.length() < 4 || hex.length() % 2 != 0 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
			return null;
		}
		byte[] bytes = HexFormat.of().parseHex(hex);
		// The family is in host byte order (little-endian on x86); the port is in network order.
		int family = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
		return switch (family) {
		case AF_INET -> bytes.length >= IPV4_LENGTH ? inet("inet", bytes, 4, 4) : null;
		case AF_INET6 -> bytes.length >= IPV6_LENGTH ? inet("inet6", bytes, 8, 16) : null;
		case AF_UNIX -> local(bytes);
		default -> null;
		};
	}

	private static SocketAddress inet(String family, byte[] bytes, int offset, int length) {
		int port = (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
		try {
			// getByAddress makes no lookup: it only formats the bytes.
			String address = InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + length))
					.getHostAddress();
			return new SocketAddress(family, address, Integer.toString(port), null);
		} catch (UnknownHostException e) {
			return null;
		}
	}

	private static SocketAddress local(byte[] bytes) {
		if (bytes.length <= 2) {
			return new SocketAddress("local", null, null, null);
		}
		boolean abstractName = bytes[2] == 0;
		int start = abstractName ? 3 : 2;
		int end = start;
		while (end < bytes.length && bytes[end] != 0) {
			end++;
		}
		String path = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		return new SocketAddress("local", null, null, abstractName ? "@" + path : path);
	}
}
