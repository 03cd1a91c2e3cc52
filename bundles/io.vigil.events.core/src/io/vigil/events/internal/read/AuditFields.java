package io.vigil.events.internal.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value} fields of an audit record and how their values are written. Values are
 * kept as written, quotes included, because the quotes tell a plain value from an encoded one:
 * auditd writes text that could hold spaces or control characters either in double quotes or,
 * unquoted, as hex. Words that are not {@code key=value}, such as SELinux's
 * {@code avc: denied { read } for}, are passed over.
 */
final class AuditFields {

	private AuditFields() {
	}

	/**
	 * Splits a record body into fields, in order; a key given twice keeps its first value.
	 *
	 * @param body the text after {@code msg=audit(...):}
	 * @return the values as written, by key
	 */
	static Map<String, String> parse(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		int position = 0;
		while (position < body.length()) {
			if (body.charAt(position) == ' ') {
				position++;
				continue;
			}
			int keyStart = position;
			while (position < body.length() && body.charAt(position) != '=' && body.charAt(position) != ' ') {
				position++;
			}
			if (position == body.length() || body.charAt(position) == ' ' || position == keyStart) {
				position++;
				continue;
			}
			int valueStart = position + 1;
			position = valueEnd(body, valueStart);
			fields.putIfAbsent(body.substring(keyStart, valueStart - 1), body.substring(valueStart, position));
		}
		return fields;
	}

	private static int valueEnd(String body, int start) {
		char open = start < body.length() ? body.charAt(start) : ' ';
		char close = switch (open) {
		case '"' -> '"';
		case '\'' -> '\'';
		case '{' -> '}';
		default -> ' ';
		};
		if (close == ' ') {
			int space = body.indexOf(' ', start);
			return space < 0 ? body.length() : space;
		}
		int end = body.indexOf(close, start + 1);
		return end < 0 ? body.length() : end + 1;
	}

	/**
	 * Returns a value without its quotes.
	 *
	 * @return the value, or {@code null} when it is missing, empty, or auditd's "unknown" marks
	 *         {@code ?} and {@code (null)}
	 */
	static String plain(String written) {
		if (written == null) {
			return null;
		}
		String value = written;
		if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
				&& value.charAt(value.length() - 1) == value.charAt(0)) {
			value = value.substring(1, value.length() - 1);
		}
		return value.isEmpty() || value.equals("?") || value.equals("(null)") ? null : value;
	}

	/**
	 * Returns a value that may be hex-encoded as text: quoted values as they are, unquoted hex
	 * decoded as UTF-8 with NUL separators (a command line's) turned into spaces.
	 *
	 * @return the text, or {@code null} as for {@link #plain(String)}
	 */
	static String decoded(String written) {
		if (written == null || written.startsWith("\"") || !isHex(written)) {
			return plain(written);
		}
		String text = hexText(written);
		return text == null ? plain(written) : plain(text);
	}

	private static boolean isHex(String value) {
		if (value.length() < 2 || value.length() % 2 != 0) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
				return false;
			}
		}
		return true;
	}

	/** Decodes hex as strict UTF-8; {@code null} when the bytes are not text, which stays hex. */
	private static String hexText(String hex) {
		byte[] bytes = HexFormat.of().parseHex(hex);
		try {
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
			return text.replace('\0', ' ').stripTrailing();
		} catch (CharacterCodingException e) {
			return null;
		}
	}
}
