package io.vigil.events.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable event ids. An id is derived from what was read, not from where or when it was read: the
 * format, the record's raw text and its time. Reading the same data twice, from the same file or a
 * copy, gives the same ids, and the store keeps one event per id.
 */
public final class EventIds {

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EventIds::newDigest);
	private static final HexFormat HEX = HexFormat.of();

	private EventIds() {
	}

	/**
	 * Returns the id of a record: 128 bits of SHA-256 in 32 hexadecimal digits.
	 *
	 * @param format the reader's format name
	 * @param raw the record's raw text
	 * @param utcTimestamp the event's normalized time, as stored
	 */
	public static String of(String format, String raw, String utcTimestamp) {
		MessageDigest digest = SHA256.get();
		digest.update(format.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(raw.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		byte[] hash = digest.digest(utcTimestamp.getBytes(StandardCharsets.UTF_8));
		return HEX.formatHex(hash, 0, 16);
	}

	/** Returns whether a text has the form of an event id, so that an id carried in an event can be trusted. */
	public static boolean isId(String text) {
		if (text == null || text.length() != 32) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
