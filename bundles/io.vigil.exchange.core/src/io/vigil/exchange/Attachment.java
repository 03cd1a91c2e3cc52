package io.vigil.exchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * Binary content of an {@link ExchangeObject}, such as an evidence file.
 *
 * @param name the file name, without directories
 * @param mediaType its media type ({@code application/octet-stream} when unknown); text types
 *            ({@code text/*}, JSON) are redacted like the object's text
 * @param data the bytes; the record keeps its own copy
 * @param raw whether this is a raw payload (a capture, a log extract) that redaction profiles
 *            dropping raw payloads leave out
 */
public record Attachment(String name, String mediaType, byte[] data, boolean raw) {

	/** Checks the arguments and copies the bytes. */
	public Attachment {
		Objects.requireNonNull(name, "name");
		if (name.isBlank() || name.length() > 255 || name.contains("/") || name.contains("\\")) {
			throw new IllegalArgumentException("an attachment name has 1 to 255 characters and no '/': '" + name + "'");
		}
		Objects.requireNonNull(mediaType, "mediaType");
		data = data.clone();
	}

	/** Returns a copy of the bytes. */
	@Override
	public byte[] data() {
		return data.clone();
	}

	/** Returns the number of bytes. */
	public long size() {
		return data.length;
	}

	/** Returns whether the content is text that redaction rewrites. */
	public boolean isText() {
		String type = mediaType.toLowerCase(java.util.Locale.ROOT);
		return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
				|| type.equals("application/x-ndjson") || type.equals("application/xml") || type.endsWith("+xml")
				|| type.equals("message/rfc822") || type.equals("application/yaml") || type.equals("application/x-yaml");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Attachment that && name.equals(that.name) && mediaType.equals(that.mediaType)
				&& raw == that.raw && Arrays.equals(data, that.data);
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, mediaType, raw, Arrays.hashCode(data));
	}

	@Override
	public String toString() {
		return "Attachment[" + name + ", " + mediaType + ", " + data.length + " bytes" + (raw ? ", raw" : "") + "]";
	}
}
