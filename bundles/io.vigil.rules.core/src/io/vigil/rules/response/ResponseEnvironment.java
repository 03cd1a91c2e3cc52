package io.vigil.rules.response;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.vigil.collect.amqp.AmqpSettings;

/**
 * What automated responses may reach, as whoever runs them (the workbench, the command line)
 * configured it: the broker connections a {@code publish} action names, the local commands a
 * {@code command} action names, and where a {@code file} action's relative path lies. A rule only
 * ever names these; it never carries a command line or a password. Implementations are
 * thread-safe.
 */
public interface ResponseEnvironment {

	/**
	 * Returns the settings of a broker connection by name, with its secrets.
	 *
	 * @return the settings, or empty when no connection has that name
	 * @throws IOException if the connection exists but cannot be read (its secrets, say)
	 */
	Optional<AmqpSettings> connection(String name) throws IOException;

	/**
	 * Returns the program and arguments of a configured command by name.
	 *
	 * @return the argument vector, program first, or empty when no command has that name
	 * @throws IOException if the command is configured but its configuration cannot be read
	 */
	Optional<List<String>> command(String name) throws IOException;

	/** Returns the file a {@code file} action's path names; relative paths are the caller's to place. */
	default Path file(String path) {
		return Path.of(path);
	}
}
