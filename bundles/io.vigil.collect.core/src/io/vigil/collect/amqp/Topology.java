package io.vigil.collect.amqp;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * Declares what collectors and sensors need on the broker. Exchanges that exist are used as they
 * are (MozDef may have declared them with its own arguments); missing ones are declared durable.
 */
final class Topology {

	private Topology() {
	}

	/** Declares the queue, its dead-letter queue and the bindings of a collector connection. */
	static void declareConsumer(Connection connection, Channel channel, AmqpSettings settings)
			throws IOException, TimeoutException {
		channel.queueDeclare(settings.queue(), true, false, false, null);
		channel.queueDeclare(settings.deadLetterQueue(), true, false, false, null);
		for (AmqpSettings.Binding binding : settings.bindings()) {
			ensureExchange(connection, channel, binding);
			channel.queueBind(settings.queue(), binding.exchange(), binding.routingKey());
		}
	}

	/** Declares the exchange an event is published to, unless it exists. */
	static void ensureExchange(Connection connection, Channel channel, AmqpSettings.Binding binding)
			throws IOException, TimeoutException {
		if (binding.exchange().isEmpty()) {
			return;
		}
		// A passive declaration of a missing exchange closes its channel, so it gets one of its own.
		Channel probe = connection.createChannel();
		try {
			probe.exchangeDeclarePassive(binding.exchange());
			probe.close();
			return;
		} catch (IOException missing) {
			// Declared below.
		}
		channel.exchangeDeclare(binding.exchange(), binding.type(), true);
	}
}
