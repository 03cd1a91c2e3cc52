package io.vigil.collect.amqp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;

import io.vigil.collect.DurableCommits;
import io.vigil.collect.EventIntake;
import io.vigil.collect.IntakeLog;
import io.vigil.collect.NamedThreads;
import io.vigil.collect.SourceRegistry;
import io.vigil.collect.SourceStats;
import io.vigil.collect.StopSignal;

/**
 * A collector connection: consumes events from a durable queue bound to MozDef's exchanges and
 * stores them. A message is acknowledged only once its event is durable, so a crash or a lost
 * connection redelivers it, and the stable event id stores it once. A malformed message moves to
 * the dead-letter queue with the reason in its headers and never blocks the stream. When the
 * broker goes away the collector reconnects with backoff, from one second up to thirty.
 */
public final class AmqpCollector implements AutoCloseable {

	/** The header of a dead-lettered message that says why it was refused. */
	public static final String REASON_HEADER = "x-vigil-reason";

	private static final long IN_PROGRESS = -1;

	/** What the connection is doing. */
	public enum State {
		/** Connecting for the first time. */
		CONNECTING,
		/** Connected and consuming. */
		CONNECTED,
		/** Lost or refused; waiting to try again. */
		RECONNECTING,
		/** Closed. */
		STOPPED
	}

	private final AmqpSettings settings;
	private final EventIntake intake;
	private final DurableCommits commits;
	private final SourceRegistry registry;
	private final SourceStats stats;
	private final IntakeLog log;
	private final ExecutorService workers;
	private final Thread thread;
	private final AtomicLong stored = new AtomicLong();
	private final AtomicLong rejected = new AtomicLong();
	private volatile State state = State.CONNECTING;
	private volatile String detail = "";
	private volatile Session session;
	private final StopSignal stop = new StopSignal();
	private final ExecutorService acknowledgements;
	private final LongConsumer acknowledger = this::acknowledgeLater;

