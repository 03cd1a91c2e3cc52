package io.vigil.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One workspace object as it travels between handlers: an incident, an event, an alert, an
 * evidence item. The participant that owns the type decides what its content holds.
 *
 * @param type the kind of object, lower case ({@code incident}, {@code event}, {@code alert})
 * @param id the object's id, unique within its type and the same in every workspace
 * @param updated when the object last changed in the workspace it comes from
 * @param content the object's fields as JSON
 * @param attachments binary content that belongs to the object, such as evidence files
 */
public record ExchangeObject(String type, String id, Instant updated, ObjectNode content, List<Attachment> attachments) {

	/** Checks the arguments and copies the attachment list. */
	public ExchangeObject {
		requireName(type, "type");
		Objects.requireNonNull(id, "id");
		if (id.isEmpty() || id.length() > 512) {
			throw new IllegalArgumentException("an object id has 1 to 512 characters: '" + id + "'");
		}
		Objects.requireNonNull(updated, "updated");
		Objects.requireNonNull(content, "content");
		attachments = List.copyOf(attachments);
	}

	/** Returns the reference {@code type:id} that names this object in commands and messages. */
	public String ref() {
		return type + ":" + id;
	}

	static void requireName(String type, String what) {
		Objects.requireNonNull(type, what);
		if (!type.matches("[a-z][a-z0-9_-]{0,63}")) {
			throw new IllegalArgumentException("an object " + what + " is lower case letters, digits, '_' and '-': '"
					+ type + "'");
		}
	}
}
