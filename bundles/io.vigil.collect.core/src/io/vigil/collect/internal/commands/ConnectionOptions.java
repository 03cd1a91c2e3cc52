package io.vigil.collect.internal.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.amqp.AmqpSettingsException;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandException;

/** The options that say how to reach a broker, shared by {@code collect} and {@code sensor}. */
final class ConnectionOptions {

	/** The environment variable a password is read from, so that it never shows in a process list. */
	static final String PASSWORD_VARIABLE = "VIGIL_AMQP_PASSWORD";

	/** The environment variable a trust store's password is read from. */
	static final String TRUST_PASSWORD_VARIABLE = "VIGIL_TRUSTSTORE_PASSWORD";

	static final String USAGE = """
			  --amqp URI        the broker: amqp://[user@]host[:port][/vhost] or amqps://...; the password
			                    comes from $VIGIL_AMQP_PASSWORD (or the URI), the user from the URI (default guest)
			  --vhost VHOST     the virtual host, instead of the URI's
			  --truststore F    a PKCS#12 or JKS trust store for amqps:// (password in $VIGIL_TRUSTSTORE_PASSWORD);
			                    without it the JDK's trusted authorities are used""".indent(2).stripTrailing();

	private ConnectionOptions() {
	}

	/** Reports a bad URI or trust store as a user error, before anything starts. */
	static void check(AmqpSettings settings) throws CommandException {
		try {
			settings.connectionFactory();
		} catch (AmqpSettingsException e) {
			throw new CommandException(e.getMessage(), e);
		}
	}

	static Duration seconds(Arguments arguments, String option, long fallback, long max) throws CommandException {
		long value = arguments.number(option, fallback, 0, max);
		return value == 0 ? null : Duration.ofSeconds(value);
	}

	static AmqpSettings settings(Arguments arguments, Map<String, String> environment, String name, String queue,
			List<AmqpSettings.Binding> bindings) throws CommandException {
		String uri = arguments.value("--amqp");
		if (uri == null) {
			throw new CommandException("give the broker with --amqp URI, such as --amqp amqp://127.0.0.1:5672");
		}
		String password = environment.get(PASSWORD_VARIABLE);
		Path trustStore = null;
		if (arguments.value("--truststore") != null) {
			trustStore = Path.of(arguments.value("--truststore")).toAbsolutePath();
			if (!Files.isReadable(trustStore)) {
				throw new CommandException("cannot read the trust store " + arguments.value("--truststore"));
			}
		}
		String trustPassword = environment.get(TRUST_PASSWORD_VARIABLE);
		return new AmqpSettings(name, uri, arguments.value("--vhost"), null, password == null ? null : password.toCharArray(),
				trustStore, trustPassword == null ? null : trustPassword.toCharArray(), queue, bindings, 0);
	}

	/** Returns the bindings of {@code --exchange} options, or MozDef's defaults when there are none. */
	static List<AmqpSettings.Binding> bindings(Arguments arguments) throws CommandException {
		List<AmqpSettings.Binding> bindings = new ArrayList<>();
		String routingKey = arguments.value("--routing-key");
		for (String exchange : arguments.values("--exchange")) {
			if (exchange.isBlank()) {
				throw new CommandException("--exchange needs the name of an exchange");
			}
			bindings.add(AmqpSettings.Binding.forExchange(exchange.strip(), routingKey));
		}
		if (bindings.isEmpty() && routingKey != null) {
			throw new CommandException("--routing-key goes with --exchange");
		}
		return bindings.isEmpty() ? AmqpSettings.DEFAULT_BINDINGS : bindings;
	}
}
