package io.vigil.cli.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.FrameworkUtil;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * Opens workspaces for the command line application and makes each one the Eclipse instance
 * location, so that the platform log of a command that works on a workspace lands in
 * {@code WORKSPACE/.metadata/.log}, beside the workbench's. Commands that need no workspace log
 * into the product's configuration area.
 */
final class PlatformWorkspaceOpener implements CommandLine.WorkspaceOpener {

	@Override
	public Workspace open(Path directory, String purpose) throws WorkspaceException {
		Workspace workspace = Workspace.open(directory, purpose);
		useAsInstanceLocation(workspace.root());
		return workspace;
	}

	private static void useAsInstanceLocation(Path root) {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.isSet()) {
			return;
		}
		try {
			// Not locked: the workspace lock is Vigil's own, taken above.
			instance.set(root.toUri().toURL(), false);
			// Setting up the instance data area, as the first use of a state location does, moves
			// the platform log into it.
			Platform.getStateLocation(FrameworkUtil.getBundle(PlatformWorkspaceOpener.class));
		} catch (IOException | IllegalStateException e) {
			// The log then stays in the configuration area, and logFile() says so.
		}
	}

	@Override
	public Path logFile(Path directory) {
		IPath log = Platform.getLogFileLocation();
		return log == null ? CommandLine.WorkspaceOpener.super.logFile(directory) : log.toPath();
	}
}
