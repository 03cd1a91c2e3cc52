package io.vigil.core.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive, process-wide lock on a workspace directory, held through an operating system file
 * lock on {@code .lock}. The file also records who holds the lock, so that a second Vigil can say
 * which process has the workspace. The operating system releases the lock when the holder dies,
 * so a crash never leaves a workspace locked.
 */
final class WorkspaceLock implements AutoCloseable {

	static final String FILE_NAME = ".lock";

	private final FileChannel channel;
	private final FileLock lock;

	private WorkspaceLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock on a workspace directory that exists.
	 *
	 * @param directory the workspace directory
	 * @param purpose what the holder does ("workbench", "command ingest", ...), for the message a
	 *            second Vigil shows
	 * @throws WorkspaceInUseException if another holder has the lock
	 * @throws WorkspaceException if the lock file cannot be written
	 */
	static WorkspaceLock acquire(Path directory, String purpose) throws WorkspaceException {
		Path file = directory.resolve(FILE_NAME);
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String owner = readOwner(channel);
				channel.close();
				throw new WorkspaceInUseException("Workspace " + directory + " is in use by another Vigil"
						+ (owner.isEmpty() ? "" : " (" + owner + ")")
						+ ". Close that Vigil, or choose another workspace with --workspace DIR.");
			}
			writeOwner(channel, purpose);
			return new WorkspaceLock(channel, lock);
		} catch (IOException e) {
			closeQuietly(channel);
			throw new WorkspaceException("Cannot lock workspace " + directory + ": " + e.getMessage(), e);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		} catch (OverlappingFileLockException e) {
			// This process holds it already, through another Workspace object.
			return null;
		}
	}

	private static String readOwner(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(512);
		channel.read(buffer, 0);
		buffer.flip();
		return StandardCharsets.UTF_8.decode(buffer).toString().strip();
	}

	private static void writeOwner(FileChannel channel, String purpose) throws IOException {
		ProcessHandle self = ProcessHandle.current();
		String owner = "process " + self.pid() + " on " + hostName() + ", " + purpose + ", since "
				+ Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		channel.truncate(0);
		channel.write(StandardCharsets.UTF_8.encode(owner + "\n"), 0);
		channel.force(true);
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
		} catch (IOException e) {
			return "this machine";
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException e) {
				// The original failure is what the caller needs to see.
			}
		}
	}

	@Override
	public void close() throws IOException {
		try {
			channel.truncate(0);
			lock.release();
		} finally {
			channel.close();
		}
	}
}
