package io.vigil.events.read;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One input to read events from: a file (gzip-compressed or not) or a stream such as standard
 * input. The first bytes can be looked at before reading, to detect the format. Text is UTF-8;
 * bytes that are not UTF-8 become U+FFFD rather than stopping the read.
 */
public final class EventInput implements Closeable {

	private static final int PEEK_BYTES = 64 * 1024;

	private final String name;
	private final BufferedInputStream stream;
	private final CountingStream counted;

	private EventInput(String name, InputStream stream, CountingStream counted) {
		this.name = name;
		this.stream = new BufferedInputStream(stream, PEEK_BYTES);
		this.counted = counted;
	}

	/**
	 * Opens a file; a gzip file (found by its magic bytes, whatever its name) is decompressed.
	 *
	 * @throws IOException if the file cannot be opened
	 */
	public static EventInput open(Path file) throws IOException {
		CountingStream in = new CountingStream(Files.newInputStream(file));
		try {
			BufferedInputStream buffered = new BufferedInputStream(in, PEEK_BYTES);
			InputStream content = isGzip(buffered) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
			return new EventInput(file.toString(), content, in);
		} catch (IOException | RuntimeException e) {
			in.close();
			throw e;
		}
	}

	/** Wraps a stream, such as standard input, under a name for messages. */
	public static EventInput of(String name, InputStream in) {
		CountingStream counted = new CountingStream(in);
		return new EventInput(name, counted, counted);
	}

	/**
	 * Returns how many bytes were read from the underlying file or stream so far (compressed
	 * bytes for a gzip file), for progress.
	 */
	public long bytesRead() {
		return counted.count;
	}

	private static boolean isGzip(BufferedInputStream in) throws IOException {
		in.mark(2);
		int first = in.read();
		int second = in.read();
		in.reset();
		return first == 0x1f && second == 0x8b;
	}

	/** Returns the input's name for messages and rejects: the file path, or {@code -}. */
	public String name() {
		return name;
	}

	/**
	 * Returns the start of the input as text, without consuming it.
	 *
	 * @param bytes how many bytes to look at, at most 64 KiB
	 */
	public String peek(int bytes) throws IOException {
		int wanted = Math.min(bytes, PEEK_BYTES);
		stream.mark(wanted);
		byte[] head = stream.readNBytes(wanted);
		stream.reset();
		return new String(head, StandardCharsets.UTF_8);
	}

	/** Returns the rest of the input as UTF-8 text. */
	public Reader reader() {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return new InputStreamReader(stream, decoder);
	}

	/** Returns the rest of the input as bytes. */
	public InputStream stream() {
		return stream;
	}

	@Override
	public void close() throws IOException {
		stream.close();
	}

	/** Counts the bytes read through it. */
	private static final class CountingStream extends FilterInputStream {

		private volatile long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				count++;
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				count += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}
	}
}
