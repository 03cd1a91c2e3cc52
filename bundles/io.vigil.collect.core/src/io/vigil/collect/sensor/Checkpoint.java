package io.vigil.collect.sensor;

import java.util.Objects;

/**
 * How far a followed file was read and confirmed by the broker: the file's identity, the byte
 * offset just after the last line published, and how many lines come before that offset.
 *
 * @param key the file's identity ({@code fileKey()}, device and inode on Linux)
 * @param offset the byte offset to resume reading from
 * @param line how many lines the file holds before {@code offset}
 */
public record Checkpoint(String key, long offset, long line) {

	/** Checks the parts. */
	public Checkpoint {
		Objects.requireNonNull(key, "key");
		if (offset < 0 || line < 0) {
			throw new IllegalArgumentException("a checkpoint's offset and line are not negative");
		}
	}
}
