package io.vigil.events.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text input, numbered from 1, with {@code \n}, {@code \r\n} or {@code \r}
 * endings. A line longer than the limit is cut at the limit and reported as such, so that one
 * runaway line cannot exhaust memory.
 */
public final class LineInput implements Closeable {

	/** The longest line kept whole, in characters. */
	public static final int MAX_LINE = 1 << 20;

	private final Reader reader;
	private final int maxLine;
	private final char[] buffer = new char[1 << 16];
	private int position;
	private int limit;
	private long number;
	private boolean truncated;
	private boolean pendingCarriageReturn;

	/** Creates the lines of a reader, with the default line limit. */
	public LineInput(Reader reader) {
		this(reader, MAX_LINE);
	}

	/** Creates the lines of a reader, with a line limit in characters. */
	public LineInput(Reader reader, int maxLine) {
		this.reader = reader;
		this.maxLine = maxLine;
	}

	/**
	 * Returns the next line without its ending.
	 *
	 * @return the line, or {@code null} at the end of the input
	 */
	public String next() throws IOException {
		StringBuilder line = null;
		truncated = false;
		while (true) {
			if (position == limit && !fill()) {
				if (line == null) {
					return null;
				}
				number++;
				return line.toString();
			}
			if (pendingCarriageReturn) {
				pendingCarriageReturn = false;
				if (buffer[position] == '\n') {
					position++;
					continue;
				}
			}
			int start = position;
			while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
				position++;
			}
			if (line == null) {
				line = new StringBuilder(Math.min(position - start + 16, 256));
			}
			append(line, start, position);
			if (position < limit) {
				pendingCarriageReturn = buffer[position] == '\r';
				position++;
				number++;
				return line.toString();
			}
		}
	}

	private void append(StringBuilder line, int start, int end) {
		int room = maxLine - line.length();
		int count = end - start;
		if (count > room) {
			truncated = true;
			count = Math.max(room, 0);
		}
		line.append(buffer, start, count);
	}

	private boolean fill() throws IOException {
		int read = reader.read(buffer);
		if (read <= 0) {
			return false;
		}
		position = 0;
		limit = read;
		return true;
	}

	/** Returns the number of the line {@link #next()} returned last, counting from 1. */
	public long lineNumber() {
		return number;
	}

	/** Returns whether the line {@link #next()} returned last was cut at the limit. */
	public boolean wasTruncated() {
		return truncated;
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}
}
