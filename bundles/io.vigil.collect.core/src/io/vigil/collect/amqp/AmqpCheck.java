package io.vigil.collect.amqp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.vigil.collect.NamedThreads;

/**
 * Tries a connection's settings without consuming anything: connects, and looks for the exchanges
 * it binds to. Nothing is declared, so a test leaves the broker as it was.
 */
public final class AmqpCheck {

	private AmqpCheck() {
	}

	/**
	 * Connects and checks the exchanges.
	 *
	 * @return what was found, in a sentence: the broker's version and the exchanges that are missing
	 *         (the collector declares them when it starts)
	 * @throws AmqpSettingsException if the settings are not usable or the broker cannot be reached
	 */
	public static String check(AmqpSettings settings) throws AmqpSettingsException {
		var factory = settings.connectionFactory();
		factory.setThreadFactory(new NamedThreads("Vigil AMQP check " + settings.name()));
		try (Connection connection = factory.newConnection("Vigil connection test " + settings.name())) {
			List<String> missing = new ArrayList<>();
			for (AmqpSettings.Binding binding : settings.bindings()) {
				if (!exchangeExists(connection, binding.exchange())) {
					missing.add(binding.exchange());
				}
			}
			Object version = connection.getServerProperties().get("version");
			String broker = "connected to " + settings.displayUri() + (version == null ? "" : " (RabbitMQ " + version + ")");
			return missing.isEmpty() ? broker + "; every exchange exists"
					: broker + "; missing exchanges, declared when the connection starts: " + String.join(", ", missing);
		} catch (IOException | TimeoutException | RuntimeException e) {
			throw new AmqpSettingsException("cannot connect to " + settings.displayUri() + ": " + describe(e), e);
		}
	}

	private static boolean exchangeExists(Connection connection, String exchange) throws IOException {
		if (exchange.isEmpty()) {
			return true;
		}
		// A passive declaration of a missing exchange closes its channel, so each gets its own.
		Channel probe = connection.createChannel();
		try {
			probe.exchangeDeclarePassive(exchange);
			probe.close();
			return true;
		} catch (IOException | TimeoutException missing) {
			return false;
		}
	}

	private static String describe(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof IOException)) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return message == null ? cause.getClass().getSimpleName() : message;
	}
}
