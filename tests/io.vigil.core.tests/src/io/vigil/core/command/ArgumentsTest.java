package io.vigil.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

	private static final Set<String> VALUES = Set.of("--from", "--limit", "--facet");
	private static final Set<String> FLAGS = Set.of("--count");

	@Test
	void separatesOptionsFlagsAndPositionalArguments() throws CommandException {
		Arguments arguments = Arguments.parse(
				List.of("category:auth", "--from", "-24h", "--count", "--limit=50", "--facet", "a", "--facet", "b"),
				VALUES, FLAGS);

		assertEquals(List.of("category:auth"), arguments.positional());
		assertEquals("-24h", arguments.value("--from"));
		assertEquals(50, arguments.number("--limit", 10, 1, 1000));
		assertEquals(List.of("a", "b"), arguments.values("--facet"));
		assertTrue(arguments.has("--count"));
	}

	@Test
	void doubleDashEndsTheOptions() throws CommandException {
		Arguments arguments = Arguments.parse(List.of("--count", "--", "--from"), VALUES, FLAGS);

		assertEquals(List.of("--from"), arguments.positional());
		assertNull(arguments.value("--from"));
	}

	@Test
	void missingOptionsFallBack() throws CommandException {
		Arguments arguments = Arguments.parse(List.of(), VALUES, FLAGS);

		assertEquals(10, arguments.number("--limit", 10, 1, 1000));
		assertFalse(arguments.has("--count"));
		assertEquals(List.of(), arguments.values("--facet"));
	}

	@Test
	void namesTheUnknownOption() {
		CommandException error = assertThrows(CommandException.class,
				() -> Arguments.parse(List.of("--colour", "red"), VALUES, FLAGS));

		assertEquals("unknown option --colour", error.getMessage());
	}

	@Test
	void namesTheOptionWithoutItsValue() {
		CommandException error = assertThrows(CommandException.class,
				() -> Arguments.parse(List.of("--from"), VALUES, FLAGS));

		assertEquals("option --from needs a value", error.getMessage());
	}

	@Test
	void rejectsAValueOnAFlag() {
		assertThrows(CommandException.class, () -> Arguments.parse(List.of("--count=3"), VALUES, FLAGS));
	}

	@Test
	void checksNumbers() throws CommandException {
		Arguments notANumber = Arguments.parse(List.of("--limit", "ten"), VALUES, FLAGS);
		Arguments tooBig = Arguments.parse(List.of("--limit", "5000"), VALUES, FLAGS);

		CommandException first = assertThrows(CommandException.class, () -> notANumber.number("--limit", 1, 1, 1000));
		CommandException second = assertThrows(CommandException.class, () -> tooBig.number("--limit", 1, 1, 1000));

		assertEquals("--limit needs a whole number, not 'ten'", first.getMessage());
		assertEquals("--limit must be between 1 and 1000, not 5000", second.getMessage());
	}
}
