package io.vigil.incidents.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.incidents.Incident;
import io.vigil.incidents.report.IncidentReport;
import io.vigil.incidents.report.NavigatorLayer;
import io.vigil.incidents.report.TimelineChart;
import io.vigil.incidents.timeline.LaneKey;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.report.ReportFormat;

/** The {@code incident} actions that write documents: the report, the Navigator layer and the chart. */
final class IncidentReports {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private IncidentReports() {
	}

	static int report(CommandContext context, Incident incident, Clock clock, String format, String out)
			throws CommandException {
		Path file = required(out, "incident report ID --format md|html|pdf --out FILE");
		try {
			new IncidentReport(incident, Timeline.of(incident), clock.instant()).write(ReportFormat.of(format), file);
		} catch (IOException e) {
			throw new CommandException("cannot write the report to " + file + ": " + e.getMessage(), e);
		}
		context.err().println("report of " + incident.id() + " written to " + file);
		return 0;
	}

	static int navigator(CommandContext context, Incident incident, String out) throws CommandException {
		Path file = required(out, "incident navigator ID --out FILE");
		try {
			Files.writeString(file, JSON.writeValueAsString(NavigatorLayer.of(incident, JSON)) + "\n");
		} catch (IOException e) {
			throw new CommandException("cannot write the layer to " + file + ": " + e.getMessage(), e);
		}
		context.err().println(incident.techniques().size() + " techniques written to " + file);
		return 0;
	}

	static int chart(CommandContext context, Incident incident, Timeline timeline, String lanes, String out)
			throws CommandException {
		Path file = required(out, "incident timeline ID --format png --out FILE");
		LaneKey key = lanes == null ? LaneKey.HOST : lanes(lanes);
		try {
			Files.write(file, new TimelineChart(timeline, key, incident.title()).png(1600));
		} catch (IOException e) {
			throw new CommandException("cannot write the chart to " + file + ": " + e.getMessage(), e);
		}
		context.err().println(timeline.size() + " entries drawn to " + file);
		return 0;
	}

	private static LaneKey lanes(String name) throws CommandException {
		for (LaneKey key : LaneKey.values()) {
			if (key.name().equalsIgnoreCase(name.strip())) {
				return key;
			}
		}
		throw new CommandException("--lanes is host, user or source, not " + name);
	}

	private static Path required(String out, String use) throws CommandException {
		if (out == null) {
			throw new CommandException("--out FILE is needed: use " + use);
		}
		return Path.of(out);
	}
}
