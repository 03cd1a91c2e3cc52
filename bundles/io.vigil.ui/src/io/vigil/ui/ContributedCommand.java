package io.vigil.ui;

import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * Commands that other capabilities contribute for a part's selection, found by id so that the
 * part's bundle need not depend on them: a menu item appears only when its command is defined.
 */
public final class ContributedCommand {

	/** Promotes the selected events or alerts into an incident; defined by the incidents UI. */
	public static final String PROMOTE = "io.vigil.incidents.ui.command.promote";

	private ContributedCommand() {
	}

	/** Returns whether a command is defined in the running workbench. Call on the UI thread. */
	public static boolean defined(String id) {
		ICommandService commands = PlatformUI.isWorkbenchRunning()
				? PlatformUI.getWorkbench().getService(ICommandService.class)
				: null;
		Command command = commands == null ? null : commands.getCommand(id);
		return command != null && command.isDefined();
	}

	/** Runs a command on the active part's selection. Call on the UI thread. */
	public static void execute(String id) {
		try {
			PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null);
		} catch (Exception e) {
			// The contributing bundle reports its own failures; this is the command not running at all.
			ILog.of(ContributedCommand.class).warn("cannot run command " + id + ": " + e.getMessage(), e);
		}
	}
}
