package io.vigil.cli.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard input, output and error of the command line, in UTF-8. This is the one place where
 * Vigil writes to the process's standard streams: commands print through it, never through
 * {@code System.out}.
 *
 * @param in standard input
 * @param out standard output, for results
 * @param err standard error, for messages and progress
 */
public record Console(InputStream in, PrintWriter out, PrintWriter err) {

	/** Returns the console of this process. */
	public static Console ofProcess() {
		return new Console(new FileInputStream(FileDescriptor.in), writer(FileDescriptor.out),
				writer(FileDescriptor.err));
	}

	private static PrintWriter writer(FileDescriptor descriptor) {
		return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8), true);
	}
}
