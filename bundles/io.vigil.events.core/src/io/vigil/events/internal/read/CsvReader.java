package io.vigil.events.internal.read;

import java.io.IOException;
import java.time.ZoneId;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.LineInput;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/**
 * Comma-separated values with a header line (RFC 4180; see {@link CsvRecords}). Each row is an
 * event, its columns read by what the header names them (see {@link CsvColumns}); the source is
 * {@code csv} unless a column says otherwise. A row whose number of fields differs from the
 * header's, or without a usable time, is rejected; when the header has no time column, every
 * row is rejected with that reason.
 */
public final class CsvReader implements EventReader {

	/** How much of a record that is too long a rejection keeps as its raw text. */
	private static final int KEPT_OF_LONG_RECORD = 200;

	private final EventInput input;
	private final ZoneId zone;
	private CsvRecords records;
	private CsvColumns columns;

	/** Creates the reader; the options' zone applies to times written without one. */
	public CsvReader(EventInput input, ReaderOptions options) {
		this.input = input;
		this.zone = options.zone();
	}

	@Override
	public ReadRecord next() throws IOException {
		if (records == null) {
			records = new CsvRecords(input.reader());
			CsvRecords.Row header = records.next();
			if (header == null) {
				return null;
			}
			columns = new CsvColumns(header.fields(), header.problem());
		}
		CsvRecords.Row row = columns == null ? null : records.next();
		return row == null ? null : read(row);
	}

	private ReadRecord read(CsvRecords.Row row) {
		if (row.problem() != null) {
			return rejected(row, row.problem());
		}
		if (columns.problem() != null) {
			return rejected(row, columns.problem());
		}
		if (row.fields().size() != columns.size()) {
			return rejected(row, "row has " + row.fields().size() + " fields, the header has " + columns.size());
		}
		try {
			return ReadRecord.event(row.line(), row.raw(), columns.toEvent(row.fields(), zone));
		} catch (MalformedRecordException e) {
			return rejected(row, e.getMessage());
		}
	}

	private static ReadRecord rejected(CsvRecords.Row row, String reason) {
		String raw = row.raw();
		if (raw.length() >= LineInput.MAX_LINE) {
			raw = raw.substring(0, KEPT_OF_LONG_RECORD);
		}
		return ReadRecord.rejected(row.line(), raw, reason);
	}

	@Override
	public void close() throws IOException {
		input.close();
	}
}
