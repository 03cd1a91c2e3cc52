package io.vigil.core.command;

/**
 * A command of the headless command line, {@code vigil <name> [arguments]}. Capabilities
 * contribute commands as OSGi services of this type (Declarative Services components); the
 * command line application finds them by name.
 */
public interface VigilCommand {

	/** Returns the name typed after {@code vigil}: lower case, no spaces, never changed. */
	String name();

	/** Returns one line saying what the command does, for {@code vigil --help}. */
	String summary();

	/**
	 * Returns the usage text for {@code vigil help <name>}: the synopsis on the first line, then
	 * one line per option.
	 */
	String usage();

	/**
	 * Returns whether the command works on the workspace. The command line opens (and locks) the
	 * workspace only for commands that need it, so that {@code vigil version} works while a
	 * workbench has the workspace open.
	 */
	default boolean needsWorkspace() {
		return true;
	}

	/**
	 * Runs the command.
	 *
	 * @return the process exit code: 0 for success; commands that report a finding through the
	 *         exit code (like {@code grep}) document their codes in {@link #usage()}
	 * @throws CommandException for a user error (bad arguments, missing file); the command line
	 *             prints its message on one line and exits with 1
	 * @throws Exception for anything else, which the command line reports as an internal error
	 *             (exit 2) and logs with its stack trace
	 */
	int run(CommandContext context) throws Exception;
}
