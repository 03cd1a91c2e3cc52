package io.vigil.collect.internal.commands;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.vigil.collect.IntakeLog;

/** An intake log for the command line: warnings on standard error, one line each, with the time. */
final class PrintingLog implements IntakeLog {

	private final PrintWriter err;

	PrintingLog(PrintWriter err) {
		this.err = err;
	}

	@Override
	public void warn(String message) {
		synchronized (err) {
			err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " warning: " + message);
			err.flush();
		}
	}
}
