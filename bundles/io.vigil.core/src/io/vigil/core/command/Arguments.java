package io.vigil.core.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command arguments split into options and positional values. Options are {@code --name value},
 * {@code --name=value} or, for flags, {@code --name}; {@code --} ends the options. Anything that
 * does not fit is a {@link CommandException} naming the argument.
 */
public final class Arguments {

	private final Map<String, List<String>> options;
	private final Set<String> flags;
	private final List<String> positional;

	private Arguments(Map<String, List<String>> options, Set<String> flags, List<String> positional) {
		this.options = options;
		this.flags = flags;
		this.positional = positional;
	}

	/**
	 * Parses arguments.
	 *
	 * @param arguments the arguments after the command name
	 * @param valueOptions names of options that take a value, such as {@code --limit}
	 * @param flagOptions names of options that take none, such as {@code --count}
	 * @throws CommandException for an unknown option or an option without its value
	 */
	public static Arguments parse(List<String> arguments, Set<String> valueOptions, Set<String> flagOptions)
			throws CommandException {
		Map<String, List<String>> options = new LinkedHashMap<>();
		Set<String> flags = new HashSet<>();
		List<String> positional = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (argument.equals("--")) {
				positional.addAll(arguments.subList(i + 1, arguments.size()));
				break;
			}
			if (!argument.startsWith("--")) {
				positional.add(argument);
				continue;
			}
			int equals = argument.indexOf('=');
			String name = equals < 0 ? argument : argument.substring(0, equals);
			if (flagOptions.contains(name)) {
				if (equals >= 0) {
					throw new CommandException("option " + name + " takes no value: " + argument);
				}
				flags.add(name);
			} else if (valueOptions.contains(name)) {
				String value;
				if (equals >= 0) {
					value = argument.substring(equals + 1);
				} else if (i + 1 < arguments.size()) {
					value = arguments.get(++i);
				} else {
					throw new CommandException("option " + name + " needs a value");
				}
				options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
			} else {
				throw new CommandException("unknown option " + name);
			}
		}
		return new Arguments(options, flags, Collections.unmodifiableList(positional));
	}

	/** Returns the positional arguments, in order. */
	public List<String> positional() {
		return positional;
	}

	/** Returns whether a flag was given. */
	public boolean has(String flag) {
		return flags.contains(flag);
	}

	/** Returns the last value of an option, or {@code null}. */
	public String value(String option) {
		List<String> values = options.get(option);
		return values == null ? null : values.get(values.size() - 1);
	}

	/** Returns every value of an option, in order; empty when it was not given. */
	public List<String> values(String option) {
		return options.getOrDefault(option, List.of());
	}

	/**
	 * Returns an option's value as a number.
	 *
	 * @throws CommandException if the value is not a whole number within the bounds
	 */
	public long number(String option, long fallback, long min, long max) throws CommandException {
		String value = value(option);
		if (value == null) {
			return fallback;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number < min || number > max) {
				throw new CommandException(option + " must be between " + min + " and " + max + ", not " + value);
			}
			return number;
		} catch (NumberFormatException e) {
			throw new CommandException(option + " needs a whole number, not '" + value + "'", e);
		}
	}
}
