package io.vigil.collect.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import io.vigil.collect.SourceHealth;
import io.vigil.collect.SourceStats;

/** How the health view and the status line write a source's numbers. */
final class HealthLabels {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

	private HealthLabels() {
	}

	static String kind(SourceStats.Kind kind) {
		return switch (kind) {
		case CONNECTION -> Messages.Kind_connection;
		case HTTP_INTAKE -> Messages.Kind_http;
		case SENSOR_HOST -> Messages.Kind_sensor;
		};
	}

	static String rate(double perSecond) {
		return perSecond == 0 ? "0" : String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%.0f", perSecond);
	}

	static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	static String time(Instant time) {
		return time == null ? Messages.Health_never : TIME.format(time);
	}

	static String lag(SourceStats.Reading reading) {
		if (reading.lastArrival() == null) {
			return Messages.Health_never;
		}
		long millis = reading.lag().toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		return minutes(reading.lag());
	}

	static String minutes(Duration duration) {
		long minutes = duration.toMinutes();
		return minutes < 120 ? minutes + " min" : duration.toHours() + " h";
	}

	/** Returns the warning for silent sources, or {@code null} when none is silent. */
	static String warning(List<SourceHealth> rows) {
		List<SourceHealth> silent = rows.stream().filter(SourceHealth::silent).toList();
		if (silent.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (SourceHealth row : silent) {
			text.append(text.isEmpty() ? "" : "; ").append(
					NLS.bind(Messages.Health_silent, row.reading().name(), minutes(row.silentFor())));
		}
		return text.toString();
	}
}
