package io.vigil.events.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class LineInputTest {

	@Test
	void splitsOnEveryKindOfLineEndAndCounts() throws IOException {
		try (LineInput lines = new LineInput(new StringReader("a\nb\r\nc\rd"))) {
			assertEquals("a", lines.next());
			assertEquals("b", lines.next());
			assertEquals("c", lines.next());
			assertEquals("d", lines.next());
			assertEquals(4, lines.lineNumber());
			assertNull(lines.next());
		}
	}

	@Test
	void keepsEmptyLinesAndACarriageReturnAcrossBuffers() throws IOException {
		String text = "x".repeat((1 << 16) - 1) + "\r\n\n" + "y";
		try (LineInput lines = new LineInput(new StringReader(text))) {
			assertEquals((1 << 16) - 1, lines.next().length());
			assertEquals("", lines.next());
			assertEquals("y", lines.next());
			assertEquals(3, lines.lineNumber());
		}
	}

	@Test
	void cutsALineAtTheLimitAndSaysSo() throws IOException {
		try (LineInput lines = new LineInput(new StringReader("abcdefgh\nij"), 4)) {
			assertEquals("abcd", lines.next());
			assertTrue(lines.wasTruncated());
			assertEquals("ij", lines.next());
			assertFalse(lines.wasTruncated());
		}
	}
}
