package io.vigil.rules;

import io.vigil.rules.internal.compile.MozDefRuleParser;
import io.vigil.rules.internal.compile.SigmaRuleParser;

/**
 * Compiles rule texts: Sigma YAML (one or more documents, correlation rules included) and MozDef's
 * generic alert JSON. Thread-safe.
 */
public final class RuleCompiler {

	private final MappingProfiles mappings;

	/** Makes a compiler that maps Sigma fields and log sources with the profiles given. */
	public RuleCompiler(MappingProfiles mappings) {
		this.mappings = mappings;
	}

	/** Returns the mapping profiles the compiler uses. */
	public MappingProfiles mappings() {
		return mappings;
	}

	/**
	 * Compiles a text. Never throws for bad input: what cannot be understood comes back as problems
	 * naming the file, the line and what is wrong or unsupported.
	 *
	 * @param text the rule file's text
	 * @param file the file's name, for problems
	 */
	public CompileResult compile(String text, String file) {
		if (MozDefRuleParser.looksLikeJson(text)) {
			return MozDefRuleParser.compile(text, file);
		}
		return new SigmaRuleParser(mappings).compile(text, file);
	}
}
