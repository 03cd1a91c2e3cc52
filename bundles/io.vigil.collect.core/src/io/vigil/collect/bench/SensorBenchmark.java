package io.vigil.collect.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.vigil.collect.IntakeLog;
import io.vigil.collect.amqp.AmqpPublisher;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.amqp.AmqpSettingsException;
import io.vigil.collect.sensor.Checkpoints;
import io.vigil.collect.sensor.Sensor;
import io.vigil.events.EventFields;
import io.vigil.events.Normalizer;
import io.vigil.events.ingest.RejectsFile;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.EventReaders;
import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;
import io.vigil.events.store.EventIds;

/**
 * Measures the sensor against a bare publisher on the same broker, in one run: (a) the bare
 * publisher sends pre-made MozDef JSON events (the very events the sensor makes of the file) with
 * confirms, in batches of the sensor's size; (b) the sensor follows a file of the same syslog
 * lines and reads, parses, normalizes, publishes, confirms and checkpoints them. Both go to a
 * temporary queue of their own through the default exchange, which is purged between runs and
 * deleted at the end. The goal is a ratio of at least {@value #GOAL}.
 */
public final class SensorBenchmark {

	/** The sensor's publish rate, as a share of the bare publisher's, that the issue asks for. */
	public static final double GOAL = 0.5;

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How the benchmark runs.
	 *
	 * @param amqp the broker
	 * @param events how many events each side publishes
	 * @param batch events between two waits for confirms, for both sides
	 * @param runs how many times each side runs (alternating); the best run counts
	 * @param folder an empty folder for the file, checkpoints and rejects
	 */
	public record Settings(AmqpSettings amqp, int events, int batch, int runs, Path folder) {
	}

	/**
	 * The figures: events per second of each side, best of the runs, and every run's.
	 *
	 * @param bare the bare publisher's best rate, in events per second
	 * @param sensor the sensor's best rate, in events per second
	 */
	public record Result(int events, int batch, double bare, double sensor, List<Double> bareRuns,
			List<Double> sensorRuns) {

		/** Returns the sensor's rate as a share of the bare publisher's. */
		public double ratio() {
			return sensor / bare;
		}

		/** Returns the report, one figure a line. */
		public List<String> report() {
			return List.of(
					String.format(Locale.ROOT, "sensor benchmark: %d syslog events, confirms every %d", events, batch),
					String.format(Locale.ROOT, "  bare publisher with confirms: %,.0f events/s (runs: %s)", bare,
							rates(bareRuns)),
					String.format(Locale.ROOT, "  sensor (read, parse, normalize, publish, confirm, checkpoint): %,.0f "
							+ "events/s (runs: %s)", sensor, rates(sensorRuns)),
					String.format(Locale.ROOT, "  ratio sensor / bare: %.2f (goal at least %.2f: %s)", ratio(), GOAL,
							ratio() >= GOAL ? "met" : "NOT met"));
		}

		private static String rates(List<Double> runs) {
			StringBuilder text = new StringBuilder();
			for (double run : runs) {
				text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", run));
			}
			return text.toString();
		}
	}

	private SensorBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 *
	 * @throws IOException if the broker cannot be reached or the folder cannot be written
	 */
	public static Result run(Settings settings, IntakeLog log)
			throws IOException, TimeoutException, InterruptedException {
		Path file = settings.folder().resolve("auth.log");
		writeLines(file, settings.events());
		List<byte[]> premade = premade(file);
		String queue = "vigil.sensor-benchmark." + UUID.randomUUID();
		AmqpSettings.Binding binding = new AmqpSettings.Binding("", "direct", queue);
		List<Double> bare = new ArrayList<>();
		List<Double> sensor = new ArrayList<>();
		try (Connection admin = connect(settings.amqp())) {
			Channel channel = admin.createChannel();
			channel.queueDeclare(queue, true, false, false, null);
			try {
				for (int run = 0; run < settings.runs(); run++) {
					bare.add(bare(settings, binding, premade));
					channel.queuePurge(queue);
					sensor.add(sensor(settings, binding, file, run, log));
					channel.queuePurge(queue);
				}
			} finally {
				channel.queueDelete(queue);
			}
		}
		return new Result(settings.events(), settings.batch(), best(bare), best(sensor), bare, sensor);
	}

