package io.vigil.events.internal.commands;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.bench.EventGenerator;

/** {@code vigil generate}: writes deterministic sample events, for demos, tests and benchmarks. */
@Component(service = VigilCommand.class)
public final class GenerateCommand implements VigilCommand {

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String summary() {
		return "Writes MozDef-like sample events as JSON lines (deterministic for a seed).";
	}

	@Override
	public String usage() {
		return """
				generate [--events N] [--seed S] FILE
				  FILE        where to write the events, or - for standard output
				  --events N  how many events (default 10000); every one is distinct
				  --seed S    the seed (default 42); the same seed and count give the same events""";
	}

	@Override
	public boolean needsWorkspace() {
		return false;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--events", "--seed"), Set.of());
		long events = arguments.number("--events", 10_000, 0, 1_000_000_000L);
		long seed = arguments.number("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
		if (arguments.positional().size() != 1) {
			throw new CommandException("give one FILE to write, or - for standard output");
		}
		String target = arguments.positional().get(0);
		EventGenerator generator = new EventGenerator(seed);
		if (target.equals("-")) {
			generator.write(events, context.out());
			context.out().flush();
		} else {
			try (Writer out = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
				generator.write(events, out);
			}
			context.err().println("vigil: generate: wrote " + events + " events to " + target);
		}
		return 0;
	}
}
