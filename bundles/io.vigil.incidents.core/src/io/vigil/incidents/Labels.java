package io.vigil.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads the names of the model's enums as people write them. */
final class Labels {

	private Labels() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
		String wanted = name == null ? "" : name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(wanted)) {
				return constant;
			}
		}
		String expected = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		throw new IllegalArgumentException("unknown " + what + " '" + name + "' (expected " + expected + ")");
	}
}
