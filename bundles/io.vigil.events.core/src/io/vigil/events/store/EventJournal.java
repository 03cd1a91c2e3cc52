package io.vigil.events.store;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A write-ahead journal for events that arrive live. Committing Lucene several times a second
 * would leave a trail of tiny segments to merge; instead each live event is appended here after
 * it is added to the store, and one cheap {@code fsync} of the journal makes a whole group
 * durable. The store still commits every few seconds; segments of the journal that a commit
 * covers are deleted. When the store opens after a crash, it replays what the journal holds,
 * and the stable ids make a replay of events already committed harmless.
 *
 * <p>A segment is a sequence of records: length (4 bytes), CRC-32C of the payload (4 bytes),
 * payload (the event id in ASCII, 8 bytes of time in epoch milliseconds, the event's JSON). A
 * record cut short by a crash, or failing its checksum, ends the segment's replay.
 * Thread-safe.
 */
public final class EventJournal implements Closeable {

	private static final String SUFFIX = ".journal";
	private static final int ID_LENGTH = 32;
	private static final int BUFFER = 1 << 20;
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;
	private final Object lock = new Object();
	private final Object syncing = new Object();
	private IOException broken;
	private FileChannel channel;
	private long segment;
	private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
	/** How many drains wrote to the file, and how many of them a force covers. */
	private long drained;
	private long forced;

	private EventJournal(Path directory, long segment) throws IOException {
		this.directory = directory;
		this.segment = segment;
		this.channel = open(segment);
	}

	/**
	 * Opens the journal in a folder for appending, in a segment after every one there.
	 */
	static EventJournal open(Path directory) throws IOException {
		Files.createDirectories(directory);
		List<Path> segments = segments(directory);
		long next = segments.isEmpty() ? 1 : number(segments.get(segments.size() - 1)) + 1;
		return new EventJournal(directory, next);
	}

	private FileChannel open(long number) throws IOException {
		return FileChannel.open(directory.resolve(name(number)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	private static String name(long number) {
		return String.format(Locale.ROOT, "%012d%s", number, SUFFIX);
	}

	private static long number(Path segment) {
		String name = segment.getFileName().toString();
		return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
	}

	private static List<Path> segments(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(directory)) {
			return children.filter(path -> path.getFileName().toString().matches("[0-9]{12}\\" + SUFFIX)).sorted().toList();
		}
	}

	/**
	 * Appends an event that was just added to the store; it is durable after the next
	 * {@link #sync()}.
	 */
	public void append(String id, Instant time, byte[] json) throws IOException {
		byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
		if (idBytes.length != ID_LENGTH) {
			throw new IllegalArgumentException("an event id has 32 characters, not " + idBytes.length + ": " + id);
		}
		int payload = ID_LENGTH + Long.BYTES + json.length;
		CRC32C crc = new CRC32C();
		crc.update(idBytes);
		crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, time.toEpochMilli()));
		crc.update(json);
		synchronized (lock) {
			checkUsable();
			if (buffer.remaining() < payload + 8) {
				drain();
				if (buffer.capacity() < payload + 8) {
					buffer = ByteBuffer.allocate(payload + 8);
				}
			}
			buffer.putInt(payload).putInt((int) crc.getValue()).put(idBytes).putLong(time.toEpochMilli()).put(json);
		}
	}

	private void drain() throws IOException {
		buffer.flip();
		try {
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		} catch (IOException e) {
			// What reached the file is unknown now: append nothing more to this segment.
			broken = e;
			throw e;
		}
		buffer.clear();
		drained++;
	}

	private void checkUsable() throws IOException {
		if (broken != null) {
			throw new IOException("the journal segment " + name(segment) + " failed to write: " + broken.getMessage()
					+ "; it takes nothing more until the next store commit", broken);
		}
	}

	/**
	 * Makes every event appended so far durable: writes them out and forces them to disk. When
	 * it returns, they are on disk; when it throws, nothing is promised.
	 */
	public void sync() throws IOException {
		synchronized (syncing) {
			FileChannel target;
			long upTo;
			synchronized (lock) {
				checkUsable();
				if (buffer.position() > 0) {
					drain();
				}
				if (drained == forced) {
					return;
				}
				target = channel;
				upTo = drained;
			}
			target.force(false);
			synchronized (lock) {
				if (target == channel) {
					forced = Math.max(forced, upTo);
				}
			}
		}
	}

	/**
	 * Starts a new segment, syncing the current one.
	 *
	 * @return the number of the last segment before the new one; every event appended before
	 *         this call is in it or an earlier one
	 */
	long rotate() throws IOException {
		synchronized (lock) {
			if (broken == null) {
				drain();
				channel.force(false);
			}
			channel.close();
			buffer.clear();
			broken = null;
			long closed = segment;
			segment++;
			channel = open(segment);
			forced = drained;
			return closed;
		}
	}

	/** Deletes the segments up to a number, once a store commit covers them. */
	void dropThrough(long last) throws IOException {
		for (Path path : segments(directory)) {
			if (number(path) <= last) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Syncs and closes the journal; its segments stay until a commit covers them. */
	@Override
	public void close() throws IOException {
		synchronized (lock) {
			try {
				if (broken == null) {
					drain();
					channel.force(false);
				}
			} finally {
				channel.close();
			}
		}
	}

	/**
	 * Adds the events of every segment in a folder to a store, commits the store and deletes
	 * the segments.
	 *
	 * @return how many events were replayed
	 */
	static long replay(Path directory, EventStore store) throws IOException {
		List<Path> segments = segments(directory);
		long replayed = 0;
		for (Path segment : segments) {
			replayed += replaySegment(segment, store);
		}
		if (!segments.isEmpty()) {
			store.commit();
			for (Path segment : segments) {
				Files.deleteIfExists(segment);
			}
		}
		return replayed;
	}

	private static long replaySegment(Path segment, EventStore store) throws IOException {
		long replayed = 0;
		try (InputStream file = Files.newInputStream(segment);
				DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(file, BUFFER))) {
			while (true) {
				Record record = read(in);
				if (record == null) {
					return replayed;
				}
				ObjectNode event = (ObjectNode) JSON.readTree(record.json);
				store.add(record.id, record.time, EventDocuments.build(record.id, record.time.toEpochMilli(), event, record.json));
				replayed++;
			}
		}
	}

	private record Record(String id, Instant time, byte[] json) {
	}

	/** Reads a record, or returns {@code null} at the end or at a record that is cut short or damaged. */
	private static Record read(DataInputStream in) throws IOException {
		try {
			int length = in.readInt();
			int checksum = in.readInt();
			if (length < ID_LENGTH + Long.BYTES || length > (256 << 20)) {
				return null;
			}
			byte[] payload = in.readNBytes(length);
			if (payload.length < length) {
				return null;
			}
			CRC32C crc = new CRC32C();
			crc.update(payload);
			if ((int) crc.getValue() != checksum) {
				return null;
			}
			ByteBuffer view = ByteBuffer.wrap(payload);
			String id = new String(payload, 0, ID_LENGTH, StandardCharsets.US_ASCII);
			long millis = view.getLong(ID_LENGTH);
			byte[] json = new byte[length - ID_LENGTH - Long.BYTES];
			view.get(ID_LENGTH + Long.BYTES, json);
			return new Record(id, Instant.ofEpochMilli(millis), json);
		} catch (EOFException e) {
			return null;
		}
	}

	/** Returns the segments in a folder, for tests and diagnostics. */
	static List<Path> list(Path directory) throws IOException {
		return new ArrayList<>(segments(directory));
	}
}
