package io.vigil.rules.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The RabbitMQ broker on 127.0.0.1:5672 (guest/guest), with an alerts exchange and a queue bound
 * to it with MozDef's routing key, both named for this test only and deleted afterwards. Without
 * a broker the test is skipped with a message; with {@code VIGIL_REQUIRE_BROKER=1} it fails.
 */
final class TestBroker implements AutoCloseable {

	static final String URI = "amqp://127.0.0.1:5672";

	/** A message taken from the queue. */
	record Message(String routingKey, byte[] body) {
	}

	final String exchange = "vigil.test.alerts." + UUID.randomUUID();
	private final Connection connection;
	private final Channel channel;
	private final String queue;
	private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

	private TestBroker(Connection connection) throws IOException {
		this.connection = connection;
		channel = connection.createChannel();
		channel.exchangeDeclare(exchange, "topic", false, false, null);
		queue = channel.queueDeclare("", false, true, true, null).getQueue();
		channel.queueBind(queue, exchange, "mozdef.alert");
		channel.basicConsume(queue, true, (tag, delivery) -> received
				.add(new Message(delivery.getEnvelope().getRoutingKey(), delivery.getBody())), tag -> {
				});
	}

	/** Connects, or skips (or fails) the test when there is no broker. */
	static TestBroker connect() throws IOException, TimeoutException {
		String missing = reachable();
		if (missing != null) {
			String message = "no RabbitMQ broker on 127.0.0.1:5672: " + missing;
			if ("1".equals(System.getenv("VIGIL_REQUIRE_BROKER"))) {
				fail(message + " (VIGIL_REQUIRE_BROKER=1)");
			}
			Assumptions.assumeTrue(false, "SKIPPED: " + message);
		}
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setAutomaticRecoveryEnabled(false);
		return new TestBroker(factory.newConnection("Vigil response test"));
	}

	private static String reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1_000);
			return null;
		} catch (IOException e) {
			return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
	}

	/** Waits for a number of messages, in the order they came. */
	List<Message> await(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Message> messages = new ArrayList<>();
		while (messages.size() < count) {
			Message next = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			messages.add(next);
		}
		assertEquals(count, messages.size(), "messages received within " + timeout);
		return messages;
	}

	@Override
	public void close() throws IOException, TimeoutException {
		try {
			channel.queueDelete(queue);
			channel.exchangeDelete(exchange);
		} finally {
			connection.close();
		}
	}
}
