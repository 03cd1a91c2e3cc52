package io.vigil.collect.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import io.vigil.collect.IntakeLog;
import io.vigil.collect.LiveFixture;

/** A collector connection against the real broker, on an exchange and queue of its own. */
class AmqpCollectorTest {

	@TempDir
	Path folder;

	private final String name = "vigil.test." + UUID.randomUUID();
	private final List<String> warnings = new CopyOnWriteArrayList<>();
	private Connection publisher;
	private Channel channel;
	private LiveFixture fixture;
	private AmqpCollector collector;
	private AmqpSettings settings;

	@BeforeEach
	void connect() throws Exception {
		Broker.assumeRunning();
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUri(Broker.URI);
		publisher = factory.newConnection("Vigil test publisher");
		channel = publisher.createChannel();
		channel.confirmSelect();
		settings = AmqpSettings.of("test", Broker.URI).withQueue(name,
				List.of(new AmqpSettings.Binding(name, "direct", "eventtask")));
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (collector != null) {
			collector.close();
		}
		if (fixture != null) {
			fixture.close();
		}
		if (publisher != null) {
			Channel cleanup = publisher.createChannel();
			cleanup.queueDelete(name);
			cleanup.queueDelete(name + ".rejected");
			cleanup.exchangeDelete(name);
			publisher.close();
		}
	}

	private void collect(Duration commitInterval) throws Exception {
		fixture = new LiveFixture(folder, commitInterval);
		IntakeLog log = warnings::add;
		collector = new AmqpCollector(settings, fixture.live().intake(), fixture.live().commits(),
				fixture.live().registry(), log, 2);
		collector.start();
		waitFor(() -> collector.state() == AmqpCollector.State.CONNECTED, "the collector to connect");
	}

	private void publish(String... bodies) throws Exception {
		for (String body : bodies) {
			channel.basicPublish(name, "eventtask", MessageProperties.PERSISTENT_TEXT_PLAIN,
					body.getBytes(StandardCharsets.UTF_8));
		}
		channel.waitForConfirmsOrDie(10_000);
	}

	private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("timed out waiting for " + what);
			}
			Thread.sleep(20);
		}
	}

	private static String event(int n) {
		return "{\"utctimestamp\":\"2026-12-04T08:00:" + (10 + n) + "Z\",\"summary\":\"event " + n
				+ "\",\"hostname\":\"h\",\"details\":{\"n\":" + n + "}}";
	}

	private long waiting() throws Exception {
		return channel.queueDeclarePassive(name).getMessageCount();
	}

	@Test
	void storesEventsAndAcknowledgesThemOnceDurable() throws Exception {
		collect(Duration.ofMillis(50));
		publish(event(1), event(2), event(3));
		waitFor(() -> collector.stored() == 3, "3 events stored");
		waitFor(() -> collector.unacknowledged() == 0, "every message acknowledged");
		assertTrue(fixture.live().commits().durable() >= 3, "acknowledged only once durable");
		collector.close();
		assertEquals(0, waiting(), "every message was acknowledged");
		assertEquals(3, fixture.count("hostname:h"));
		assertEquals(1, fixture.count("details.n:2"));
	}

	@Test
	void leavesMessagesInTheQueueUntilTheyAreDurable() throws Exception {
		// No commit happens within the test: nothing may be acknowledged.
		collect(Duration.ofHours(1));
		publish(event(1), event(2));
		waitFor(() -> collector.stored() == 2, "2 events stored");
		collector.close();
		collector = null;
		assertEquals(2, waiting(), "the broker gave the unacknowledged messages back");
	}

	@Test
	void aRedeliveredMessageIsStoredOnce() throws Exception {
		collect(Duration.ofMillis(50));
		publish(event(7), event(7));
		waitFor(() -> collector.stored() == 2, "both deliveries handled");
		assertEquals(1, fixture.count("details.n:7"));
	}

	@Test
	void malformedMessagesGoToTheDeadLetterQueueWithTheReason() throws Exception {
		collect(Duration.ofMillis(50));
		publish(event(1), "{\"summary\": broken", "[1,2]", "{\"utctimestamp\":\"not a time\"}", event(2));
		waitFor(() -> collector.stored() == 2 && collector.rejected() == 3, "2 stored and 3 rejected");
		waitFor(() -> collector.unacknowledged() == 0, "every message acknowledged once durable");
		collector.close();
		assertEquals(0, waiting(), "malformed messages do not stay in the queue");
		// Workers store in parallel, so the dead letters come in any order.
		List<String> reasons = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			GetResponse dead = channel.basicGet(name + ".rejected", true);
			assertNotNull(dead, "dead-lettered message " + (i + 1) + " of 3");
			reasons.add(dead.getProps().getHeaders().get(AmqpCollector.REASON_HEADER).toString());
			assertEquals(name, dead.getProps().getHeaders().get("x-vigil-exchange").toString());
		}
		for (String reason : List.of("malformed JSON at line 1, column", "not a JSON object", "'not a time' is not a timestamp")) {
			assertTrue(reasons.stream().anyMatch(r -> r.contains(reason)), reason + " in " + reasons);
		}
		assertNull(channel.basicGet(name + ".rejected", true));
		assertEquals(3, warnings.stream().filter(w -> w.contains("moved a message")).count(), warnings.toString());
	}

	@Test
	void aDeadLetterQueueDeletedWhileRunningIsMadeAgain() throws Exception {
		collect(Duration.ofMillis(50));
		channel.queueDelete(name + ".rejected");
		publish("{\"summary\": broken");
		waitFor(() -> collector.rejected() == 1, "the malformed message rejected");
		// The dead letter is acknowledged with the next durable commit, however long that takes.
		waitFor(() -> collector.unacknowledged() == 0, "the malformed message acknowledged");
		collector.close();
		assertEquals(0, waiting(), "the malformed message does not stay in the queue");
		assertNotNull(channel.basicGet(name + ".rejected", true), "the dead letter, in the queue made again");
	}

	@Test
	void eventsPublishedWhileClosedAreCollectedOnReturn() throws Exception {
		collect(Duration.ofMillis(50));
		collector.close();
		collector = null;
		publish(event(1), event(2), event(3), event(4));
		collector = new AmqpCollector(settings, fixture.live().intake(), fixture.live().commits(),
				fixture.live().registry(), warnings::add, 2);
		collector.start();
		waitFor(() -> collector.stored() == 4, "4 events collected after the return");
		assertEquals(4, fixture.count("*"));
	}

	@Test
	void reconnectsWhenTheBrokerDropsTheConnection() throws Exception {
		collect(Duration.ofMillis(50));
		publish(event(1));
		waitFor(() -> collector.stored() == 1, "the first event");
		// The broker closing a consumer's queue is the quickest real loss a test can cause.
		Channel admin = publisher.createChannel();
		admin.queueDelete(name);
		waitFor(() -> collector.state() == AmqpCollector.State.RECONNECTING, "the collector to notice");
		assertTrue(collector.detail().contains("cancelled") || collector.detail().contains("closed"), collector.detail());
		waitFor(() -> collector.state() == AmqpCollector.State.CONNECTED, "the collector to reconnect");
		publish(event(2));
		waitFor(() -> collector.stored() == 2, "the event after reconnecting");
	}
}
