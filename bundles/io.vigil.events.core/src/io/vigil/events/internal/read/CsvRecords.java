package io.vigil.events.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import io.vigil.events.read.LineInput;

/**
 * The records of RFC 4180 text: fields separated by a comma, double-quoted fields with
 * {@code ""} for a quote inside, and quoted fields that span lines. The separator is the comma,
 * or the semicolon or tab when the first line has no comma outside quotes. Blank lines between
 * records are skipped. Quoting is read leniently: spaces before an opening quote are dropped,
 * and text after a closing quote is kept.
 */
final class CsvRecords implements Closeable {

	/** A record longer than this, in characters, is cut there and rejected. */
	private static final int MAX_RECORD = LineInput.MAX_LINE;

	private final LineInput lines;
	private char separator = ',';
	private boolean first = true;
	private final StringBuilder field = new StringBuilder();
	private List<String> fields;
	private boolean quoted;
	private boolean fieldWasQuoted;

	/** Creates the records of a reader, positioned at its start. */
	CsvRecords(Reader reader) {
		this.lines = new LineInput(reader);
	}

	/**
	 * One record.
	 *
	 * @param line the line the record starts on
	 * @param raw the record's lines, joined by newlines
	 * @param fields the fields, unquoted
	 * @param problem why the record cannot be read whole, or {@code null}
	 */
	record Row(long line, String raw, List<String> fields, String problem) {
	}

	/**
	 * Returns the next record.
	 *
	 * @return the record, or {@code null} at the end of the input
	 */
	Row next() throws IOException {
		String text = nextNonBlank();
		if (text == null) {
			return null;
		}
		long start = lines.lineNumber();
		StringBuilder raw = new StringBuilder();
		String problem = null;
		startRecord();
		while (true) {
			raw.append(raw.isEmpty() ? "" : "\n").append(text);
			if (lines.wasTruncated()) {
				problem = "line " + lines.lineNumber() + " is longer than " + LineInput.MAX_LINE + " characters";
			}
			scan(text);
			if (!quoted) {
				break;
			}
			if (raw.length() > MAX_RECORD) {
				problem = "the record starting on line " + start + " is longer than " + MAX_RECORD + " characters";
				break;
			}
			text = lines.next();
			if (text == null) {
				problem = "a quoted field of the record starting on line " + start + " never closes";
				break;
			}
			field.append('\n');
		}
		fields.add(field.toString());
		return new Row(start, raw.toString(), fields, problem);
	}

	private String nextNonBlank() throws IOException {
		String text;
		while ((text = lines.next()) != null) {
			if (lines.lineNumber() == 1 && text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (!text.isBlank()) {
				if (first) {
					first = false;
					separator = separatorOf(text);
				}
				return text;
			}
		}
		return null;
	}

	private void startRecord() {
		fields = new ArrayList<>();
		field.setLength(0);
		quoted = false;
		fieldWasQuoted = false;
	}

	private void scan(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c != '"') {
					field.append(c);
				} else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				} else {
					quoted = false;
				}
			} else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
				fieldWasQuoted = false;
			} else if (c == '"' && !fieldWasQuoted && field.toString().isBlank()) {
				field.setLength(0);
				quoted = true;
				fieldWasQuoted = true;
			} else {
				field.append(c);
			}
		}
	}

	/** Returns the separator a header line uses: the comma, else the semicolon, else the tab. */
	static char separatorOf(String header) {
		for (char candidate : new char[] { ',', ';', '\t' }) {
			if (countOutsideQuotes(header, candidate) > 0) {
				return candidate;
			}
		}
		return ',';
	}

	private static int countOutsideQuotes(String text, char wanted) {
		int count = 0;
		boolean inQuotes = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				inQuotes = !inQuotes;
			} else if (c == wanted && !inQuotes) {
				count++;
			}
		}
		return count;
	}

	@Override
	public void close() throws IOException {
		lines.close();
	}
}
