package io.vigil.cli.internal;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;

import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.ProgressPrinter;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.core.workspace.WorkspaceLocation;

/**
 * Runs one command line: reads the global options, finds the command, opens the workspace when
 * the command needs it, and turns the outcome into an exit code: {@value #SUCCESS} for success,
 * {@value #USER_ERROR} for a user error (one line on standard error), {@value #INTERNAL_ERROR}
 * for an internal error (logged with its stack trace).
 */
public final class CommandLine {

	/** Exit code of a successful run. */
	public static final int SUCCESS = 0;
	/** Exit code of a user error: a wrong command, option or input. */
	public static final int USER_ERROR = 1;
	/** Exit code of a failure inside Vigil. */
	public static final int INTERNAL_ERROR = 2;

	/** Opens workspaces and knows where internal errors are logged; replaced in tests. */
	@FunctionalInterface
	public interface WorkspaceOpener {
		/** Opens the workspace in a directory for a purpose shown to other Vigils. */
		Workspace open(Path directory, String purpose) throws WorkspaceException;

		/**
		 * Returns the file that internal errors of this run are logged to, for the message that
		 * reports them; by default the Eclipse log inside the workspace.
		 */
		default Path logFile(Path directory) {
			return directory.resolve(".metadata").resolve(".log");
		}
	}

	private final CommandRegistry registry;
	private final Console console;
	private final Map<String, String> environment;
	private final Path userHome;
	private final WorkspaceOpener opener;
	private final BiConsumer<String, Throwable> internalErrors;

	/**
	 * Creates a command line.
	 *
	 * @param registry the commands
	 * @param console standard input, output and error
	 * @param environment the process environment, for {@code VIGIL_WORKSPACE}
	 * @param userHome the home directory, for the default workspace
	 * @param opener opens workspaces
	 * @param internalErrors receives internal errors with their stack traces, for the log
	 */
	public CommandLine(CommandRegistry registry, Console console, Map<String, String> environment, Path userHome,
			WorkspaceOpener opener, BiConsumer<String, Throwable> internalErrors) {
		this.registry = registry;
		this.console = console;
		this.environment = environment;
		this.userHome = userHome;
		this.opener = opener;
		this.internalErrors = internalErrors;
	}

	/** Runs the command line and returns the exit code. */
	public int run(List<String> arguments) {
		try {
			return dispatch(arguments);
		} catch (CommandException e) {
			console.err().println("vigil: " + e.getMessage());
			return USER_ERROR;
		} finally {
			console.out().flush();
			console.err().flush();
		}
	}

	private int dispatch(List<String> arguments) throws CommandException {
		List<String> rest = new ArrayList<>(arguments);
		String workspaceOption = takeWorkspaceOption(rest);
		if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
			printHelp();
			return SUCCESS;
		}
		String name = rest.remove(0);
		if (name.equals("help")) {
			return help(rest);
		}
		if (name.equals("--version")) {
			name = "version";
		}
		if (name.startsWith("-")) {
			throw new CommandException("unknown option " + name + "; run 'vigil --help' for the commands");
		}
		VigilCommand command = lookup(name);
		Path directory = WorkspaceLocation.resolve(workspaceOption, environment, userHome);
		return execute(command, rest, directory);
	}

	private static String takeWorkspaceOption(List<String> arguments) throws CommandException {
		String value = null;
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals("--")) {
				break;
			}
			if (argument.equals(WorkspaceLocation.OPTION)) {
				if (i + 1 >= arguments.size()) {
					throw new CommandException(WorkspaceLocation.OPTION + " needs a directory");
				}
				value = arguments.remove(i + 1);
				arguments.remove(i--);
			} else if (argument.startsWith(WorkspaceLocation.OPTION + "=")) {
				value = argument.substring(WorkspaceLocation.OPTION.length() + 1);
				arguments.remove(i--);
			}
		}
		return value;
	}

	private VigilCommand lookup(String name) throws CommandException {
		Optional<VigilCommand> command = registry.find(name);
		if (command.isEmpty()) {
			throw new CommandException("unknown command '" + name + "'; run 'vigil --help' for the commands");
		}
		return command.get();
	}

	private int execute(VigilCommand command, List<String> arguments, Path directory) throws CommandException {
		Workspace workspace = null;
		try {
			if (command.needsWorkspace()) {
				workspace = opener.open(directory, "command " + command.name());
			}
			RunContext context = new RunContext(List.copyOf(arguments), command.name(), console, directory, workspace);
			return command.run(context);
		} catch (WorkspaceException e) {
			throw new CommandException(e.getMessage(), e);
		} catch (CommandException e) {
			throw new CommandException(command.name() + ": " + e.getMessage(), e);
		} catch (Exception | LinkageError e) {
			String message = "internal error in '" + command.name() + "': " + e;
			internalErrors.accept(message, e);
			console.err().println("vigil: " + message + " (details in the log: " + opener.logFile(directory) + ")");
			return INTERNAL_ERROR;
		} finally {
			closeWorkspace(workspace);
		}
	}

	private void closeWorkspace(Workspace workspace) {
		if (workspace == null) {
			return;
		}
		try {
			workspace.close();
		} catch (WorkspaceException e) {
			console.err().println("vigil: warning: " + e.getMessage());
		}
	}

	private int help(List<String> arguments) throws CommandException {
		if (arguments.isEmpty()) {
			printHelp();
			return SUCCESS;
		}
		if (arguments.get(0).equals("help")) {
			console.out().println("vigil help [COMMAND]");
			console.out().println("  Lists the commands, or shows the options of one command.");
			return SUCCESS;
		}
		VigilCommand command = lookup(arguments.get(0));
		console.out().println("vigil " + command.usage().strip());
		console.out().println();
		console.out().println(command.summary());
		return SUCCESS;
	}

	private void printHelp() {
		PrintWriter out = console.out();
		out.println("Usage: vigil [--workspace DIR] COMMAND [ARGUMENTS]");
		out.println("       vigil [--workspace DIR]            opens the workbench (needs a display)");
		out.println();
		out.println("Commands:");
		Map<String, String> summaries = new TreeMap<>();
		summaries.put("help", "Lists the commands, or shows the options of one command.");
		for (VigilCommand command : registry.all()) {
			summaries.putIfAbsent(command.name(), command.summary());
		}
		int width = summaries.keySet().stream().mapToInt(String::length).max().orElse(4);
		summaries.forEach((name, summary) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", name, summary));
		out.println();
		out.println("Options:");
		out.println("  --workspace DIR  the workspace directory; default: $" + WorkspaceLocation.ENVIRONMENT_VARIABLE
				+ ", else ~/.vigil/workspace");
		out.println("  -h, --help       this help");
		out.println();
		out.println("Exit codes: 0 success, 1 user error, 2 internal error.");
		out.println("Run 'vigil help COMMAND' for the options of a command.");
	}

	private record RunContext(List<String> arguments, String command, Console console, Path workspaceDirectory,
			Workspace open)
			implements CommandContext {

		@Override
		public PrintWriter out() {
			return console.out();
		}

		@Override
		public PrintWriter err() {
			return console.err();
		}

		@Override
		public InputStream in() {
			return console.in();
		}

		@Override
		public IProgressMonitor progress() {
			return new ProgressPrinter(console.err(), command, Duration.ofSeconds(2), System::nanoTime);
		}

		@Override
		public Workspace workspace() {
			if (open == null) {
				throw new IllegalStateException("this command declared that it does not need the workspace");
			}
			return open;
		}
	}
}
