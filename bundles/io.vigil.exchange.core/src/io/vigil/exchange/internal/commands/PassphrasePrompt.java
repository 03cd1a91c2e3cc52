package io.vigil.exchange.internal.commands;

import java.util.Arrays;
import java.util.Optional;

import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.Passphrases;

/**
 * Passphrases for the commands: from {@value CommandEnvironment#PASSPHRASE_VARIABLE} when set (for
 * scripts), else asked on the terminal.
 */
final class PassphrasePrompt implements Passphrases {

	private final CommandEnvironment environment;

	PassphrasePrompt(CommandEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public char[] passphrase(String keyName) throws ExchangeException {
		Optional<String> variable = environment.variable(CommandEnvironment.PASSPHRASE_VARIABLE);
		if (variable.isPresent()) {
			return variable.get().toCharArray();
		}
		return ask("Passphrase of key " + keyName + ": ");
	}

	/** Returns a new key's passphrase: from the environment, or typed twice on the terminal. */
	char[] newPassphrase(String keyName) throws ExchangeException {
		Optional<String> variable = environment.variable(CommandEnvironment.PASSPHRASE_VARIABLE);
		if (variable.isPresent()) {
			return variable.get().toCharArray();
		}
		char[] first = ask("Passphrase for the new key " + keyName + ": ");
		char[] second = ask("The same passphrase again: ");
		if (!Arrays.equals(first, second)) {
			throw new ExchangeException("the two passphrases differ; key " + keyName + " was not made");
		}
		return first;
	}

	private char[] ask(String prompt) throws ExchangeException {
		char[] typed = environment.readPassword(prompt);
		if (typed == null) {
			throw new ExchangeException("no terminal to ask for the passphrase: set " + CommandEnvironment.PASSPHRASE_VARIABLE);
		}
		return typed;
	}
}
