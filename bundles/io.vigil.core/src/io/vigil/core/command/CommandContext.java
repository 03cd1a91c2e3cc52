package io.vigil.core.command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import io.vigil.core.workspace.Workspace;

/** What a running command can use: its arguments, the console and the workspace. */
public interface CommandContext {

	/** Returns the arguments after the command name. */
	List<String> arguments();

	/** Returns standard output, for the command's results. */
	PrintWriter out();

	/** Returns standard error, for progress and warnings. */
	PrintWriter err();

	/** Returns standard input. */
	InputStream in();

	/** Returns the workspace directory chosen for this run. */
	Path workspaceDirectory();

	/**
	 * Returns the open workspace. Only valid for commands that {@linkplain VigilCommand#needsWorkspace()
	 * need the workspace}.
	 *
	 * @throws IllegalStateException if the command declared that it does not need the workspace
	 */
	Workspace workspace();

	/**
	 * Returns a monitor that shows the progress of long work on standard error, for a command's
	 * {@code Job}-like core work. Its cancellation is never requested: the command line stops
	 * with the process.
	 */
	default IProgressMonitor progress() {
		return new NullProgressMonitor();
	}
}
