package io.vigil.rules.ui.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.vigil.rules.RuleKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.AlertStatus;
import io.vigil.rules.alerts.Disposition;

/** How the rule parts write levels, statuses, dispositions, times and shares. */
final class Labels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

	private Labels() {
	}

	/** Returns a time in UTC to the second, or an empty text for {@code null}. */
	static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	static String level(RuleLevel level) {
		return level == null ? "" : level.sigmaName();
	}

	static String kind(RuleKind kind) {
		return switch (kind) {
			case SIGMA -> Messages.Kind_sigma;
			case CORRELATION -> Messages.Kind_correlation;
			case THRESHOLD -> Messages.Kind_threshold;
			case DEADMAN -> Messages.Kind_deadman;
		};
	}

	static String status(AlertStatus status) {
		return switch (status) {
			case NEW -> Messages.Status_new;
			case IN_PROGRESS -> Messages.Triage_inProgress;
			case ACKNOWLEDGED -> Messages.Triage_acknowledged;
			case ESCALATED -> Messages.Triage_escalated;
			case CLOSED -> Messages.Triage_closed;
		};
	}

	static String disposition(Disposition disposition) {
		return switch (disposition) {
			case UNDECIDED -> Messages.Disposition_undecided;
			case TRUE_POSITIVE -> Messages.Triage_truePositive;
			case BENIGN_TRUE_POSITIVE -> Messages.Triage_benign;
			case FALSE_POSITIVE -> Messages.Triage_falsePositive;
		};
	}

	/** Returns a share as a whole percentage ({@code 25%}), or a dash when nothing was decided. */
	static String share(double share, long decided) {
		return decided == 0 ? "\u2013" : String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	/** Returns the text cut to one line of at most a length. */
	static String oneLine(String text, int length) {
		String line = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
		return line.length() <= length ? line : line.substring(0, length - 1) + "\u2026";
	}
}