	private static double best(List<Double> rates) {
		return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}

	private static Connection connect(AmqpSettings amqp) throws IOException, TimeoutException {
		try {
			return amqp.connectionFactory().newConnection("Vigil sensor benchmark");
		} catch (AmqpSettingsException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** Writes distinct auth.log lines. */
	static void writeLines(Path file, int count) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				out.write(String.format(Locale.ROOT,
						"Dec  3 %02d:%02d:%02d bastion sshd[%d]: Failed password for invalid user u%d from 10.%d.%d.%d "
								+ "port %d ssh2%n",
						(i / 3600) % 24, (i / 60) % 60, i % 60, 100_000 + i, i % 977, (i / 65_536) % 256,
						(i / 256) % 256, i % 256, 1024 + i % 60_000));
			}
		}
	}

	/** Returns the events the sensor makes of the file's lines, made ahead, as a bare publisher would have them. */
	private static List<byte[]> premade(Path file) throws IOException {
		Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.systemUTC());
		ReaderOptions options = new ReaderOptions(ZoneOffset.UTC, Files.getLastModifiedTime(file).toInstant(),
				file.getFileName().toString());
		List<byte[]> bodies = new ArrayList<>();
		try (EventReader reader = EventReaders.open(Format.SYSLOG, EventInput.open(file), options)) {
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				ReadRecord resolved = record.resolve();
				if (resolved.isRejected()) {
					continue;
				}
				ObjectNode event = resolved.event();
				normalizer.normalize(event, Format.SYSLOG.id(), file.toString(), record.line());
				ObjectNode vigil = (ObjectNode) event.get(EventFields.VIGIL);
				String utc = event.get(EventFields.UTC_TIMESTAMP).asText();
				vigil.put("id", EventIds.of(Format.SYSLOG.id(), record.raw(), utc));
				vigil.put("sensor", "benchmark");
				bodies.add(JSON.writeValueAsBytes(event));
			}
		}
		return bodies;
	}

	/** Publishes the pre-made events with confirms every batch; returns events per second. */
	private static double bare(Settings settings, AmqpSettings.Binding binding, List<byte[]> premade)
			throws IOException, TimeoutException, InterruptedException {
		long start = System.nanoTime();
		try (AmqpPublisher publisher = AmqpPublisher.open(settings.amqp(), binding, "Vigil bare publisher")) {
			int inBatch = 0;
			for (byte[] body : premade) {
				publisher.publish(body);
				if (++inBatch == settings.batch()) {
					publisher.awaitConfirms(CONFIRM_TIMEOUT);
					inBatch = 0;
				}
			}
			publisher.awaitConfirms(CONFIRM_TIMEOUT);
		}
		return premade.size() * 1e9 / (System.nanoTime() - start);
	}

	/** Runs a sensor on the file from its start until every line is confirmed; returns events per second. */
	private static double sensor(Settings settings, AmqpSettings.Binding binding, Path file, int run, IntakeLog log)
			throws IOException, InterruptedException {
		Path folder = settings.folder().resolve("run-" + (run + 1));
		Sensor.Settings sensorSettings = new Sensor.Settings(settings.amqp(), binding, "benchmark", Optional.empty(),
				ZoneOffset.UTC, new Checkpoints(folder.resolve("checkpoints.json")),
				new RejectsFile(folder.resolve("rejects.jsonl")), settings.batch(), Duration.ofMillis(250), null);
		long start = System.nanoTime();
		long deadline = start + Duration.ofMinutes(10).toNanos();
		try (Sensor sensor = new Sensor(sensorSettings, List.of(file), log)) {
			sensor.start();
			while (sensor.confirmed() + sensor.rejected() < settings.events()) {
				if (System.nanoTime() > deadline) {
					throw new IOException("the sensor confirmed " + sensor.confirmed() + " of " + settings.events()
							+ " events within 10 minutes");
				}
				Thread.sleep(1);
			}
			return settings.events() * 1e9 / (System.nanoTime() - start);
		}
	}
}
