package io.vigil.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.Workspace;

class CommandLineTest {

	@TempDir
	Path home;

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();
	private final List<Throwable> logged = new ArrayList<>();
	private final List<Path> opened = new ArrayList<>();
	private CommandRegistry registry;

	@BeforeEach
	void register() {
		registry = new CommandRegistry();
		registry.addCommand(new VersionCommand());
		registry.addCommand(new WorkspaceCommand());
	}

	@Test
	void helpListsEveryCommandSorted() {
		registry.addCommand(command("alpha", false, context -> 0));

		int code = run("--help");

		assertEquals(0, code);
		String help = out.toString();
		assertTrue(help.indexOf("  alpha") < help.indexOf("  help") && help.indexOf("  help") < help.indexOf("  version")
				&& help.indexOf("  version") < help.indexOf("  workspace"), help);
		assertTrue(help.contains("--workspace DIR"), help);
	}

	@Test
	void noArgumentsPrintsHelp() {
		assertEquals(0, run());
		assertTrue(out.toString().startsWith("Usage: vigil"), out.toString());
	}

	@Test
	void helpForOneCommandShowsItsUsage() {
		assertEquals(0, run("help", "version"));

		assertTrue(out.toString().startsWith("vigil version [--verbose]"), out.toString());
	}

	@Test
	void unknownCommandIsAOneLineUserError() {
		int code = run("serch", "x");

		assertEquals(CommandLine.USER_ERROR, code);
		assertEquals("vigil: unknown command 'serch'; run 'vigil --help' for the commands\n", err.toString());
		assertEquals("", out.toString());
	}

	@Test
	void versionNeedsNoWorkspace() {
		assertEquals(0, run("version"));

		assertTrue(out.toString().startsWith("Vigil 0.1.0"), out.toString());
		assertTrue(opened.isEmpty(), "version must not open the workspace");
	}

	@Test
	void aUserErrorNamesTheCommand() {
		registry.addCommand(command("ingest", false, context -> {
			throw new CommandException("no such file: /tmp/missing.log");
		}));

		assertEquals(CommandLine.USER_ERROR, run("ingest", "/tmp/missing.log"));
		assertEquals("vigil: ingest: no such file: /tmp/missing.log\n", err.toString());
		assertTrue(logged.isEmpty());
	}

	@Test
	void anInternalErrorIsLoggedAndExitsWithTwo() {
		registry.addCommand(command("search", false, context -> {
			throw new IllegalStateException("index corrupt");
		}));

		assertEquals(CommandLine.INTERNAL_ERROR, run("search", "x"));
		assertTrue(err.toString().startsWith("vigil: internal error in 'search': java.lang.IllegalStateException: index corrupt"),
				err.toString());
		assertEquals(1, logged.size());
		assertInstanceOf(IllegalStateException.class, logged.get(0));
	}

	@Test
	void anUnknownOptionOfACommandIsAUserError() {
		assertEquals(CommandLine.USER_ERROR, run("version", "--verbos"));
		assertEquals("vigil: version: unknown option --verbos\n", err.toString());
	}

	@Test
	void commandsGetTheirArgumentsWithoutTheWorkspaceOption() {
		List<String> seen = new ArrayList<>();
		Path[] directory = new Path[1];
		registry.addCommand(command("echo", false, context -> {
			seen.addAll(context.arguments());
			directory[0] = context.workspaceDirectory();
			return 0;
		}));

		assertEquals(0, run("echo", "a", "--workspace", "/cases/one", "b"));

		assertEquals(List.of("a", "b"), seen);
		assertEquals(Path.of("/cases/one"), directory[0]);
	}

	@Test
	void theWorkspaceIsOpenWhileTheCommandRunsAndClosedAfter() throws Exception {
		Path workspaceDirectory = home.resolve("ws");
		Workspace[] during = new Workspace[1];
		registry.addCommand(command("touch", true, context -> {
			during[0] = context.workspace();
			return 0;
		}));

		assertEquals(0, new CommandLine(registry, console(), Map.of(), home, Workspace::open, (m, e) -> logged.add(e))
				.run(List.of("--workspace=" + workspaceDirectory, "touch")));

		assertNotNull(during[0]);
		assertEquals(workspaceDirectory, during[0].root());
		try (Workspace again = Workspace.open(workspaceDirectory, "test")) {
			assertFalse(again.schemaVersions().isEmpty(), "the command line released the workspace");
		}
	}

	@Test
	void theWorkspaceCommandDescribesIt() {
		CommandLine commandLine = new CommandLine(registry, console(), Map.of("VIGIL_WORKSPACE",
				home.resolve("env-ws").toString()), home, Workspace::open, (m, e) -> logged.add(e));

		assertEquals(0, commandLine.run(List.of("workspace")));

		assertTrue(out.toString().contains("location  " + home.resolve("env-ws")), out.toString());
		assertTrue(out.toString().contains("schema    core 2"), out.toString());
	}

	@Test
	void humanSizesUseBinaryUnits() {
		assertEquals("512 B", WorkspaceCommand.humanSize(512));
		assertEquals("1.5 KiB", WorkspaceCommand.humanSize(1536));
		assertEquals("2.0 MiB", WorkspaceCommand.humanSize(2L * 1024 * 1024));
	}

	private int run(String... arguments) {
		CommandLine commandLine = new CommandLine(registry, console(), Map.of(), home, (directory, purpose) -> {
			opened.add(directory);
			throw new IllegalStateException("this test opens no workspace");
		}, (message, error) -> logged.add(error));
		return commandLine.run(List.of(arguments));
	}

	private Console console() {
		return new Console(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
				new PrintWriter(err, true));
	}

	@FunctionalInterface
	private interface Body {
		int run(CommandContext context) throws Exception;
	}

	private static VigilCommand command(String name, boolean needsWorkspace, Body body) {
		return new VigilCommand() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public String summary() {
				return "Test command " + name + ".";
			}

			@Override
			public String usage() {
				return name;
			}

			@Override
			public boolean needsWorkspace() {
				return needsWorkspace;
			}

			@Override
			public int run(CommandContext context) throws Exception {
				return body.run(context);
			}
		};
	}
}
