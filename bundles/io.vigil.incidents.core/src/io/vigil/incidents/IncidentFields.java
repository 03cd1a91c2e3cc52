package io.vigil.incidents;

import java.util.Objects;

/**
 * What a handler edits directly on an incident: everything except its status and phase (which
 * change with a recorded {@link StateChange}) and its lists of children.
 *
 * @param title a short name; never blank
 * @param summary what happened, in a few sentences
 * @param severity how serious it is
 * @param owner who leads the response, empty for nobody
 * @param tlp how far it may be shared
 * @param dates the key dates known
 * @param theories what the handlers think happened
 * @param mitigations what was done or is planned against it
 * @param lessonsLearned what to do differently next time
 */
public record IncidentFields(String title, String summary, IncidentSeverity severity, String owner, Tlp tlp,
		KeyDates dates, String theories, String mitigations, String lessonsLearned) {

	/** Checks the title and replaces missing texts by empty ones. */
	public IncidentFields {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("an incident needs a title");
		}
		summary = Objects.requireNonNullElse(summary, "");
		severity = Objects.requireNonNullElse(severity, IncidentSeverity.MEDIUM);
		owner = Objects.requireNonNullElse(owner, "");
		tlp = Objects.requireNonNullElse(tlp, Tlp.AMBER);
		dates = Objects.requireNonNullElse(dates, KeyDates.NONE);
		theories = Objects.requireNonNullElse(theories, "");
		mitigations = Objects.requireNonNullElse(mitigations, "");
		lessonsLearned = Objects.requireNonNullElse(lessonsLearned, "");
	}

	/** Returns the fields of a new incident with only a title: medium severity, TLP:AMBER, no owner. */
	public static IncidentFields titled(String title) {
		return new IncidentFields(title, "", IncidentSeverity.MEDIUM, "", Tlp.AMBER, KeyDates.NONE, "", "", "");
	}

	/** Returns these fields with another summary. */
	public IncidentFields withSummary(String text) {
		return new IncidentFields(title, text, severity, owner, tlp, dates, theories, mitigations, lessonsLearned);
	}

	/** Returns these fields with another severity. */
	public IncidentFields withSeverity(IncidentSeverity level) {
		return new IncidentFields(title, summary, level, owner, tlp, dates, theories, mitigations, lessonsLearned);
	}

	/** Returns these fields with another owner. */
	public IncidentFields withOwner(String person) {
		return new IncidentFields(title, summary, severity, person, tlp, dates, theories, mitigations, lessonsLearned);
	}

	/** Returns these fields with another TLP level. */
	public IncidentFields withTlp(Tlp level) {
		return new IncidentFields(title, summary, severity, owner, level, dates, theories, mitigations, lessonsLearned);
	}

	/** Returns these fields with other key dates. */
	public IncidentFields withDates(KeyDates known) {
		return new IncidentFields(title, summary, severity, owner, tlp, known, theories, mitigations, lessonsLearned);
	}

	/** Returns these fields with other theories, mitigations and lessons learned. */
	public IncidentFields withAnalysis(String theoryText, String mitigationText, String lessonText) {
		return new IncidentFields(title, summary, severity, owner, tlp, dates, theoryText, mitigationText, lessonText);
	}
}
