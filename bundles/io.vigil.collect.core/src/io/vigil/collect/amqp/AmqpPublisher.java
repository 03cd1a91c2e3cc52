package io.vigil.collect.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;

import io.vigil.collect.NamedThreads;

/**
 * Publishes JSON events to one exchange and routing key with publisher confirms: persistent
 * messages, published as mandatory so that a message no queue takes is returned rather than
 * dropped. {@link #awaitConfirms(Duration)} returns only once the broker has taken every message
 * published so far; only then may the publisher forget them. One connection, one channel; not
 * thread-safe.
 */
public final class AmqpPublisher implements AutoCloseable {

	private static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
			.contentType("application/json").deliveryMode(2).build();

	private final Connection connection;
	private final Channel channel;
	private final AmqpSettings.Binding binding;
	private final AtomicLong returned = new AtomicLong();
	private long returnedBefore;
	private long unconfirmed;

	private AmqpPublisher(Connection connection, Channel channel, AmqpSettings.Binding binding) {
		this.connection = connection;
		this.channel = channel;
		this.binding = binding;
		channel.addReturnListener(message -> returned.incrementAndGet());
	}

	/**
	 * Connects, declares the exchange unless it exists, and turns confirms on.
	 *
	 * @param settings the broker (queue and bindings are not used)
	 * @param binding the exchange and routing key to publish to; the exchange {@code ""} is the
	 *            default exchange, whose routing key is a queue's name
	 * @param clientName the connection's name in the broker's management view
	 * @throws IOException if the broker cannot be reached or refuses
	 */
	public static AmqpPublisher open(AmqpSettings settings, AmqpSettings.Binding binding, String clientName)
			throws IOException, TimeoutException {
		ConnectionFactory factory;
		try {
			factory = settings.connectionFactory();
		} catch (AmqpSettingsException e) {
			throw new IOException(e.getMessage(), e);
		}
		factory.setThreadFactory(new NamedThreads("Vigil AMQP " + settings.name()));
		factory.setExceptionHandler(new QuietConnectionErrors());
		Connection connection = factory.newConnection(clientName);
		try {
			Channel channel = connection.createChannel();
			Topology.ensureExchange(connection, channel, binding);
			channel.confirmSelect();
			return new AmqpPublisher(connection, channel, binding);
		} catch (IOException | TimeoutException | RuntimeException e) {
			connection.abort(5_000);
			throw e;
		}
	}

	/** Returns where messages go. */
	public AmqpSettings.Binding binding() {
		return binding;
	}

	/** Publishes one JSON event, persistent; it is confirmed by a later {@link #awaitConfirms(Duration)}. */
	public void publish(byte[] json) throws IOException {
		try {
			channel.basicPublish(binding.exchange(), binding.routingKey(), true, PERSISTENT_JSON, json);
			unconfirmed++;
		} catch (AlreadyClosedException e) {
			throw new IOException("the connection is closed: " + e.getMessage(), e);
		}
	}

	/**
	 * Waits until the broker has confirmed every message published so far.
	 *
	 * @throws IOException if it refused one (nack), no queue took one, or the connection was lost
	 * @throws TimeoutException if the confirms did not come in time
	 */
	public void awaitConfirms(Duration timeout) throws IOException, TimeoutException, InterruptedException {
		try {
			channel.waitForConfirmsOrDie(timeout.toMillis());
			unconfirmed = 0;
		} catch (AlreadyClosedException e) {
			throw new IOException("the connection is closed: " + e.getMessage(), e);
		}
		long now = returned.get();
		if (now != returnedBefore) {
			long count = now - returnedBefore;
			returnedBefore = now;
			throw new IOException(count + " messages were returned: no queue is bound to exchange '"
					+ binding.exchange()
					+ "' with routing key '" + binding.routingKey() + "' (start the collector first)");
		}
	}

	/** Returns how many messages were published since the last confirm. */
	public long unconfirmed() {
		return unconfirmed;
	}

	/**
	 * Waits up to 30 seconds for the confirms of everything published so far.
	 *
	 * @throws IOException as {@link #awaitConfirms(Duration)}, or when the confirms did not come in time
	 */
	public void confirm() throws IOException, InterruptedException {
		if (unconfirmed == 0) {
			return;
		}
		try {
			awaitConfirms(Duration.ofSeconds(30));
		} catch (TimeoutException e) {
			throw new IOException("the broker did not confirm " + unconfirmed + " messages within 30 s", e);
		}
	}

	/** Returns whether the connection is open. */
	public boolean isOpen() {
		return connection.isOpen();
	}

	/** Closes the connection; messages not confirmed yet may or may not have been taken. */
	@Override
	public void close() {
		try {
			connection.close(5_000);
		} catch (IOException | AlreadyClosedException e) {
			connection.abort(1_000);
		}
	}

	/**
	 * Keeps the client from logging a lost connection: the publisher's caller sees it as an
	 * exception and reports it once, in its own words.
	 */
	private static final class QuietConnectionErrors extends ForgivingExceptionHandler {

		@Override
		public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
			// Reported by whoever publishes next, through the closed connection.
		}
	}
}
