package io.vigil.rules;

/**
 * Something in a rule file that Vigil cannot understand or run.
 *
 * @param file the rule file's name (or the name given to pasted text)
 * @param line the 1-based line, 0 when unknown
 * @param rule the rule's title or id when known, else empty
 * @param message what is wrong or unsupported, for a person
 */
public record RuleProblem(String file, int line, String rule, String message) {

	@Override
	public String toString() {
		return file + (line > 0 ? ":" + line : "") + ": " + (rule.isEmpty() ? "" : rule + ": ") + message;
	}
}