	/**
	 * Creates a collector; {@link #start()} connects.
	 *
	 * @param workerThreads how many threads store events in parallel
	 */
	public AmqpCollector(AmqpSettings settings, EventIntake intake, DurableCommits commits, SourceRegistry registry,
			IntakeLog log, int workerThreads) {
		this.settings = settings;
		this.intake = intake;
		this.commits = commits;
		this.registry = registry;
		this.log = log;
		this.stats = registry.source(settings.name(), SourceStats.Kind.CONNECTION, SourceRegistry.DEFAULT_SILENCE);
		// The prefetch bounds what is in flight, so the queue never holds more than that.
		this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new NamedThreads("Vigil collector " + settings.name() + " worker"));
		this.acknowledgements = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new NamedThreads("Vigil collector " + settings.name() + " acknowledgements"),
				new ThreadPoolExecutor.DiscardPolicy());
		this.thread = new Thread(this::run, "Vigil collector " + settings.name());
		thread.setDaemon(true);
		commits.onDurable(acknowledger);
	}

	/** Starts connecting, in a thread of its own. */
	public void start() {
		setState(State.CONNECTING, "connecting to " + settings.displayUri());
		thread.start();
	}

	/** Returns the settings. */
	public AmqpSettings settings() {
		return settings;
	}

	/** Returns the connection's state. */
	public State state() {
		return state;
	}

	/** Returns what the state is about: the broker, or why the last attempt failed. */
	public String detail() {
		return detail;
	}

	/** Returns how many events this collector stored since it started. */
	public long stored() {
		return stored.get();
	}

	/** Returns how many messages it moved to the dead-letter queue since it started. */
	public long rejected() {
		return rejected.get();
	}

	/** Returns how many received messages of the current connection are not acknowledged yet. */
	public int unacknowledged() {
		Session current = session;
		return current == null ? 0 : current.pending.size();
	}

	private void setState(State newState, String newDetail) {
		state = newState;
		detail = newDetail;
		stats.state(switch (newState) {
		case CONNECTING -> "connecting";
		case CONNECTED -> "connected";
		case RECONNECTING -> "reconnecting: " + newDetail;
		case STOPPED -> "stopped";
		});
	}

	private void run() {
		Duration backoff = StopSignal.firstBackoff();
		while (!stop.stopped()) {
			try {
				Session current = connect();
				backoff = StopSignal.firstBackoff();
				current.lost.await();
				if (stop.stopped()) {
					break;
				}
				String reason = current.reason;
				log.warn("connection '" + settings.name() + "' to " + settings.displayUri() + " lost: " + reason);
				setState(State.RECONNECTING, reason);
			} catch (IOException | TimeoutException | RuntimeException e) {
				String reason = describe(e);
				if (state != State.RECONNECTING || !reason.equals(detail)) {
					log.warn("connection '" + settings.name() + "' to " + settings.displayUri() + ": " + reason
							+ "; trying again with backoff");
				}
				setState(State.RECONNECTING, reason);
			} catch (InterruptedException e) {
				break;
			}
			if (!stop.pause(backoff)) {
				break;
			}
			backoff = StopSignal.nextBackoff(backoff);
		}
		setState(State.STOPPED, "");
	}

	private static String describe(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getMessage() == null) {
			cause = cause.getCause();
		}
		if (cause instanceof ShutdownSignalException shutdown) {
			if (shutdown.getReason() instanceof AMQP.Connection.Close close) {
				return "the broker closed the connection (" + close.getReplyCode() + " " + close.getReplyText() + ")";
			}
			if (shutdown.getReason() instanceof AMQP.Channel.Close close) {
				return "the broker closed the channel (" + close.getReplyCode() + " " + close.getReplyText() + ")";
			}
		}
		String message = cause.getMessage();
		return message == null ? cause.getClass().getSimpleName() : message;
	}

	private Session connect() throws IOException, TimeoutException {
		ConnectionFactory factory;
		try {
			factory = settings.connectionFactory();
		} catch (AmqpSettingsException e) {
			throw new IOException(e.getMessage(), e);
		}
		factory.setThreadFactory(new NamedThreads("Vigil AMQP " + settings.name()));
		Connection connection = factory.newConnection("Vigil collector " + settings.name());
		try {
			Session opened = new Session(connection);
			connection.addShutdownListener(cause -> opened.lose(describe(cause)));
			Topology.declareConsumer(connection, opened.channel, settings);
			opened.channel.basicQos(settings.prefetch());
			session = opened;
			if (stop.stopped()) {
				throw new IOException("closed while connecting");
			}
			opened.channel.basicConsume(settings.queue(), false, "vigil-" + settings.name(), new Delivery(opened));
			setState(State.CONNECTED, settings.displayUri() + ", queue " + settings.queue());
			log.info("connection '" + settings.name() + "' consuming " + settings.queue() + " on " + settings.displayUri());
			return opened;
		} catch (IOException | RuntimeException e) {
			closeQuietly(connection);
			throw e;
		}
	}

	/** Told on the commit thread; acknowledges on the collector's own, so a slow broker delays no one else. */
	private void acknowledgeLater(long durableTicket) {
		if (!acknowledgements.isShutdown()) {
			acknowledgements.execute(() -> acknowledgeUpTo(durableTicket));
		}
	}

	private void acknowledgeUpTo(long durableTicket) {
		Session current = session;
		if (current != null) {
			current.acknowledgeUpTo(durableTicket);
		}
	}

	private void process(Session from, long tag, Envelope envelope, byte[] body) {
		String origin = "amqp " + settings.name() + " " + envelope.getExchange() + "/" + envelope.getRoutingKey();
		try {
			EventIntake.Outcome outcome = intake.accept(body, null, origin);
			if (outcome.stored()) {
				stored.incrementAndGet();
				stats.stored(outcome.time());
				if (outcome.sensor() != null) {
					registry.source(outcome.sensor(), SourceStats.Kind.SENSOR_HOST, SourceRegistry.DEFAULT_SILENCE)
							.stored(outcome.time());
				}
			} else {
				from.deadLetter(envelope, body, outcome.reason());
				rejected.incrementAndGet();
				stats.rejected();
			}
			from.done(tag, commits.ticket());
			// A sync may have run between the ticket and done; without this, a burst's last
			// message would wait for the next event to be acknowledged.
			from.acknowledgeUpTo(commits.durable());
		} catch (IOException | RuntimeException e) {
			// The store or the broker failed: leave the message unacknowledged, and start over.
			from.lose("cannot store a message: " + describe(e));
			closeQuietly(from.connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.abort(5_000);
		} catch (RuntimeException e) {
			// Already gone.
		}
	}

	/** Stops consuming and closes the connection; unacknowledged messages go back to the queue. */
	@Override
	public void close() {
		stop.stop();
		Session current = session;
		if (current != null) {
			current.lose("closed");
			closeQuietly(current.connection);
		}
		workers.shutdown();
		acknowledgements.shutdown();
		try {
			thread.join(10_000);
			workers.awaitTermination(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		commits.removeListener(acknowledger);
		setState(State.STOPPED, "");
	}

	/** One connection's channel and the deliveries received on it that are not acknowledged yet. */
	private final class Session {

		final Connection connection;
		final Channel channel;
		final Channel deadLetters;
		final AtomicLong returned = new AtomicLong();
		final CountDownLatch lost = new CountDownLatch(1);
		/** Delivery tag to the ticket that makes it durable, or IN_PROGRESS while it is stored. */
		final ConcurrentSkipListMap<Long, Long> pending = new ConcurrentSkipListMap<>();
		volatile String reason = "";

		Session(Connection connection) throws IOException {
			this.connection = connection;
			this.channel = connection.createChannel();
			this.deadLetters = connection.createChannel();
			deadLetters.confirmSelect();
			deadLetters.addReturnListener(message -> returned.incrementAndGet());
		}

		void lose(String why) {
			if (lost.getCount() > 0) {
				reason = why;
				lost.countDown();
			}
		}

		void received(long tag) {
			pending.put(tag, IN_PROGRESS);
		}

		void done(long tag, long ticket) {
			pending.put(tag, ticket);
		}

		synchronized void acknowledgeUpTo(long durableTicket) {
			long last = -1;
			for (Entry<Long, Long> entry = pending.firstEntry(); entry != null; entry = pending.firstEntry()) {
				long ticket = entry.getValue();
				if (ticket == IN_PROGRESS || ticket > durableTicket) {
					break;
				}
				last = entry.getKey();
				pending.remove(last);
			}
			if (last >= 0 && lost.getCount() > 0) {
				try {
					channel.basicAck(last, true);
				} catch (IOException | RuntimeException e) {
					lose("cannot acknowledge: " + describe(e));
				}
			}
		}

		/** Publishes a dead letter and waits for its confirm; returns whether a queue took it. */
		private boolean publishDeadLetter(AMQP.BasicProperties properties, byte[] body) throws IOException {
			long before = returned.get();
			deadLetters.basicPublish("", settings.deadLetterQueue(), true, properties, body);
			try {
				deadLetters.waitForConfirmsOrDie(10_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while moving a message to " + settings.deadLetterQueue(), e);
			} catch (TimeoutException e) {
				throw new IOException("the broker did not confirm a message moved to " + settings.deadLetterQueue(), e);
			}
			// A return comes before the confirm of the same message.
			return returned.get() == before;
		}

		void deadLetter(Envelope envelope, byte[] body, String why) throws IOException {
			Map<String, Object> headers = new HashMap<>();
			headers.put(REASON_HEADER, why);
			headers.put("x-vigil-exchange", envelope.getExchange());
			headers.put("x-vigil-routing-key", envelope.getRoutingKey());
			headers.put("x-vigil-connection", settings.name());
			headers.put("x-vigil-rejected-at", Instant.now().toString());
			AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(headers).deliveryMode(2)
					.contentType("application/octet-stream").build();
			synchronized (deadLetters) {
				if (!publishDeadLetter(properties, body)) {
					// The dead-letter queue went away while Vigil ran: make it again, and try once more.
					deadLetters.queueDeclare(settings.deadLetterQueue(), true, false, false, null);
					if (!publishDeadLetter(properties, body)) {
						throw new IOException("the broker routed no message to " + settings.deadLetterQueue());
					}
				}
			}
			log.warn("connection '" + settings.name() + "': moved a message from " + envelope.getExchange() + " ("
					+ envelope.getRoutingKey() + ") to " + settings.deadLetterQueue() + ": " + why);
		}
	}

	/** Hands each delivery to a worker. */
	private final class Delivery extends DefaultConsumer {

		private final Session from;

		Delivery(Session from) {
			super(from.channel);
			this.from = from;
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
			long tag = envelope.getDeliveryTag();
			from.received(tag);
			workers.execute(() -> process(from, tag, envelope, body));
		}

		@Override
		public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
			// The channel alone may close (an acknowledgement timeout, a refused operation).
			from.lose(describe(signal));
			closeQuietly(from.connection);
		}

		@Override
		public void handleCancel(String consumerTag) {
			from.lose("the broker cancelled the consumer (was the queue " + settings.queue() + " deleted?)");
			closeQuietly(from.connection);
		}
	}
}
