package io.vigil.events.internal.read;

/**
 * Says why a record cannot become an event. The message is the one-line reason a rejects file
 * shows, naming what was wrong; readers turn it into a rejection and go on with the next record.
 */
final class MalformedRecordException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Creates the exception; no stack trace is kept, as a bad record is an expected outcome. */
	MalformedRecordException(String reason) {
		super(reason, null, false, false);
	}
}
