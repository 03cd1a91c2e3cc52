package io.vigil.collect.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.collect.IntakeLog;
import io.vigil.collect.amqp.AmqpSettings;
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

/** The sensor against the real broker on 127.0.0.1:5672, publishing to a queue of its own. */
class SensorTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path folder;

	private static String lines(int from, int to) {
		StringBuilder lines = new StringBuilder();
		for (int i = from; i < to; i++) {
			lines.append(String.format(Locale.ROOT, "Dec  3 20:%02d:%02d host sshd[%d]: Accepted password for user%d "
					+ "from 10.0.0.%d port 22 ssh2%n", (i / 60) % 60, i % 60, 1000 + i, i, i % 250));
		}
		return lines.toString();
	}

	private Sensor sensor(TestBroker broker, Path file) throws IOException {
		return sensor(broker.queue, file, message -> {
			// Warnings show in the assertions' counts.
		});
	}

	private Sensor sensor(String queue, Path file, IntakeLog log) throws IOException {
		Sensor.Settings settings = new Sensor.Settings(AmqpSettings.of("test", TestBroker.URI),
				new AmqpSettings.Binding("", "direct", queue), "test-sensor", Optional.empty(), ZoneOffset.UTC,
				new Checkpoints(folder.resolve("sensor/checkpoints.json")),
				new RejectsFile(folder.resolve("rejects.jsonl")), 100, Duration.ofMillis(50), Duration.ofMillis(200));
		Sensor sensor = new Sensor(settings, List.of(file), log);
		sensor.start();
		return sensor;
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, "within 30 s: " + what);
			Thread.sleep(20);
		}
	}

	/** Runs a sensor until it has read everything and the broker confirmed it; returns the events published. */
	private List<JsonNode> runToTheEnd(TestBroker broker, Path file, long expected) throws Exception {
		try (Sensor sensor = sensor(broker, file)) {
			await(() -> sensor.confirmed() + sensor.rejected() >= expected && sensor.idleFor(Duration.ofMillis(300)),
					"the sensor publishes " + expected + " events and goes idle");
			assertEquals(expected, sensor.confirmed() + sensor.rejected());
		}
		List<JsonNode> events = new ArrayList<>();
		for (byte[] body : broker.drain()) {
			events.add(JSON.readTree(body));
		}
		return events;
	}

	/** Returns the ids a file ingest gives the lines of a syslog file, computed as the ingester does. */
	private static Set<String> idsAsIngested(Path file) throws IOException {
		Set<String> ids = new HashSet<>();
		Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.systemUTC());
		ReaderOptions options = new ReaderOptions(ZoneOffset.UTC, Files.getLastModifiedTime(file).toInstant(),
				file.getFileName().toString());
		try (EventReader reader = EventReaders.open(Format.SYSLOG, EventInput.open(file), options)) {
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				ReadRecord resolved = record.resolve();
				if (resolved.isRejected()) {
					continue;
				}
				ObjectNode event = resolved.event();
				normalizer.normalize(event, "syslog", file.toString(), record.line());
				ids.add(EventIds.of("syslog", record.raw(), event.get(EventFields.UTC_TIMESTAMP).asText()));
			}
		}
		return ids;
	}

	private static Set<String> ids(List<JsonNode> events) {
		Set<String> ids = new HashSet<>();
		for (JsonNode event : events) {
			ids.add(event.path("vigil").path("id").asText());
		}
		return ids;
	}

	@Test
	void publishesEachLineOnceWithTheIdsOfAFileIngest() throws Exception {
		Path file = folder.resolve("auth.log");
		Files.writeString(file, lines(0, 300) + "not a syslog line at all\n" + lines(300, 500), StandardCharsets.UTF_8);
		try (TestBroker broker = TestBroker.connect("vigil.test.sensor")) {
			List<JsonNode> events = runToTheEnd(broker, file, 501);

			assertEquals(500, events.size());
			assertEquals(idsAsIngested(file), ids(events));
			JsonNode first = events.get(0);
			assertEquals("test-sensor", first.path("vigil").path("sensor").asText());
			assertEquals("syslog", first.path("vigil").path("format").asText());
			assertEquals(file.toString(), first.path("vigil").path("origin").path("name").asText());
			assertEquals(1, first.path("vigil").path("origin").path("line").asLong());
			assertEquals(501, events.get(events.size() - 1).path("vigil").path("origin").path("line").asLong());
			assertTrue(Files.readString(folder.resolve("rejects.jsonl")).contains("\"line\":301"));
		}
	}

	@Test
	void aRestartPublishesOnlyWhatCameAfterTheCheckpoint() throws Exception {
		Path file = folder.resolve("syslog");
		Files.writeString(file, lines(0, 250), StandardCharsets.UTF_8);
		try (TestBroker broker = TestBroker.connect("vigil.test.sensor")) {
			Set<String> first = ids(runToTheEnd(broker, file, 250));
			assertEquals(250, first.size());

			assertEquals(0, runToTheEnd(broker, file, 0).size(), "a restart at the end publishes nothing");

			Files.writeString(file, lines(250, 260), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			List<JsonNode> added = runToTheEnd(broker, file, 10);
			assertEquals(10, added.size());
			assertEquals(251, added.get(0).path("vigil").path("origin").path("line").asLong());

			Files.delete(folder.resolve("sensor/checkpoints.json"));
			Set<String> again = ids(runToTheEnd(broker, file, 260));
			assertEquals(260, again.size());
			assertTrue(again.containsAll(first), "the same lines get the same ids");
			assertTrue(again.containsAll(ids(added)));
		}
	}

	@Test
	void keepsWhatNoQueueTookUntilOneDoes() throws Exception {
		Path file = folder.resolve("syslog");
		Files.writeString(file, lines(0, 20), StandardCharsets.UTF_8);
		List<String> warnings = Collections.synchronizedList(new ArrayList<>());
		try (TestBroker broker = TestBroker.connect("vigil.test.sensor")) {
			String later = broker.queue + ".later";
			try (Sensor sensor = sensor(later, file, warnings::add)) {
				await(() -> !warnings.isEmpty(), "a warning that no queue took the events");
				assertTrue(warnings.get(0).contains("no queue is bound"), warnings.get(0));
				assertEquals(0, sensor.confirmed());
				assertFalse(Files.exists(folder.resolve("sensor/checkpoints.json")), "no checkpoint without a queue");

				broker.channel.queueDeclare(later, true, false, false, null);
				try {
					await(() -> sensor.confirmed() == 20, "the events published once a queue takes them");
					assertEquals(20, broker.channel.messageCount(later));
				} finally {
					broker.channel.queueDelete(later);
				}
			}
		}
	}
}
