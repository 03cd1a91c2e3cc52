package io.vigil.cli.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.VigilVersion;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.VigilCommand;

/** {@code vigil version}: prints the Vigil version, and with {@code --verbose} the runtime. */
@Component(service = VigilCommand.class)
public final class VersionCommand implements VigilCommand {

	@Override
	public String name() {
		return "version";
	}

	@Override
	public String summary() {
		return "Prints the Vigil version.";
	}

	@Override
	public String usage() {
		return """
				version [--verbose]
				  --verbose  also print the Java runtime and the operating system""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of(), Set.of("--verbose"));
		context.out().println("Vigil " + VigilVersion.running());
		if (arguments.has("--verbose")) {
			Runtime.Version java = Runtime.version();
			context.out().println("Java " + java + " (" + System.getProperty("java.vendor") + ")");
			context.out().println(System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		}
		return CommandLine.SUCCESS;
	}
}
