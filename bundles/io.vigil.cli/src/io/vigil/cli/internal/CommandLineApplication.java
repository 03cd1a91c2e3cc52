package io.vigil.cli.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;


/**
 * The headless Equinox application behind {@code vigil COMMAND}: it hands the arguments to
 * {@link CommandLine} and returns its exit code to the launcher.
 */
public final class CommandLineApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] arguments = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> argumentList = arguments == null ? List.of() : Arrays.asList(arguments);
		context.applicationRunning();

		BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceReference<CommandRegistry> reference = bundleContext.getServiceReference(CommandRegistry.class);
		if (reference == null) {
			throw new IllegalStateException("The command registry is not running; is Declarative Services started?");
		}
		try {
			CommandRegistry registry = bundleContext.getService(reference);
			ILog log = ILog.of(getClass());
			CommandLine commandLine = new CommandLine(registry, Console.ofProcess(), System.getenv(),
					Path.of(System.getProperty("user.home")), new PlatformWorkspaceOpener(), log::error);
			return commandLine.run(argumentList);
		} finally {
			bundleContext.ungetService(reference);
		}
	}

	@Override
	public void stop() {
		// A command runs to its end; an interrupted JVM releases the workspace lock by itself.
	}
}
