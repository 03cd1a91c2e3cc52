package io.vigil.collect.sensor;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vigil.collect.IntakeLog;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.EventReaders;
import io.vigil.events.read.Format;
import io.vigil.events.read.FormatDetector;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/**
 * Follows one log file, as {@code tail -F} does, and reads its complete lines into records with the
 * reader of its format. A partial last line waits for its end. When the path names another file
 * (rotation: rename and create) the old file is read to its end first; when the file shrinks
 * (truncation) it is read again from its start. Started from a checkpoint whose file was rotated
 * meanwhile, it finishes that file where it was rotated to ({@code NAME.1}, {@code NAME-DATE};
 * compressed ones are out of reach) before the new one. The records of the last audit event read
 * are held back until its EOE comes or the file stays quiet, so that an event is not cut in two at
 * the end of a poll. A line longer than a chunk is rejected and skipped. Not thread-safe.
 */
public final class FileFollower implements Closeable {

	/** The most bytes one poll reads. */
	public static final int MAX_CHUNK = 1 << 20;

	/** How long a file must stay unchanged before an audit event at its end is given out unfinished. */
	public static final Duration QUIET = Duration.ofSeconds(2);

	private static final int HEAD = 64 * 1024;
	private static final List<String> COMPRESSED = List.of(".gz", ".bz2", ".xz", ".zst", ".lz4", ".z", ".zip");

	/**
	 * A record read, with the place to resume from once it and every record before it are
	 * published.
	 *
	 * @param record the record, possibly deferred (call {@link ReadRecord#resolve()})
	 * @param line its line in the file, counting from 1
	 * @param resumeAfter the checkpoint once it is published, or {@code null} when only the end of
	 *            its chunk is a safe place to resume (records spanning lines)
	 */
	public record Followed(ReadRecord record, long line, Checkpoint resumeAfter) {
	}

	/**
	 * The records of one poll, all of one file.
	 *
	 * @param origin the file's path, for {@code vigil.origin} and rejects
	 * @param format the file's format
	 * @param records the records in the order read
	 * @param end the checkpoint once every record of the chunk is published, or {@code null} when
	 *            the chunk ends inside a line too long to read, which is skipped
	 */
	public record Chunk(String origin, Format format, List<Followed> records, Checkpoint end) {
	}

	/** What the follower is doing, for status lines. */
	public record State(Path path, String reading, Format format, long offset, long line) {
	}

	private final Path path;
	private final ZoneId zone;
	private final IntakeLog log;
	private final Duration quiet;
	private final int maxChunk;
	private Checkpoint resumeFrom;
	private Format format;
	private Reading current;
	private boolean holdingBack;
	private String lastWarning = "";

	/**
	 * Creates a follower; nothing is opened until the first poll.
	 *
	 * @param path the file to follow; it need not exist yet
	 * @param format the file's format, or empty to detect it from the file's first lines
	 * @param zone the zone of timestamps without one
	 * @param resumeFrom where a previous run stopped, or {@code null} to read from the start
	 * @param log where rotation, truncation and unreadable files are reported
	 */
	public FileFollower(Path path, Optional<Format> format, ZoneId zone, Checkpoint resumeFrom, IntakeLog log) {
		this(path, format, zone, resumeFrom, log, QUIET, MAX_CHUNK);
	}

	/**
	 * Creates a follower with its own quiet time and chunk size, for tests.
	 *
	 * @param quiet how long a file stays unchanged before a held-back audit event, or the partial
	 *            last line of a rotated file, is given out
	 * @param maxChunk the most bytes one poll reads
	 */
	public FileFollower(Path path, Optional<Format> format, ZoneId zone, Checkpoint resumeFrom, IntakeLog log,
			Duration quiet, int maxChunk) {
		if (format.isPresent() && format.get() == Format.CSV) {
			throw new IllegalArgumentException(
					"CSV files cannot be followed: each part read would need the header line");
		}
		this.path = path.toAbsolutePath().normalize();
		this.zone = zone;
		this.resumeFrom = resumeFrom;
		this.log = log;
		this.quiet = quiet;
		this.maxChunk = maxChunk;
		this.format = format.orElse(null);
	}

