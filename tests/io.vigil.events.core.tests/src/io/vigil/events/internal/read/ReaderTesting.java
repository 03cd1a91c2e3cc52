package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.EventReaders;
import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/** Reads test text through a format's reader, the way the application opens readers. */
final class ReaderTesting {

	/** UTC, a reference time of 2026-12-04T12:00:00Z and no file name. */
	static final ReaderOptions OPTIONS = options(ZoneOffset.UTC, "");

	private ReaderTesting() {
	}

	static ReaderOptions options(ZoneId zone, String fileName) {
		return new ReaderOptions(zone, Instant.parse("2026-12-04T12:00:00Z"), fileName);
	}

	static List<ReadRecord> read(Format format, String text) throws IOException {
		return read(format, text, OPTIONS);
	}

	static List<ReadRecord> read(Format format, String text, ReaderOptions options) throws IOException {
		EventInput input = EventInput.of("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		List<ReadRecord> records = new ArrayList<>();
		try (EventReader reader = EventReaders.open(format, input, options)) {
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
			assertNull(reader.next());
		}
		return records;
	}

	/** Reads text that holds exactly one record, and returns it. */
	static ReadRecord readOne(Format format, String text, ReaderOptions options) throws IOException {
		List<ReadRecord> records = read(format, text, options);
		if (records.size() != 1) {
			throw new AssertionError("expected one record, read " + records);
		}
		return records.get(0);
	}
}
