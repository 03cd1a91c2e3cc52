package io.vigil.collect.amqp;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import io.vigil.collect.NamedThreads;

/**
 * Publishes persistent JSON messages to one exchange with publisher confirms: messages go out in
 * batches, and {@link #confirm()} returns once the broker has taken every one published so far.
 * Not thread-safe.
 */
public final class AmqpPublisher implements AutoCloseable {

	private static final AMQP.BasicProperties JSON_PERSISTENT = MessageProperties.PERSISTENT_BASIC.builder()
			.contentType("application/json").build();

	private final Connection connection;
	private final Channel channel;
	private final AmqpSettings.Binding target;
	private final long confirmTimeoutMillis;
	private long unconfirmed;

	private AmqpPublisher(Connection connection, Channel channel, AmqpSettings.Binding target, long confirmTimeoutMillis) {
		this.connection = connection;
		this.channel = channel;
		this.target = target;
		this.confirmTimeoutMillis = confirmTimeoutMillis;
	}

	/**
	 * Connects and makes sure the target exchange exists.
	 *
	 * @param target the exchange and routing key to publish to
	 * @throws AmqpSettingsException if the settings are not usable
	 * @throws IOException if the broker cannot be reached, with the broker in the message
	 */
	public static AmqpPublisher open(AmqpSettings settings, AmqpSettings.Binding target, String purpose)
			throws AmqpSettingsException, IOException {
		var factory = settings.connectionFactory();
		factory.setThreadFactory(new NamedThreads("Vigil AMQP " + purpose));
		Connection connection;
		try {
			connection = factory.newConnection("Vigil " + purpose);
		} catch (TimeoutException e) {
			throw new IOException("cannot reach " + settings.displayUri() + ": timed out", e);
		} catch (IOException e) {
			throw new IOException("cannot reach " + settings.displayUri() + ": " + e.getMessage(), e);
		}
		try {
			Channel channel = connection.createChannel();
			Topology.ensureExchange(connection, channel, target);
			channel.confirmSelect();
			return new AmqpPublisher(connection, channel, target, 30_000);
		} catch (IOException | TimeoutException | RuntimeException e) {
			connection.abort();
			throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
		}
	}

	/** Publishes one message; it is safe with the broker only after {@link #confirm()}. */
	public void publish(byte[] body) throws IOException {
		channel.basicPublish(target.exchange(), target.routingKey(), JSON_PERSISTENT, body);
		unconfirmed++;
	}

	/** Returns how many messages were published since the last confirm. */
	public long unconfirmed() {
		return unconfirmed;
	}

	/**
	 * Waits until the broker confirms every message published so far.
	 *
	 * @throws IOException if the broker refused one, or did not confirm within 30 seconds
	 */
	public void confirm() throws IOException, InterruptedException {
		if (unconfirmed == 0) {
			return;
		}
		try {
			channel.waitForConfirmsOrDie(confirmTimeoutMillis);
			unconfirmed = 0;
		} catch (TimeoutException e) {
			throw new IOException("the broker did not confirm " + unconfirmed + " messages within "
					+ confirmTimeoutMillis / 1000 + " s", e);
		}
	}

	/** Closes the connection; messages not confirmed may be lost. */
	@Override
	public void close() {
		try {
			connection.close(5_000);
		} catch (IOException | RuntimeException e) {
			connection.abort();
		}
	}
}