	/** Returns the followed path, absolute. */
	public Path path() {
		return path;
	}

	/** Returns what the follower is doing. */
	public State state() {
		if (current == null) {
			return new State(path, "waiting for the file", format, 0, 0);
		}
		String reading = current.rotated ? "finishing rotated " + current.file.getFileName() : "following";
		return new State(path, reading, format, current.offset, current.line);
	}

	/**
	 * Reads what was added since the last poll, up to {@link #MAX_CHUNK} bytes of complete lines.
	 *
	 * @return the records read, or {@code null} when there is nothing new (or the file does not
	 *         exist yet)
	 * @throws IOException if the file cannot be read
	 */
	public Chunk poll() throws IOException {
		holdingBack = false;
		if (current == null && !open()) {
			return null;
		}
		checkRotationAndTruncation();
		Chunk chunk = read();
		if (chunk == null && current.rotated && current.quiet(quiet) && current.atEnd()) {
			log.info("finished the rotated file " + current.file + "; following the new " + path);
			closeCurrent();
			open();
			holdingBack = current != null;
		}
		return chunk;
	}

	/**
	 * Returns whether the last poll found nothing left to give out: not a rotated file still to
	 * finish, nor an audit event held back. A partial last line does not count: it may never end.
	 */
	public boolean caughtUp() {
		return !holdingBack && (current == null || !current.rotated);
	}

	private boolean open() throws IOException {
		for (int attempt = 0; attempt < 3; attempt++) {
			String before = keyOf(path);
			if (before == null) {
				return false;
			}
			FileChannel channel;
			try {
				channel = FileChannel.open(path, StandardOpenOption.READ);
			} catch (NoSuchFileException e) {
				continue;
			}
			if (!before.equals(keyOf(path))) {
				// Rotated between the two looks: the channel may be either file.
				channel.close();
				continue;
			}
			try {
				openAt(channel, before);
			} catch (IOException | RuntimeException e) {
				channel.close();
				throw e;
			}
			return true;
		}
		return false;
	}

	private void openAt(FileChannel channel, String key) throws IOException {
		Checkpoint from = resumeFrom;
		resumeFrom = null;
		if (from != null && !from.key().equals(key)) {
			Path rotated = findRotated(from.key());
			if (rotated != null) {
				log.info(path + " was rotated while the sensor was stopped; finishing " + rotated + " first");
				channel.close();
				current = new Reading(rotated, FileChannel.open(rotated, StandardOpenOption.READ), from.key(),
						from.offset(), from.line(), true);
				return;
			}
			log.warn(path + " was rotated while the sensor was stopped and the rotated file is not found (or is "
					+ "compressed); reading the new file from its start");
			from = null;
		}
		current = new Reading(path, channel, key, from == null ? 0 : from.offset(), from == null ? 0 : from.line(),
				false);
	}

