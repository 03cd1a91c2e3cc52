package io.vigil.events.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.internal.read.JsonSupport;

/**
 * The rejects of one ingest run, as JSON lines: {@code {"input": ..., "line": ..., "reason": ...,
 * "text": ...}}. The file is created on the first reject, so a clean run leaves none.
 * Thread-safe.
 */
public final class RejectsFile implements Closeable {

	/** The text of a rejected record is kept up to this many characters. */
	public static final int MAX_TEXT = 2000;

	private final Path path;
	private Writer writer;
	private long count;

	/** Creates the rejects of a run, to be written to a file (created on the first reject). */
	public RejectsFile(Path path) {
		this.path = path;
	}

	/** Returns the file's path, whether or not it exists yet. */
	public Path path() {
		return path;
	}

	/**
	 * Records a reject.
	 *
	 * @param input the input's name
	 * @param line the line, counting from 1, or 0 for the input as a whole
	 * @param reason why it was rejected, in one line
	 * @param text the rejected text
	 */
	public synchronized void add(String input, long line, String reason, String text) throws IOException {
		if (writer == null) {
			Files.createDirectories(path.getParent());
			writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
		}
		ObjectNode entry = JsonNodeFactory.instance.objectNode();
		entry.put("input", input);
		entry.put("line", line);
		entry.put("reason", reason);
		entry.put("text", text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT));
		writer.write(JsonSupport.MAPPER.writeValueAsString(entry));
		writer.write('\n');
		count++;
	}

	/** Returns how many rejects were recorded. */
	public synchronized long count() {
		return count;
	}

	/** Returns whether any reject was recorded (and so the file exists). */
	public synchronized boolean exists() {
		return writer != null;
	}

	@Override
	public synchronized void close() throws IOException {
		if (writer != null) {
			writer.close();
		}
	}
}
