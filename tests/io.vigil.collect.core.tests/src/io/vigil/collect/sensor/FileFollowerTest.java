package io.vigil.collect.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.collect.IntakeLog;
import io.vigil.events.read.Format;

class FileFollowerTest {

	private static final IntakeLog QUIET_LOG = message -> {
		// The tests look at what is read, not at what is reported.
	};

	@TempDir
	Path folder;

	private static String syslog(int number) {
		return "Dec  3 20:48:" + String.format(Locale.ROOT, "%02d", number % 60) + " host sshd[" + number
				+ "]: message " + number + "\n";
	}

	private static String syslogLines(int from, int to) {
		StringBuilder lines = new StringBuilder();
		for (int i = from; i < to; i++) {
			lines.append(syslog(i));
		}
		return lines.toString();
	}

	private static void append(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static FileFollower follower(Path file, Optional<Format> format, Checkpoint from, Duration quiet,
			int chunk) {
		return new FileFollower(file, format, ZoneOffset.UTC, from, QUIET_LOG, quiet, chunk);
	}

	/** Polls until the records' summaries reach a count, for at most five seconds. */
	private static List<FileFollower.Followed> readUntil(FileFollower follower, int count, List<Checkpoint> ends)
			throws IOException, InterruptedException {
		List<FileFollower.Followed> read = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (read.size() < count && System.nanoTime() < deadline) {
			FileFollower.Chunk chunk = follower.poll();
			if (chunk == null) {
				Thread.sleep(20);
				continue;
			}
			read.addAll(chunk.records());
			ends.add(chunk.end());
		}
		return read;
	}

	private static String messageOf(FileFollower.Followed followed) {
		return followed.record().resolve().event().get("summary").asText();
	}

	@Test
	void readsCompleteLinesOnlyAndAPartialLineWaits() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslog(1) + "Dec  3 20:48:02 host sshd[2]: mess");
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			FileFollower.Chunk first = follower.poll();

			assertEquals(Format.SYSLOG, first.format());
			assertEquals(1, first.records().size());
			assertEquals(syslog(1).length(), first.end().offset());
			Thread.sleep(200);
			assertNull(follower.poll(), "a partial line waits, however long the file stays quiet");

