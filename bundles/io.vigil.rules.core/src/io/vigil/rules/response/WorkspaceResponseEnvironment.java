package io.vigil.rules.response;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * The responses' environment of a workspace. Commands are workspace settings named
 * {@code rules.command.NAME} whose value is the argument vector as a JSON array of strings, program
 * first ({@code ["/usr/local/bin/page-oncall", "--team", "soc"]}); relative file paths lie in the
 * workspace directory; broker connections are looked up by whoever knows them (the workbench's
 * collector connections, a command line's {@code --amqp}).
 */
public final class WorkspaceResponseEnvironment implements ResponseEnvironment {

	/** The prefix of the workspace settings that hold commands. */
	public static final String COMMAND_PREFIX = "rules.command.";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Workspace workspace;
	private final Function<String, Optional<AmqpSettings>> connections;

	/**
	 * Makes the environment of a workspace.
	 *
	 * @param workspace the workspace whose settings hold the commands
	 * @param connections finds a broker connection by name
	 */
	public WorkspaceResponseEnvironment(Workspace workspace, Function<String, Optional<AmqpSettings>> connections) {
		this.workspace = Objects.requireNonNull(workspace, "workspace");
		this.connections = Objects.requireNonNull(connections, "connections");
	}

	@Override
	public Optional<AmqpSettings> connection(String name) {
		return connections.apply(name);
	}

	@Override
	public Optional<List<String>> command(String name) throws IOException {
		if (!NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Optional<String> value;
		try {
			value = workspace.property(COMMAND_PREFIX + name);
		} catch (WorkspaceException e) {
			throw new IOException(e.getMessage(), e);
		}
		if (value.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(parse(name, value.get()));
	}

	@Override
	public Path file(String path) {
		return workspace.root().resolve(path);
	}

	/**
	 * Configures a command in a workspace, or removes it when {@code argv} is empty.
	 *
	 * @throws IllegalArgumentException if the name is not letters, digits, dots, dashes and
	 *             underscores (at most 100), or the command is longer than a setting holds
	 */
	public static void setCommand(Workspace workspace, String name, List<String> argv) throws WorkspaceException {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("command name '" + name
					+ "' must be letters, digits, '.', '-' and '_' (at most 100, starting with a letter or digit)");
		}
		if (argv.isEmpty()) {
			workspace.setProperty(COMMAND_PREFIX + name, null);
			return;
		}
		ArrayNode array = JSON.createArrayNode();
		argv.forEach(array::add);
		String value = array.toString();
		if (value.length() > 4096) {
			throw new IllegalArgumentException("command '" + name + "' is " + value.length()
					+ " characters as JSON; a workspace setting holds at most 4096");
		}
		workspace.setProperty(COMMAND_PREFIX + name, value);
	}

	private static List<String> parse(String name, String value) throws IOException {
		String problem = "workspace setting " + COMMAND_PREFIX + name
				+ " must be a JSON array of strings, program first, such as [\"/usr/local/bin/page\", \"--team\", \"soc\"]";
		JsonNode array;
		try {
			array = JSON.readTree(value);
		} catch (JsonProcessingException e) {
			throw new IOException(problem + ": " + e.getOriginalMessage(), e);
		}
		if (array == null || !array.isArray() || array.isEmpty()) {
			throw new IOException(problem);
		}
		List<String> argv = new ArrayList<>();
		for (JsonNode element : array) {
			if (!element.isTextual()) {
				throw new IOException(problem + "; it holds " + element);
			}
			argv.add(element.asText());
		}
		return argv;
	}
}
