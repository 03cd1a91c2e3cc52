package io.vigil.rules.response;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.vigil.rules.alerts.Alert;

/**
 * Appends the alert as one JSON line to a file, creating it and its folders. Lines never mix: a
 * lock per file keeps this Vigil's writers apart, and a file lock keeps other processes that lock
 * the file out while a line is written.
 */
final class FileAction implements ResponseAction {

	private final ResponseEnvironment environment;
	private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();

	FileAction(ResponseEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public String run(ActionSpec spec, Alert alert, byte[] json, Duration timeout) throws IOException {
		Path file = environment.file(spec.target()).toAbsolutePath().normalize();
		Path parent = file.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
		synchronized (locks.computeIfAbsent(file, path -> new Object())) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
				while (line.hasRemaining()) {
					channel.write(line);
				}
			}
		}
		return "appended to " + file;
	}
}
