package io.vigil.rules;

import java.util.List;
import java.util.Map;

import io.vigil.rules.response.ActionSpec;

/**
 * What describes a rule, whatever its form.
 *
 * @param id the rule's id: Sigma's {@code id} (a UUID), or one derived from the text when absent
 * @param name Sigma's {@code name}, by which correlation rules may refer to it; empty when absent
 * @param title its title
 * @param description its description
 * @param status Sigma's status, {@code experimental} when absent
 * @param author its author
 * @param level its level
 * @param tags its tags ({@code attack.t1110}, {@code attack.credential-access})
 * @param attackIds the ATT&amp;CK technique ids among the tags, upper case ({@code T1110})
 * @param logsource Sigma's log source ({@code product}, {@code category}, {@code service})
 * @param category the category alerts carry: the log source's category, or MozDef's
 * @param falsePositives what may fire falsely, from the rule
 * @param actions the automated responses to run when it fires
 * @param file the file it came from
 * @param line the line its document starts on
 * @param text the text of its document
 * @param unmapped why no mapping profile covers its log source; empty when one does
 * @param version its library version, 0 for a rule not in the library
 */
public record RuleHeader(String id, String name, String title, String description, String status, String author,
		RuleLevel level, List<String> tags, List<String> attackIds, Map<String, String> logsource, String category,
		List<String> falsePositives, List<ActionSpec> actions, String file, int line, String text, String unmapped,
		int version) {

	public RuleHeader {
		tags = List.copyOf(tags);
		attackIds = List.copyOf(attackIds);
		logsource = Map.copyOf(logsource);
		falsePositives = List.copyOf(falsePositives);
		actions = List.copyOf(actions);
	}

	/** Returns the header with another reason for being unmapped (empty for mapped). */
	public RuleHeader withUnmapped(String reason) {
		return new RuleHeader(id, name, title, description, status, author, level, tags, attackIds, logsource,
				category, falsePositives, actions, file, line, text, reason, version);
	}

	/** Returns the header with another category for its alerts. */
	public RuleHeader withCategory(String newCategory) {
		return new RuleHeader(id, name, title, description, status, author, level, tags, attackIds, logsource,
				newCategory, falsePositives, actions, file, line, text, unmapped, version);
	}

	/** Returns the header with another library version. */
	public RuleHeader withVersion(int newVersion) {
		return new RuleHeader(id, name, title, description, status, author, level, tags, attackIds, logsource,
				category, falsePositives, actions, file, line, text, unmapped, newVersion);
	}
}
