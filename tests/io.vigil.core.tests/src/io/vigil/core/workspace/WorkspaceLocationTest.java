package io.vigil.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkspaceLocationTest {

	private static final Path HOME = Path.of("/home/analyst");

	@Test
	void defaultsToTheHomeDirectory() {
		assertEquals(Path.of("/home/analyst/.vigil/workspace"), WorkspaceLocation.resolve(null, Map.of(), HOME));
	}

	@Test
	void environmentOverridesTheDefault() {
		Map<String, String> environment = Map.of("VIGIL_WORKSPACE", "/cases/2026-17");

		assertEquals(Path.of("/cases/2026-17"), WorkspaceLocation.resolve(null, environment, HOME));
	}

	@Test
	void optionOverridesTheEnvironment() {
		Map<String, String> environment = Map.of("VIGIL_WORKSPACE", "/cases/2026-17");

		assertEquals(Path.of("/tmp/triage"), WorkspaceLocation.resolve("/tmp/triage", environment, HOME));
	}

	@Test
	void expandsTheHomeDirectoryAndNormalizes() {
		assertEquals(Path.of("/home/analyst/cases/a"), WorkspaceLocation.resolve("~/cases/x/../a", Map.of(), HOME));
	}

	@Test
	void blankValuesCountAsMissing() {
		assertEquals(Path.of("/home/analyst/.vigil/workspace"),
				WorkspaceLocation.resolve(" ", Map.of("VIGIL_WORKSPACE", ""), HOME));
	}

	@Test
	void makesRelativePathsAbsolute() {
		Path resolved = WorkspaceLocation.resolve("relative/ws", Map.of(), HOME);

		assertEquals(Path.of("").toAbsolutePath().resolve("relative/ws"), resolved);
	}
}
