package io.vigil.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.Workspace;

/**
 * {@code vigil workspace}: shows where the workspace is, the schema version of each component and
 * how much disk it takes. Opening it also creates it, or brings an older one up to date.
 */
@Component(service = VigilCommand.class)
public final class WorkspaceCommand implements VigilCommand {

	@Override
	public String name() {
		return "workspace";
	}

	@Override
	public String summary() {
		return "Shows the workspace: location, schema versions and size (creates or upgrades it).";
	}

	@Override
	public String usage() {
		return "workspace";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments.parse(context.arguments(), Set.of(), Set.of());
		Workspace workspace = context.workspace();
		context.out().println("location  " + workspace.root());
		for (Map.Entry<String, Integer> schema : workspace.schemaVersions().entrySet()) {
			context.out().println("schema    " + schema.getKey() + " " + schema.getValue());
		}
		context.out().println("size      " + humanSize(sizeOf(workspace.root())));
		return CommandLine.SUCCESS;
	}

	private static long sizeOf(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).mapToLong(WorkspaceCommand::size).sum();
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			// Files come and go while Derby works; a vanished one takes no space.
			return 0;
		}
	}

	static String humanSize(long bytes) {
		String[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}
}
