package io.vigil.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.vigil.core.command.VigilCommand;

/**
 * Every {@link VigilCommand} service, found by name. Capabilities add commands by registering
 * such services; they appear here as their bundles start.
 */
@Component(service = CommandRegistry.class)
public final class CommandRegistry {

	private final List<VigilCommand> commands = new CopyOnWriteArrayList<>();

	/** Adds a command service; called by Declarative Services. */
	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addCommand(VigilCommand command) {
		commands.add(command);
	}

	/** Removes a command service; called by Declarative Services. */
	public void removeCommand(VigilCommand command) {
		commands.remove(command);
	}

	/** Returns the command with a name; the first one registered wins if two share it. */
	public Optional<VigilCommand> find(String name) {
		return commands.stream().filter(command -> command.name().equals(name)).findFirst();
	}

	/** Returns every command, sorted by name. */
	public List<VigilCommand> all() {
		List<VigilCommand> sorted = new ArrayList<>(commands);
		sorted.sort(Comparator.comparing(VigilCommand::name));
		return sorted;
	}
}