	private Path findRotated(String key) throws IOException {
		String name = path.getFileName().toString();
		Path folder = path.getParent();
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder)) {
			for (Path sibling : siblings) {
				String other = sibling.getFileName().toString();
				if (!other.equals(name) && (other.startsWith(name + ".") || other.startsWith(name + "-"))
						&& !isCompressed(other) && key.equals(keyOf(sibling))) {
					return sibling;
				}
			}
		}
		return null;
	}

	private static boolean isCompressed(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return COMPRESSED.stream().anyMatch(lower::endsWith);
	}

	/** Returns a file's identity (device and inode on Linux), or {@code null} when it does not exist. */
	static String keyOf(Path file) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			Object key = attributes.fileKey();
			return key == null ? "size-unknown:" + attributes.creationTime() : key.toString();
		} catch (NoSuchFileException e) {
			return null;
		}
	}

	private void checkRotationAndTruncation() throws IOException {
		if (current.rotated) {
			return;
		}
		String key = keyOf(path);
		if (!current.key.equals(key)) {
			log.info(path + (key == null ? " was moved away" : " was rotated") + "; reading the old file to its end");
			current.rotated = true;
			current.changedAt = System.nanoTime();
			return;
		}
		if (current.channel.size() < current.offset) {
			log.warn(path + " was truncated (" + current.channel.size() + " bytes, read up to " + current.offset
					+ "); reading it again from its start");
			current.offset = 0;
			current.line = 0;
		}
	}

	private Chunk read() throws IOException {
		long size = current.channel.size();
		current.observe(size);
		long available = size - current.offset;
		if (available <= 0 || (format == null && !detectFormat())) {
			return null;
		}
		byte[] bytes = current.readAt(current.offset, (int) Math.min(available, maxChunk));
		if (current.inLongLine || (bytes.length == maxChunk && lastNewline(bytes) < 0)) {
			return skipLongLine(bytes);
		}
		boolean settled = current.quiet(quiet);
		int end = lastNewline(bytes) + 1;
		if (end == 0 && current.rotated && settled) {
			// The unfinished last line of a file nobody writes to any more.
			end = bytes.length;
		}
		if (format == Format.AUDIT && !settled && end > 0) {
			int whole = end;
			end = holdBackLastAuditEvent(bytes, end, bytes.length == maxChunk);
			holdingBack = end < whole;
		}
		if (end == 0) {
			return null;
		}
		return parse(bytes, end);
	}

	/**
	 * Rejects a line longer than a chunk and skips it to its end, so that its rest is never taken
	 * for lines of its own.
	 */
	private Chunk skipLongLine(byte[] bytes) {
		List<Followed> records = new ArrayList<>();
		if (!current.inLongLine) {
			current.inLongLine = true;
			String start = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
			records.add(new Followed(ReadRecord.rejected(current.line + 1, start, "line longer than " + maxChunk
					+ " bytes; skipped to its end"), current.line + 1, null));
		}
		int newline = firstNewline(bytes);
		if (newline < 0) {
			current.offset += bytes.length;
		} else {
			current.offset += newline + 1;
			current.line++;
			current.inLongLine = false;
		}
		return new Chunk(current.file.toString(), format, records,
				current.inLongLine ? null : new Checkpoint(current.key, current.offset, current.line));
	}

	private static int firstNewline(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private boolean detectFormat() throws IOException {
		byte[] head = current.readAt(0, (int) Math.min(HEAD, current.channel.size()));
		int end = lastNewline(head) + 1;
		if (end == 0) {
			if (head.length == HEAD) {
				warnOnce("cannot tell the format of " + path + ": its first " + HEAD + " bytes hold no complete line");
			}
			return false;
		}
		Optional<Format> detected = FormatDetector.detect(new String(head, 0, end, StandardCharsets.UTF_8),
				path.getFileName().toString());
		if (detected.isEmpty() || detected.get() == Format.CSV) {
			warnOnce("cannot tell the format of " + path + (detected.isPresent() ? " (it looks like CSV, which cannot "
					+ "be followed)" : "") + "; give it with --format (" + Format.names() + ")");
			return false;
		}
		format = detected.get();
		log.info("following " + path + " as " + format.id());
		return true;
	}

	private Chunk parse(byte[] bytes, int end) throws IOException {
		long[] lineEnds = lineEnds(bytes, end);
		boolean perLine = format == Format.SYSLOG || format == Format.ZEEK || format == Format.SURICATA;
		ReaderOptions options = new ReaderOptions(zone, modified(), path.getFileName().toString());
		String origin = current.file.toString();
		List<Followed> records = new ArrayList<>();
		long baseOffset = current.offset;
		long baseLine = current.line;
		try (EventReader reader = EventReaders.open(format,
				EventInput.of(origin, new ByteArrayInputStream(bytes, 0, end)), options)) {
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				int index = (int) Math.min(Math.max(record.line(), 1), lineEnds.length) - 1;
				Checkpoint after = perLine
						? new Checkpoint(current.key, baseOffset + lineEnds[index], baseLine + index + 1)
						: null;
				records.add(new Followed(record, baseLine + record.line(), after));
			}
		}
		current.offset = baseOffset + end;
		current.line = baseLine + lineEnds.length;
		return new Chunk(origin, format, records, new Checkpoint(current.key, current.offset, current.line));
	}

	private Instant modified() {
		try {
			return Files.getLastModifiedTime(current.file).toInstant();
		} catch (IOException e) {
			return Instant.now();
		}
	}

	/**
	 * Returns, for each line of the first {@code end} bytes, the offset just after it, with the
	 * line endings the readers know ({@code \n}, {@code \r\n}, {@code \r}).
	 */
	static long[] lineEnds(byte[] bytes, int end) {
		long[] ends = new long[16];
		int count = 0;
		int i = 0;
		while (i < end) {
			byte b = bytes[i++];
			if (b == '\r' && i < end && bytes[i] == '\n') {
				i++;
			} else if (b != '\n' && b != '\r') {
				continue;
			}
			if (count == ends.length) {
				ends = Arrays.copyOf(ends, count * 2);
			}
			ends[count++] = i;
		}
		if (count == 0 || ends[count - 1] < end) {
			if (count == ends.length) {
				ends = Arrays.copyOf(ends, count + 1);
			}
			ends[count++] = end;
		}
		return Arrays.copyOf(ends, count);
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Moves the end of a chunk back before the lines of its last audit event, unless that event
	 * ended (EOE) or fills the whole chunk: its other records may still be on their way.
	 */
	static int holdBackLastAuditEvent(byte[] bytes, int end, boolean fullChunk) {
		int lastStart = lineStart(bytes, end - 1);
		String last = new String(bytes, lastStart, end - lastStart, StandardCharsets.UTF_8);
		String serial = auditSerial(last);
		if (serial == null || last.startsWith("type=EOE ") || last.contains(" type=EOE ")) {
			return end;
		}
		int cut = lastStart;
		while (cut > 0) {
			int start = lineStart(bytes, cut - 1);
			if (!serial.equals(auditSerial(new String(bytes, start, cut - start, StandardCharsets.UTF_8)))) {
				break;
			}
			cut = start;
		}
		return cut == 0 && fullChunk ? end : cut;
	}

	/** Returns the start of the line that holds the newline at {@code newline}. */
	private static int lineStart(byte[] bytes, int newline) {
		int i = newline - 1;
		while (i >= 0 && bytes[i] != '\n') {
			i--;
		}
		return i + 1;
	}

	/** Returns the {@code TIME:SERIAL} of an audit record, or {@code null}. */
	static String auditSerial(String line) {
		int start = line.indexOf("msg=audit(");
		if (start < 0) {
			return null;
		}
		int close = line.indexOf(')', start);
		return close < 0 ? null : line.substring(start + 10, close);
	}

	private void warnOnce(String warning) {
		if (!warning.equals(lastWarning)) {
			lastWarning = warning;
			log.warn(warning);
		}
	}

	private void closeCurrent() throws IOException {
		Reading closing = current;
		current = null;
		closing.channel.close();
	}

	/** Closes the file being read. */
	@Override
	public void close() throws IOException {
		if (current != null) {
			closeCurrent();
		}
	}

	/** Returns the format detected or given, or {@code null} while it is not known. */
	public Format format() {
		return format;
	}

	/** One file being read: the followed path's, or a rotated one being finished. */
	private static final class Reading {

		final Path file;
		final FileChannel channel;
		final String key;
		long offset;
		long line;
		boolean rotated;
		boolean inLongLine;
		long size = -1;
		long changedAt;

		Reading(Path file, FileChannel channel, String key, long offset, long line, boolean rotated)
				throws IOException {
			this.file = file;
			this.channel = channel;
			this.key = key;
			this.offset = offset;
			this.line = line;
			this.rotated = rotated;
			// A file unchanged for a while is quiet from the start, so a static file is read whole at once.
			long age = Math.max(0, System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis());
			this.changedAt = System.nanoTime() - Duration.ofMillis(age).toNanos();
		}

		void observe(long newSize) {
			if (size < 0) {
				size = newSize;
			} else if (newSize != size) {
				size = newSize;
				changedAt = System.nanoTime();
			}
		}

		boolean quiet(Duration quiet) {
			return System.nanoTime() - changedAt >= quiet.toNanos();
		}

		boolean atEnd() throws IOException {
			return offset >= channel.size();
		}

		byte[] readAt(long position, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.allocate(length);
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, position + buffer.position()) < 0) {
					break;
				}
			}
			return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
		}
	}
}
