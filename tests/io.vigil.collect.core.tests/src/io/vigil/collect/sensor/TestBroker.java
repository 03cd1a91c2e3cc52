package io.vigil.collect.sensor;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The RabbitMQ broker on 127.0.0.1:5672 that broker tests use, with a queue of their own that is
 * deleted afterwards. Without a broker the test is skipped, with a message; with
 * {@code VIGIL_REQUIRE_BROKER=1} it fails instead.
 */
final class TestBroker implements AutoCloseable {

	static final String URI = "amqp://127.0.0.1:5672";

	final Connection connection;
	final Channel channel;
	final String queue;

	private TestBroker(Connection connection, String prefix) throws IOException {
		this.connection = connection;
		this.channel = connection.createChannel();
		this.queue = prefix + "." + UUID.randomUUID();
		channel.queueDeclare(queue, true, false, false, null);
	}

	/** Connects, or skips (or fails) the test when there is no broker. */
	static TestBroker connect(String prefix) throws IOException, TimeoutException {
		String missing = reachable();
		if (missing != null) {
			String message = "no RabbitMQ broker on 127.0.0.1:5672: " + missing;
			if ("1".equals(System.getenv("VIGIL_REQUIRE_BROKER"))) {
				fail(message + " (VIGIL_REQUIRE_BROKER=1)");
			}
			Assumptions.assumeTrue(false, message);
		}
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setAutomaticRecoveryEnabled(false);
		return new TestBroker(factory.newConnection("Vigil sensor test"), prefix);
	}

	private static String reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1_000);
			return null;
		} catch (IOException e) {
			return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
	}

	/** Takes every message in the queue now, acknowledging them. */
	List<byte[]> drain() throws IOException {
		List<byte[]> bodies = new ArrayList<>();
		for (GetResponse response = channel.basicGet(queue, true); response != null; response = channel.basicGet(queue,
				true)) {
			bodies.add(response.getBody());
		}
		return bodies;
	}

	/** Returns how many messages the queue holds. */
	long count() throws IOException {
		return channel.messageCount(queue);
	}

	@Override
	public void close() throws IOException, TimeoutException {
		try {
			channel.queueDelete(queue);
		} finally {
			connection.close();
		}
	}
}
