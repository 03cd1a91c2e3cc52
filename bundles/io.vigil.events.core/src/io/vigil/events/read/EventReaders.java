package io.vigil.events.read;

import io.vigil.events.internal.read.AuditReader;
import io.vigil.events.internal.read.CsvReader;
import io.vigil.events.internal.read.MozDefJsonReader;
import io.vigil.events.internal.read.SuricataReader;
import io.vigil.events.internal.read.SyslogReader;
import io.vigil.events.internal.read.ZeekReader;

/** Opens the reader of a format on an input. */
public final class EventReaders {

	private EventReaders() {
	}

	/**
	 * Opens a reader. The reader owns the input from now on and closes it.
	 *
	 * @param format the input's format
	 * @param input the input, positioned at its start
	 * @param options zone, reference time and file name for the reader
	 */
	public static EventReader open(Format format, EventInput input, ReaderOptions options) {
		return switch (format) {
		case MOZDEF -> new MozDefJsonReader(input);
		case SYSLOG -> new SyslogReader(input, options);
		case AUDIT -> new AuditReader(input, options);
		case ZEEK -> new ZeekReader(input, options);
		case SURICATA -> new SuricataReader(input, options);
		case CSV -> new CsvReader(input, options);
		};
	}
}