			append(log, "age 2\n");
			FileFollower.Chunk second = follower.poll();
			assertEquals(1, second.records().size());
			assertEquals("message 2", messageOf(second.records().get(0)));
			assertEquals(2, second.records().get(0).line());
			assertEquals(Files.size(log), second.end().offset());
			assertEquals(2, second.end().line());
		}
	}

	@Test
	void eachLineCarriesTheCheckpointJustAfterIt() throws Exception {
		Path log = folder.resolve("auth.log");
		append(log, syslog(1) + "\n" + syslog(2) + syslog(3));
		try (FileFollower follower = follower(log, Optional.of(Format.SYSLOG), null, Duration.ofMillis(100), 1 << 20)) {
			List<FileFollower.Followed> records = follower.poll().records();

			assertEquals(List.of(1L, 3L, 4L), records.stream().map(FileFollower.Followed::line).toList());
			long afterFirst = syslog(1).length();
			assertEquals(afterFirst, records.get(0).resumeAfter().offset());
			assertEquals(1, records.get(0).resumeAfter().line());
			assertEquals(afterFirst + 1 + syslog(2).length(), records.get(1).resumeAfter().offset());
			assertEquals(Files.size(log), records.get(2).resumeAfter().offset());
		}
	}

	@Test
	void readsABigFileInBoundedChunksWithAbsoluteLines() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslogLines(0, 5000));
		List<Checkpoint> ends = new ArrayList<>();
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 16 * 1024)) {
			List<FileFollower.Followed> records = readUntil(follower, 5000, ends);

			assertEquals(5000, records.size());
			assertTrue(ends.size() > 10, "chunks of 16 KiB: " + ends.size());
			for (int i = 0; i < records.size(); i++) {
				assertEquals(i + 1, records.get(i).line());
				assertEquals("message " + i, messageOf(records.get(i)));
			}
			assertEquals(Files.size(log), ends.get(ends.size() - 1).offset());
		}
	}

	@Test
	void followsRotationByRenameAndCreate() throws Exception {
		Path log = folder.resolve("auth.log");
		append(log, syslogLines(0, 10));
		List<Checkpoint> ends = new ArrayList<>();
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			assertEquals(10, readUntil(follower, 10, ends).size());

			assertNull(follower.poll());
			assertTrue(follower.caughtUp());
			append(log, syslogLines(10, 15));
			Files.move(log, folder.resolve("auth.log.1"));
			append(folder.resolve("auth.log.1"), syslogLines(15, 20));
			append(log, syslogLines(20, 30));
			assertEquals(10, follower.poll().records().size(), "the rest of the rotated file");
			assertFalse(follower.caughtUp(), "the new file is still to read");
			List<FileFollower.Followed> records = readUntil(follower, 10, ends);

			assertEquals(10, records.size());
			for (int i = 0; i < records.size(); i++) {
				assertEquals("message " + (20 + i), messageOf(records.get(i)));
			}
			assertEquals(1, records.get(0).line(), "the new file counts its lines from 1");
			assertEquals(FileFollower.keyOf(log), ends.get(ends.size() - 1).key());
			assertNull(follower.poll());
			assertTrue(follower.caughtUp());
		}
	}

	@Test
	void readsATruncatedFileAgainFromItsStart() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslogLines(0, 10));
		List<Checkpoint> ends = new ArrayList<>();
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			readUntil(follower, 10, ends);

			Files.writeString(log, syslogLines(100, 103), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
			List<FileFollower.Followed> records = readUntil(follower, 3, ends);

			assertEquals(List.of("message 100", "message 101", "message 102"),
					records.stream().map(FileFollowerTest::messageOf).toList());
			assertEquals(1, records.get(0).line());
		}
	}

	@Test
	void resumesFromACheckpoint() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslogLines(0, 10));
		Checkpoint afterFour;
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			afterFour = follower.poll().records().get(3).resumeAfter();
		}
		append(log, syslogLines(10, 12));

		try (FileFollower follower = follower(log, Optional.empty(), afterFour, Duration.ofMillis(100), 1 << 20)) {
			List<FileFollower.Followed> records = follower.poll().records();

			assertEquals(8, records.size());
			assertEquals("message 4", messageOf(records.get(0)));
			assertEquals(5, records.get(0).line());
		}
	}

	@Test
	void finishesTheFileRotatedWhileStoppedThenTheNewOne() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslogLines(0, 10));
		Checkpoint afterSix;
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			afterSix = follower.poll().records().get(5).resumeAfter();
		}
		Files.move(log, folder.resolve("syslog-20261204"));
		Files.writeString(folder.resolve("syslog.2.gz"), "not read");
		append(log, syslogLines(10, 13));
		List<Checkpoint> ends = new ArrayList<>();

		try (FileFollower follower = follower(log, Optional.empty(), afterSix, Duration.ofMillis(100), 1 << 20)) {
			List<FileFollower.Followed> records = readUntil(follower, 7, ends);

			assertEquals(List.of("message 6", "message 7", "message 8", "message 9", "message 10", "message 11",
					"message 12"), records.stream().map(FileFollowerTest::messageOf).toList());
			assertEquals(7, records.get(0).line());
			assertEquals(1, records.get(4).line());
		}
	}

	@Test
	void readsTheNewFileFromItsStartWhenTheRotatedOneIsGone() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslogLines(0, 10));
		Checkpoint afterSix;
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(100), 1 << 20)) {
			afterSix = follower.poll().records().get(5).resumeAfter();
		}
		Files.delete(log);
		append(log, syslogLines(10, 12));

		try (FileFollower follower = follower(log, Optional.empty(), afterSix, Duration.ofMillis(100), 1 << 20)) {
			List<FileFollower.Followed> records = follower.poll().records();

			assertEquals(List.of("message 10", "message 11"),
					records.stream().map(FileFollowerTest::messageOf).toList());
		}
	}

	private static String audit(int serial, String... types) {
		StringBuilder lines = new StringBuilder();
		for (String type : types) {
			String fields = switch (type) {
			case "SYSCALL" -> " arch=c000003e syscall=59 success=yes exit=0 pid=" + serial
					+ " uid=0 comm=\"ls\" exe=\"/usr/bin/ls\"";
			case "CWD" -> " cwd=\"/root\"";
			default -> "";
			};
			lines.append("type=").append(type).append(" msg=audit(1796330900.123:").append(serial).append("):")
					.append(fields).append('\n');
		}
		return lines.toString();
	}

	@Test
	void neverSplitsAnAuditEventWhoseRecordsAreStillComing() throws Exception {
		Path log = folder.resolve("audit.log");
		append(log, audit(1, "SYSCALL", "CWD", "EOE") + audit(2, "SYSCALL"));
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofSeconds(30), 1 << 20)) {
			FileFollower.Chunk first = follower.poll();

			assertEquals(Format.AUDIT, first.format());
			assertEquals(1, first.records().size(), "serial 2 is held back: its records are still coming");
			assertFalse(follower.caughtUp());
			assertEquals(audit(1, "SYSCALL", "CWD", "EOE").length(), first.end().offset());
			assertNull(first.records().get(0).resumeAfter(), "only a chunk's end is a safe place in an audit log");

			append(log, audit(2, "CWD", "EOE"));
			FileFollower.Chunk second = follower.poll();
			assertEquals(1, second.records().size());
			assertEquals(audit(2, "SYSCALL", "CWD", "EOE").strip(), second.records().get(0).record().raw());
			assertEquals(Files.size(log), second.end().offset());
		}
	}

	@Test
	void givesOutAnUnfinishedAuditEventOnceTheFileIsQuiet() throws Exception {
		Path log = folder.resolve("audit.log");
		append(log, audit(1, "SYSCALL", "CWD", "EOE"));
		List<Checkpoint> ends = new ArrayList<>();
		try (FileFollower follower = follower(log, Optional.empty(), null, Duration.ofMillis(300), 1 << 20)) {
			readUntil(follower, 1, ends);
			append(log, audit(2, "SYSCALL", "CWD"));
			assertNull(follower.poll());

			List<FileFollower.Followed> records = readUntil(follower, 1, ends);

			assertEquals(1, records.size());
			assertEquals(audit(2, "SYSCALL", "CWD").strip(), records.get(0).record().raw());
		}
	}

	@Test
	void waitsForAFileThatDoesNotExistYet() throws Exception {
		Path log = folder.resolve("later.log");
		try (FileFollower follower = follower(log, Optional.of(Format.SYSLOG), null, Duration.ofMillis(100), 1 << 20)) {
			assertNull(follower.poll());
			assertEquals("waiting for the file", follower.state().reading());

			append(log, syslogLines(0, 2));
			assertEquals(2, follower.poll().records().size());
		}
	}

	@Test
	void rejectsALineLongerThanAChunkAndSkipsItToItsEnd() throws Exception {
		Path log = folder.resolve("syslog");
		append(log, syslog(1) + "x".repeat(10_000) + "\n" + syslog(3));
		List<Checkpoint> ends = new ArrayList<>();
		try (FileFollower follower = follower(log, Optional.of(Format.SYSLOG), null, Duration.ofMillis(100), 4096)) {
			List<FileFollower.Followed> records = readUntil(follower, 3, ends);

			assertEquals(3, records.size());
			assertEquals("message 1", messageOf(records.get(0)));
			assertTrue(records.get(1).record().isRejected());
			assertEquals(2, records.get(1).line());
			assertEquals("message 3", messageOf(records.get(2)));
			assertEquals(3, records.get(2).line());
			assertEquals(Files.size(log), ends.get(ends.size() - 1).offset());
		}
	}

	@Test
	void linesEndAsTheReadersSee() {
		byte[] bytes = "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);

		long[] ends = FileFollower.lineEnds(bytes, bytes.length);

		assertEquals(List.of(3L, 5L, 7L, 8L, 9L), Arrays.stream(ends).boxed().toList());
	}
}
