package io.vigil.collect.sensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sensor's checkpoints, one per followed path, in one JSON file:
 * {@code {"files": {"/var/log/auth.log": {"key": ..., "offset": ..., "line": ...}}}}. The file is
 * replaced atomically (written beside, forced to disk, then moved over), so that a crash leaves
 * either the old checkpoints or the new ones, never a mix.
 */
public final class Checkpoints {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path file;

	/** Creates the checkpoints kept in a file, which need not exist yet. */
	public Checkpoints(Path file) {
		this.file = file;
	}

	/** Returns the file. */
	public Path file() {
		return file;
	}

	/**
	 * Reads the checkpoints by absolute path; none when the file does not exist.
	 *
	 * @throws IOException if the file cannot be read or is not a checkpoint file
	 */
	public Map<String, Checkpoint> load() throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			return Map.of();
		}
		Map<String, Checkpoint> loaded = new LinkedHashMap<>();
		try {
			JsonNode files = JSON.readTree(bytes).path("files");
			for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> entry = it.next();
				JsonNode value = entry.getValue();
				loaded.put(entry.getKey(), new Checkpoint(value.path("key").asText(), value.path("offset").asLong(),
						value.path("line").asLong()));
			}
		} catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
			throw new IOException("the sensor checkpoints " + file + " are damaged (" + e.getMessage()
					+ "); move the file away to read every followed file from its start", e);
		}
		return loaded;
	}

	/** Replaces the checkpoints, atomically and durably. */
	public void save(Map<String, Checkpoint> checkpoints) throws IOException {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode files = root.putObject("files");
		for (Map.Entry<String, Checkpoint> entry : new TreeMap<>(checkpoints).entrySet()) {
			ObjectNode value = files.putObject(entry.getKey());
			value.put("key", entry.getValue().key());
			value.put("offset", entry.getValue().offset());
			value.put("line", entry.getValue().line());
		}
		Files.createDirectories(file.getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
			while (buffer.hasRemaining()) {
				out.write(buffer);
			}
			out.force(true);
		}
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
		forceDirectory(file.getParent());
	}

	/** Makes the move itself durable: on Linux a rename is on disk once its directory is. */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException e) {
			// Not every file system lets a directory be opened; the rename is then as durable as it gets.
		}
	}
}
