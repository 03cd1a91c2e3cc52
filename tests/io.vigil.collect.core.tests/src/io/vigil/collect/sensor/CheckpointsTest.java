package io.vigil.collect.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

	@TempDir
	Path folder;

	@Test
	void savesAndLoadsEachFilesCheckpoint() throws IOException {
		Checkpoints checkpoints = new Checkpoints(folder.resolve("sensor/checkpoints.json"));
		Map<String, Checkpoint> saved = Map.of("/var/log/auth.log", new Checkpoint("(dev=803,ino=12)", 4096, 40),
				"/var/log/audit/audit.log", new Checkpoint("(dev=803,ino=99)", 0, 0));

		checkpoints.save(saved);

		assertEquals(saved, checkpoints.load());
		assertFalse(Files.exists(folder.resolve("sensor/checkpoints.json.tmp")), "the temporary file was moved");
	}

	@Test
	void noFileMeansNoCheckpoints() throws IOException {
		assertEquals(Map.of(), new Checkpoints(folder.resolve("missing.json")).load());
	}

	@Test
	void aDamagedFileSaysWhatToDo() throws IOException {
		Path file = folder.resolve("checkpoints.json");
		Files.writeString(file, "{\"files\": {\"/var/log/syslog\": ");

		IOException damaged = assertThrows(IOException.class, () -> new Checkpoints(file).load());

		assertTrue(damaged.getMessage().contains("move the file away"), damaged.getMessage());
	}
}
