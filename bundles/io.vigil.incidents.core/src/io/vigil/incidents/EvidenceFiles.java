package io.vigil.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The bytes of evidence, stored once per content under their SHA-256 in one directory
 * ({@code incidents/evidence/<sha256>} in a workspace). A file is written under a temporary name
 * and moved into place once whole, so a stored name always holds the bytes it names.
 */
public final class EvidenceFiles {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path directory;

	/** Makes the store of a directory, which is created when the first file is added. */
	public EvidenceFiles(Path directory) {
		this.directory = directory;
	}

	/** Returns the directory. */
	public Path directory() {
		return directory;
	}

	/** What was stored: the content's hash and size, and whether it was new. */
	public record Stored(String sha256, long size, boolean created) {
	}

	/**
	 * Copies bytes in, computing their hash while copying.
	 *
	 * @throws IOException if the bytes cannot be read or written
	 */
	public Stored add(InputStream in) throws IOException {
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, "adding-", ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			try (DigestInputStream hashing = new DigestInputStream(in, digest);
					OutputStream out = Files.newOutputStream(temporary)) {
				size = hashing.transferTo(out);
			}
			String hash = HexFormat.of().formatHex(digest.digest());
			Path target = directory.resolve(hash);
			if (Files.exists(target)) {
				return new Stored(hash, size, false);
			}
			move(temporary, target);
			return new Stored(hash, size, true);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void move(Path temporary, Path target) throws IOException {
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			try {
				Files.move(temporary, target);
			} catch (FileAlreadyExistsException raced) {
				// Another copy of the same content got there first: it holds the same bytes.
			}
		}
	}

	/** Returns where the bytes with a hash are (or would be) stored. */
	public Path path(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 (64 lowercase hex digits)");
		}
		return directory.resolve(sha256);
	}

	/**
	 * Opens the bytes with a hash.
	 *
	 * @throws NoSuchFileException naming the file when they are not stored
	 */
	public InputStream open(String sha256) throws IOException {
		return Files.newInputStream(path(sha256));
	}

	/** Returns whether the bytes with a hash are stored. */
	public boolean contains(String sha256) {
		return Files.isRegularFile(path(sha256));
	}

	/** Removes the bytes with a hash; nothing happens when they are not stored. */
	void delete(String sha256) throws IOException {
		Files.deleteIfExists(path(sha256));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}
}
