package io.vigil.app.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.core.workspace.WorkspaceLocation;

/**
 * The Vigil workbench application: opens the workspace chosen on the command line (or by
 * {@code VIGIL_WORKSPACE}, or the default), offers it to the rest of Vigil as an OSGi service,
 * and runs the workbench until the user quits.
 */
public final class VigilApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] arguments = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> argumentList = arguments == null ? List.of() : Arrays.asList(arguments);
		Display display = PlatformUI.createDisplay();
		try {
			Path directory = WorkspaceLocation.resolve(workspaceOption(argumentList), System.getenv(),
					Path.of(System.getProperty("user.home")));
			Workspace workspace = openWorkspace(directory);
			if (workspace == null) {
				return Integer.valueOf(1);
			}
			try {
				return runWorkbench(display, workspace);
			} finally {
				workspace.close();
			}
		} finally {
			display.dispose();
		}
	}

	private static String workspaceOption(List<String> arguments) {
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals(WorkspaceLocation.OPTION) && i + 1 < arguments.size()) {
				return arguments.get(i + 1);
			}
			if (argument.startsWith(WorkspaceLocation.OPTION + "=")) {
				return argument.substring(WorkspaceLocation.OPTION.length() + 1);
			}
		}
		return null;
	}

	private static Workspace openWorkspace(Path directory) {
		try {
			Workspace workspace = Workspace.open(directory, "workbench");
			useAsInstanceLocation(directory);
			return workspace;
		} catch (WorkspaceException e) {
			ILog.of(VigilApplication.class).error(e.getMessage(), e);
			MessageDialog.openError(null, Messages.VigilApplication_workspaceErrorTitle, e.getMessage());
			return null;
		}
	}

	/** Workbench state, preferences and the platform log live in the workspace too. */
	private static void useAsInstanceLocation(Path directory) throws WorkspaceException {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.isSet()) {
			return;
		}
		try {
			URL url = directory.toUri().toURL();
			instance.set(url, false);
		} catch (IOException | IllegalStateException e) {
			throw new WorkspaceException("Cannot use " + directory + " for the workbench state: " + e.getMessage(), e);
		}
	}

	private static Object runWorkbench(Display display, Workspace workspace) {
		BundleContext bundleContext = FrameworkUtil.getBundle(VigilApplication.class).getBundleContext();
		ServiceRegistration<Workspace> registration = bundleContext.registerService(Workspace.class, workspace, null);
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new VigilWorkbenchAdvisor(workspace));
			return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			registration.unregister();
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
