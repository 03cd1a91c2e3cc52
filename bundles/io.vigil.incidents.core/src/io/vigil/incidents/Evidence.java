package io.vigil.incidents;

import java.time.Instant;
import java.util.List;

/**
 * A file or extract kept as evidence. Its bytes are stored once per content, under
 * {@code incidents/evidence/<sha256>} in the workspace.
 *
 * @param id a UUID, unique across workspaces
 * @param name the file name it was added as
 * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
 * @param size its size in bytes
 * @param mediaType its media type ({@code application/octet-stream} when not known)
 * @param addedBy who added it
 * @param addedAt when
 * @param description what it is
 * @param source where it came from (a host, a path, a tool)
 * @param custody its chain of custody, oldest first
 */
public record Evidence(String id, String name, String sha256, long size, String mediaType, String addedBy,
		Instant addedAt, String description, String source, List<CustodyEntry> custody) {

	/** Copies the custody log. */
	public Evidence {
		custody = List.copyOf(custody);
	}
}
