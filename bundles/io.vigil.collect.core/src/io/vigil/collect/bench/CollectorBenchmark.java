package io.vigil.collect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import io.vigil.collect.LiveIntake;
import io.vigil.collect.NamedThreads;
import io.vigil.collect.amqp.AmqpCollector;
import io.vigil.collect.amqp.AmqpPublisher;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.amqp.AmqpSettingsException;
import io.vigil.events.bench.EventGenerator;
import io.vigil.events.store.EventStore;

/**
 * Durable at-least-once collection through Vigil's collector against a bare RabbitMQ Java
 * consumer with manual acknowledgements, on the same broker, the same messages and the same
 * prefetch, in alternating rounds. The bare consumer acknowledges each message as it arrives and
 * stores nothing; Vigil's parses, normalizes, indexes, commits and only then acknowledges.
 */
public final class CollectorBenchmark {

	/**
	 * What to measure.
	 *
	 * @param uri the broker
	 * @param events messages per round
	 * @param rounds rounds of each side
	 * @param work an empty folder for the stores
	 */
	public record Settings(String uri, long events, int rounds, Path work) {
	}

	/**
	 * The figures: messages per second of each round, and the median ratio.
	 */
	public record Result(List<Double> bare, List<Double> vigil) {

		/** Returns the median of Vigil's rate over the bare consumer's. */
		public double ratio() {
			return median(vigil) / median(bare);
		}
	}

	private static final Duration LIMIT = Duration.ofMinutes(10);

	private final Settings settings;
	private final Consumer<String> progress;

	/** Creates the benchmark; {@code progress} is told what happens, one line at a time. */
	public CollectorBenchmark(Settings settings, Consumer<String> progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/** Runs every round. */
	public Result run() throws Exception {
		List<byte[]> messages = messages();
		List<Double> bare = new ArrayList<>();
		List<Double> vigil = new ArrayList<>();
		// An uncounted round on a fifth of the messages lets the JIT compile both paths first.
		List<byte[]> warmUp = messages.subList(0, Math.max(1, messages.size() / 5));
		bare(warmUp, 0);
		vigil(warmUp, 0);
		for (int round = 1; round <= settings.rounds(); round++) {
			// Alternating which side goes first keeps a warming broker or JIT from favouring one.
			if (round % 2 == 1) {
				bare.add(bare(messages, round));
				vigil.add(vigil(messages, round));
			} else {
				vigil.add(vigil(messages, round));
				bare.add(bare(messages, round));
			}
		}
		return new Result(bare, vigil);
	}

	private List<byte[]> messages() throws IOException {
		ObjectMapper json = new ObjectMapper();
		EventGenerator generator = new EventGenerator(42);
		List<byte[]> messages = new ArrayList<>();
		for (long i = 0; i < settings.events(); i++) {
			messages.add(json.writeValueAsBytes(generator.next()));
		}
		return messages;
	}

	private AmqpSettings connection(String name, String queue, String exchange) {
		return AmqpSettings.of(name, settings.uri()).withQueue(queue, List.of(new AmqpSettings.Binding(exchange, "direct", "bench")));
	}

	private void fill(AmqpSettings target, List<byte[]> messages) throws IOException, TimeoutException, InterruptedException {
		AmqpSettings.Binding binding = target.bindings().get(0);
		try (AmqpPublisher publisher = AmqpPublisher.open(target, binding, "benchmark publisher")) {
			for (byte[] message : messages) {
				publisher.publish(message);
				if (publisher.unconfirmed() >= 1000) {
					publisher.confirm();
				}
			}
			publisher.confirm();
		}
	}

	private Connection connect(String name) throws AmqpSettingsException, IOException, TimeoutException {
		var factory = AmqpSettings.of(name, settings.uri()).connectionFactory();
		factory.setThreadFactory(new NamedThreads("Vigil benchmark " + name));
		return factory.newConnection("Vigil benchmark " + name);
	}

	private double bare(List<byte[]> messages, int round) throws Exception {
		String name = "vigil.bench.bare." + UUID.randomUUID();
		AmqpSettings target = connection("bare", name, name);
		try (Connection connection = connect("bare")) {
			Channel channel = connection.createChannel();
			channel.exchangeDeclare(name, "direct", true);
			channel.queueDeclare(name, true, false, false, null);
			channel.queueBind(name, name, "bench");
			fill(target, messages);
			CountDownLatch drained = new CountDownLatch(messages.size());
			long start = System.nanoTime();
			channel.basicQos(AmqpSettings.DEFAULT_PREFETCH);
			channel.basicConsume(name, false, new DefaultConsumer(channel) {
				@Override
				public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
						throws IOException {
					getChannel().basicAck(envelope.getDeliveryTag(), false);
					drained.countDown();
				}
			});
			if (!drained.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IOException("the bare consumer did not drain " + messages.size() + " messages in " + LIMIT);
			}
			double rate = messages.size() / seconds(System.nanoTime() - start);
			progress.accept(String.format(Locale.ROOT, "%s: bare consumer, manual acks: %,.0f messages/s", name(round), rate));
			channel.queueDelete(name);
			channel.exchangeDelete(name);
			return rate;
		}
	}

	private double vigil(List<byte[]> messages, int round) throws Exception {
		String name = "vigil.bench.collector." + UUID.randomUUID();
		AmqpSettings target = connection("benchmark", name, name);
		Path folder = Files.createDirectories(settings.work().resolve("round-" + round));
		try (Connection connection = connect("setup")) {
			Channel channel = connection.createChannel();
			channel.exchangeDeclare(name, "direct", true);
			channel.queueDeclare(name, true, false, false, null);
			channel.queueBind(name, name, "bench");
			fill(target, messages);
			double rate;
			try (EventStore store = EventStore.open(folder);
					LiveIntake live = LiveIntake.on(store, Clock.systemUTC(), () -> null, LiveIntake.COMMIT_INTERVAL, "benchmark")) {
				AmqpCollector collector = new AmqpCollector(target, live.intake(), live.commits(), live.registry(),
						progress::accept, Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
				long start = System.nanoTime();
				collector.start();
				awaitAcknowledged(channel, name, collector, messages.size(), live);
				rate = messages.size() / seconds(System.nanoTime() - start);
				collector.close();
			}
			progress.accept(String.format(Locale.ROOT, "%s: Vigil collector, durable then acked: %,.0f messages/s",
					name(round), rate));
			channel.queueDelete(name);
			channel.queueDelete(name + ".rejected");
			channel.exchangeDelete(name);
			return rate;
		}
	}

	private static void awaitAcknowledged(Channel channel, String queue, AmqpCollector collector, long count,
			LiveIntake live) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (collector.stored() + collector.rejected() < count) {
			if (System.nanoTime() > deadline) {
				throw new IOException("Vigil's collector took " + collector.stored() + " of " + count + " messages in " + LIMIT);
			}
			Thread.sleep(5);
		}
		if (!live.commits().await(live.commits().ticketsTaken(), LIMIT)) {
			throw new IOException("the last commit did not finish in " + LIMIT);
		}
		if (collector.rejected() > 0) {
			throw new IOException("Vigil's collector refused " + collector.rejected() + " generated events");
		}
	}

	private static String name(int round) {
		return round == 0 ? "warm-up (not counted)" : "round " + round;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}
}
