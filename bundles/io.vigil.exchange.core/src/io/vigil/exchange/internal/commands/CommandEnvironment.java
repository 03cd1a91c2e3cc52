package io.vigil.exchange.internal.commands;

import java.io.Console;
import java.util.Optional;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.HandlerKeys;

/**
 * What the exchange commands take from outside the command line's context: environment variables,
 * the terminal for passphrases, and the workspace's key store. Tests give their own.
 */
interface CommandEnvironment {

	/** The environment variable a script puts the passphrase in. */
	String PASSPHRASE_VARIABLE = "VIGIL_PASSPHRASE";

	/** Returns an environment variable. */
	Optional<String> variable(String name);

	/**
	 * Reads a passphrase from the terminal without echo.
	 *
	 * @return the passphrase, or {@code null} when there is no terminal
	 */
	char[] readPassword(String prompt);

	/** Returns the key store of a workspace. */
	default HandlerKeys keys(Workspace workspace) {
		return HandlerKeys.of(workspace);
	}

	/** Returns the environment of the running process. */
	static CommandEnvironment system() {
		return new CommandEnvironment() {
			@Override
			public Optional<String> variable(String name) {
				return Optional.ofNullable(System.getenv(name));
			}

			@Override
			public char[] readPassword(String prompt) {
				Console console = System.console();
				return console == null ? null : console.readPassword("%s", prompt);
			}
		};
	}
}
