package io.vigil.incidents;

import java.util.Objects;

/**
 * What a handler says about evidence being added; the store measures and hashes the bytes.
 *
 * @param name the file name to keep it as
 * @param mediaType its media type, empty to guess it from the name
 * @param description what it is
 * @param source where it came from
 * @param addedBy who adds it
 */
public record EvidenceDraft(String name, String mediaType, String description, String source, String addedBy) {

	/** Checks the name and replaces missing texts by empty ones. */
	public EvidenceDraft {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("evidence needs a name");
		}
		mediaType = Objects.requireNonNullElse(mediaType, "");
		description = Objects.requireNonNullElse(description, "");
		source = Objects.requireNonNullElse(source, "");
		addedBy = Objects.requireNonNullElse(addedBy, "");
	}
}
