package io.vigil.events.read;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one input in one format. A reader never stops at a bad record: it returns
 * a rejection for it and goes on with the next. Not thread-safe.
 */
public interface EventReader extends Closeable {

	/**
	 * Returns the next record.
	 *
	 * @return the record, or {@code null} at the end of the input
	 * @throws IOException if the input cannot be read (not for malformed records)
	 */
	ReadRecord next() throws IOException;
}
