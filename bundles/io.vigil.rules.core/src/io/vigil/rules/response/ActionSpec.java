package io.vigil.rules.response;

import java.util.Map;

/**
 * An automated response a rule carries, run each time the rule raises an alert. Written in the
 * rule's YAML under {@code vigil: actions:}, one map per action with the kind as its key:
 *
 * <pre>
 * vigil:
 *   actions:
 *     - publish: { connection: soc-broker }     # MozDef's alerts exchange, routing key mozdef.alert
 *     - file: /var/log/vigil/alerts.jsonl        # appended as one JSON line per alert
 *     - http: http://127.0.0.1:9000/hook         # POSTed as JSON
 *     - command: page-oncall                     # a command configured in the workspace, by name
 * </pre>
 *
 * @param kind {@code publish}, {@code file}, {@code http} or {@code command}
 * @param target what the action goes to: a connection name, a path, a URL or a command name
 * @param options the rest of the action's settings
 */
public record ActionSpec(String kind, String target, Map<String, String> options) {

	/** The kinds of action Vigil runs. */
	public static final java.util.List<String> KINDS = java.util.List.of("publish", "file", "http", "command");

	public ActionSpec {
		options = Map.copyOf(options);
	}
}
