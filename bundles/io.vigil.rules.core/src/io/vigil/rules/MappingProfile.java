package io.vigil.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vigil.rules.eval.EventMatcher;

/**
 * One mapping profile: which Vigil events a Sigma log source means, and which Vigil fields Sigma's
 * field names mean.
 *
 * @param name the profile's name
 * @param file the file it was read from, empty for the built-in profile
 * @param keywordFields the fields that Sigma's unbound keywords are looked for in
 * @param fields Sigma field names onto Vigil field paths, for every log source of the profile
 * @param logsources the log sources the profile covers
 */
public record MappingProfile(String name, String file, List<String> keywordFields, Map<String, List<String>> fields,
		List<LogsourceMapping> logsources) {

	public MappingProfile {
		keywordFields = List.copyOf(keywordFields);
		fields = Map.copyOf(fields);
		logsources = List.copyOf(logsources);
	}

	/**
	 * A log source the profile covers.
	 *
	 * @param logsource the Sigma log source it stands for; {@code *} as a value means any
	 * @param where the events it means
	 * @param whereText how {@code where} was written, for people
	 * @param fields field names for this log source only, before the profile's
	 */
	public record LogsourceMapping(Map<String, String> logsource, EventMatcher where, String whereText,
			Map<String, List<String>> fields) {

		public LogsourceMapping {
			logsource = Map.copyOf(logsource);
			fields = Map.copyOf(fields);
		}

		/** Returns whether it stands for a rule's log source: the same keys, with equal values. */
		public boolean covers(Map<String, String> rule) {
			Map<String, String> wanted = MappingProfiles.identifying(rule);
			if (!wanted.keySet().equals(logsource.keySet())) {
				return false;
			}
			for (Map.Entry<String, String> entry : logsource.entrySet()) {
				String value = entry.getValue();
				if (!value.equals("*") && !value.equalsIgnoreCase(wanted.get(entry.getKey()))) {
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * Returns the Vigil fields a Sigma field means under a log source mapping (which may be
	 * {@code null}): the mapping's own, the profile's, then the name itself, matched without
	 * regard to case.
	 */
	public List<String> fields(String sigmaField, LogsourceMapping mapping) {
		List<String> found = mapping == null ? null : lookUp(mapping.fields(), sigmaField);
		if (found == null) {
			found = lookUp(fields, sigmaField);
		}
		return found != null ? found : List.of(sigmaField);
	}

	private static List<String> lookUp(Map<String, List<String>> names, String field) {
		List<String> exact = names.get(field);
		if (exact != null) {
			return exact;
		}
		String lower = field.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, List<String>> entry : names.entrySet()) {
			if (entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
				return entry.getValue();
			}
		}
		return null;
	}
}
