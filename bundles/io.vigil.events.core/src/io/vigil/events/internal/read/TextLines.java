package io.vigil.events.internal.read;

import java.io.Closeable;
import java.io.IOException;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.LineInput;
import io.vigil.events.read.ReadRecord;

/**
 * The non-blank lines of an input for the line-oriented readers, numbered from 1. A byte order
 * mark at the start of the input is dropped.
 */
final class TextLines implements Closeable {

	/** How much of a line that is too long a rejection keeps as its raw text. */
	private static final int KEPT_OF_LONG_LINE = 200;

	private final LineInput lines;
	private boolean first = true;

	/** Creates the lines of an input, positioned at its start. */
	TextLines(EventInput input) {
		this.lines = new LineInput(input.reader());
	}

	/**
	 * Returns the next line that is not blank.
	 *
	 * @return the line, or {@code null} at the end of the input
	 */
	Line next() throws IOException {
		String text;
		while ((text = lines.next()) != null) {
			if (first) {
				first = false;
				text = text.startsWith("\uFEFF") ? text.substring(1) : text;
			}
			if (!text.isBlank()) {
				return new Line(lines.lineNumber(), text, lines.wasTruncated());
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		lines.close();
	}

	/**
	 * One line of the input.
	 *
	 * @param number the line's number, counting from 1
	 * @param text the line without its ending
	 * @param truncated whether the line was cut at {@link LineInput#MAX_LINE}
	 */
	record Line(long number, String text, boolean truncated) {

		/** Returns the rejection of a line that was cut at the limit, keeping its start. */
		ReadRecord tooLong() {
			String start = text.substring(0, Math.min(text.length(), KEPT_OF_LONG_LINE));
			return ReadRecord.rejected(number, start, "line longer than " + LineInput.MAX_LINE + " characters");
		}

		/** Returns the rejection of this line, with a reason. */
		ReadRecord rejected(String reason) {
			return ReadRecord.rejected(number, text, reason);
		}
	}
}
