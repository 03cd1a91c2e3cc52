package io.vigil.rules.internal.compile;

/** A part of a rule that Vigil cannot understand or does not support, with its line. */
final class RuleSyntaxException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int line;

	RuleSyntaxException(int line, String message) {
		super(message);
		this.line = line;
	}

	/** Returns the 1-based line, 0 when unknown. */
	int line() {
		return line;
	}
}
