package io.vigil.rules.internal.commands;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.events.EventWorkspace;
import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertFilter;
import io.vigil.rules.alerts.AlertStatus;

/** {@code vigil alerts}: the alerts rules raised. */
@Component(service = VigilCommand.class)
public final class AlertsCommand implements VigilCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Override
	public String name() {
		return "alerts";
	}

	@Override
	public String summary() {
		return "Lists the alerts that rules raised.";
	}

	@Override
	public String usage() {
		return """
				alerts list [--format table|json] [--rule ID] [--status S] [--limit N] [--count]
				  --format F   table (default) or json (one array, every field of each alert)
				  --rule ID    only the alerts of one rule
				  --status S   only alerts with this status (new, in_progress, acknowledged, escalated, closed;
				               repeatable; default: all)
				  --limit N    at most N alerts, newest first (default 100, 0 for all)
				  --count      print only the number of alerts""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--format", "--rule", "--status", "--limit"),
				Set.of("--count"));
		if (!arguments.positional().equals(List.of("list"))) {
			throw new CommandException("use: alerts list [options]");
		}
		String format = arguments.value("--format") == null ? "table" : arguments.value("--format");
		if (!format.equals("table") && !format.equals("json")) {
			throw new CommandException("--format is table or json, not " + format);
		}
		Set<AlertStatus> statuses = new java.util.HashSet<>();
		for (String status : arguments.values("--status")) {
			try {
				statuses.add(AlertStatus.valueOf(status.toUpperCase(Locale.ROOT)));
			} catch (IllegalArgumentException e) {
				throw new CommandException("unknown --status " + status);
			}
		}
		long limit = arguments.number("--limit", 100, 0, Integer.MAX_VALUE);
		String rule = arguments.value("--rule") == null ? "" : arguments.value("--rule");
		try (EventWorkspace events = EventWorkspace.open(context.workspace(), Clock.systemUTC())) {
			RuleWorkspace rules = RuleWorkspace.open(events);
			List<Alert> alerts = rules.alerts().list(new AlertFilter(statuses, rule, limit == 0 ? Integer.MAX_VALUE : (int) limit));
			if (arguments.has("--count")) {
				context.out().println(alerts.size());
			} else if (format.equals("json")) {
				context.out().println(JSON.writeValueAsString(json(alerts)));
			} else {
				for (Alert alert : alerts) {
					AlertDraft draft = alert.draft();
					context.out().println(String.format(Locale.ROOT, "%6d  %s  %-13s %-12s %-20s %s", alert.id(), draft.time(),
							draft.severity().sigmaName(), alert.status().name().toLowerCase(Locale.ROOT),
							alert.disposition().name().toLowerCase(Locale.ROOT), draft.summary()));
				}
			}
		}
		return 0;
	}

	private static ArrayNode json(List<Alert> alerts) {
		ArrayNode array = JSON.createArrayNode();
		for (Alert alert : alerts) {
			AlertDraft draft = alert.draft();
			ObjectNode node = array.addObject();
			node.put("id", alert.id());
			node.put("rule", draft.ruleId());
			node.put("ruleVersion", draft.ruleVersion());
			node.put("title", draft.ruleTitle());
			node.put("summary", draft.summary());
			node.put("severity", draft.severity().sigmaName());
			node.put("category", draft.category());
			draft.tags().forEach(node.putArray("tags")::add);
			ArrayNode attack = node.putArray("attack");
			draft.attackIds().forEach(attack::add);
			node.put("groupField", draft.groupField());
			node.put("groupValue", draft.groupValue());
			node.put("utctimestamp", draft.time().toString());
			node.put("windowStart", draft.windowStart().toString());
			node.put("windowEnd", draft.windowEnd().toString());
			node.put("eventCount", draft.eventCount());
			ArrayNode ids = node.putArray("events");
			draft.eventIds().forEach(ids::add);
			node.put("status", alert.status().name().toLowerCase(Locale.ROOT));
			node.put("disposition", alert.disposition().name().toLowerCase(Locale.ROOT));
			node.put("raised", alert.raised().toString());
			ArrayNode actions = node.putArray("actions");
			alert.actions().forEach(run -> actions.addObject().put("kind", run.kind()).put("target", run.target())
					.put("succeeded", run.succeeded()).put("outcome", run.outcome()));
		}
		return array;
	}
}
