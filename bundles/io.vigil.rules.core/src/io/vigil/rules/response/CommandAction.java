package io.vigil.rules.response;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vigil.rules.alerts.Alert;

/**
 * Runs a command configured in the environment by name, with the alert's JSON on its standard
 * input and {@code VIGIL_ALERT_ID} and {@code VIGIL_RULE_ID} in its environment. Exit code 0 is
 * success; otherwise the outcome holds the exit code and the end of what it wrote to standard
 * error. A command still running at the time limit is killed, with the processes it started.
 *
 * <p>
 * Standard input and standard error go through owner-only temporary files rather than pipes, so
 * that a command that reads nothing or writes a lot can never block the runner.
 */
final class CommandAction implements ResponseAction {

	private static final int STDERR_KEPT = 2048;

	private final ResponseEnvironment environment;

	CommandAction(ResponseEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public String run(ActionSpec spec, Alert alert, byte[] json, Duration timeout) throws Exception {
		List<String> argv = environment.command(spec.target())
				.orElseThrow(() -> new ActionFailedException("no command named '" + spec.target()
						+ "' is configured (workspace setting " + WorkspaceResponseEnvironment.COMMAND_PREFIX
						+ spec.target() + ", a JSON array: program, then arguments)"));
		Path input = Files.createTempFile("vigil-alert-", ".json");
		Path errors = Files.createTempFile("vigil-alert-", ".stderr");
		try {
			Files.write(input, json);
			return run(argv, alert, input, errors, timeout);
		} finally {
			Files.deleteIfExists(input);
			Files.deleteIfExists(errors);
		}
	}

	private static String run(List<String> argv, Alert alert, Path input, Path errors, Duration timeout)
			throws IOException, InterruptedException, ActionFailedException {
		ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(input.toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
		builder.environment().put("VIGIL_ALERT_ID", Long.toString(alert.id()));
		builder.environment().put("VIGIL_RULE_ID", alert.draft().ruleId());
		Process process;
		try {
			process = builder.start();
		} catch (IOException e) {
			throw new ActionFailedException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
		}
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new ActionFailedException("still running after " + timeout.toSeconds() + " s; killed"
						+ stderr(errors, ": "));
			}
		} catch (InterruptedException e) {
			kill(process);
			throw e;
		}
		int exit = process.exitValue();
		if (exit != 0) {
			throw new ActionFailedException("exit " + exit + stderr(errors, ": "));
		}
		return "exit 0";
	}

	private static void kill(Process process) throws InterruptedException {
		// The command first, so that it cannot go on once a child is killed; its children are
		// taken before, as they leave its tree when it dies.
		List<ProcessHandle> children = process.descendants().toList();
		process.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		process.waitFor(2, TimeUnit.SECONDS);
	}

	/** Returns the last bytes the command wrote to standard error, after a separator; empty for none. */
	private static String stderr(Path errors, String separator) throws IOException {
		try (FileChannel channel = FileChannel.open(errors, StandardOpenOption.READ)) {
			long size = channel.size();
			ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, STDERR_KEPT));
			channel.position(size - tail.capacity());
			while (tail.hasRemaining() && channel.read(tail) >= 0) {
				// Reads until the buffer is full.
			}
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(tail.flip()).toString().strip();
			if (text.isEmpty()) {
				return "";
			}
			return separator + (size > STDERR_KEPT ? "\u2026" : "") + text;
		}
	}
}
