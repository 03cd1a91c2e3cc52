package io.vigil.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The RabbitMQ client works inside OSGi against the broker on 127.0.0.1:5672 (guest/guest) that
 * the machine and CI start: a published, confirmed message comes back from the queue.
 */
class RabbitMqInOsgiTest {

	@Test
	void publishesWithConfirmAndReadsBack() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(5672);
		factory.setUsername("guest");
		factory.setPassword("guest");
		factory.setConnectionTimeout((int) Duration.ofSeconds(10).toMillis());

		try (Connection connection = factory.newConnection("vigil-library-test");
				Channel channel = connection.createChannel()) {
			String queue = channel.queueDeclare("", false, true, true, null).getQueue();
			channel.confirmSelect();
			byte[] body = "{\"summary\":\"hello from osgi\"}".getBytes(StandardCharsets.UTF_8);

			channel.basicPublish("", queue, null, body);
			channel.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());

			GetResponse response = channel.basicGet(queue, true);
			assertNotNull(response, "the confirmed message is not in the queue");
			assertEquals(new String(body, StandardCharsets.UTF_8), new String(response.getBody(), StandardCharsets.UTF_8));
		}
	}
}
