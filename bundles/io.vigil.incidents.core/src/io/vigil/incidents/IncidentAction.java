package io.vigil.incidents;

import java.util.List;

import io.vigil.core.command.CommandContext;

/**
 * A further action of the {@code vigil incident} command, contributed by another capability as a
 * Declarative Services component of this type (the incident report, for instance:
 * {@code vigil incident report ID ...}). Its name must not be one of the command's own actions.
 */
public interface IncidentAction {

	/** Returns the word typed after {@code vigil incident}: lower case, never changed. */
	String name();

	/** Returns its usage for {@code vigil help incident}: one or more lines starting with {@code incident NAME}. */
	String usage();

	/**
	 * Runs the action on the workspace's incidents.
	 *
	 * @param arguments the arguments after the action's name
	 * @param incidents the workspace's incidents, open for this run
	 * @return the process exit code
	 * @throws io.vigil.core.command.CommandException for a user error, which the command line prints
	 */
	int run(CommandContext context, List<String> arguments, IncidentStore incidents) throws Exception;
}
