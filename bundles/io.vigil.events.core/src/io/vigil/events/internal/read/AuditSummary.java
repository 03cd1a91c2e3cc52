package io.vigil.events.internal.read;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the one-line summary of an audit event from its details: {@code Execve: ls -la},
 * {@code Chmod /etc/shadow by /usr/bin/chmod (auid 1000)}, or for other records
 * {@code User login by alice from 10.0.0.5 on ssh via /usr/sbin/sshd: failed}.
 */
final class AuditSummary {

	private AuditSummary() {
	}

	/**
	 * Writes the summary.
	 *
	 * @param category the event's category
	 * @param primaryType the type of the record that names the event, or {@code null} when it is
	 *            a system call's
	 * @param details the event's details
	 */
	static String of(String category, String primaryType, ObjectNode details) {
		if (category.equals("execve")) {
			String command = first(details, "command", "proctitle", "exe", "comm");
			return command == null ? "Execve" : "Execve: " + command;
		}
		if (primaryType == null && details.has("syscall")) {
			return syscall(details);
		}
		return described(primaryType == null ? category : primaryType, details);
	}

	private static String syscall(ObjectNode details) {
		String name = text(details, "syscall");
		StringBuilder summary = new StringBuilder(
				name.chars().allMatch(Character::isDigit) ? "Syscall " + name : title(name));
		append(summary, " ", first(details, "path", "socketpath"));
		append(summary, " ", endpoint(details));
		append(summary, " by ", first(details, "exe", "comm"));
		String user = first(details, "originaluser");
		append(summary, " (", user != null ? user : id(details, "originaluid", "auid", "uid"), ")");
		return outcome(summary, details);
	}

	private static String described(String type, ObjectNode details) {
		String title = title(type.replace('_', ' '));
		StringBuilder summary = new StringBuilder(title);
		String what = first(details, "unit", "dev", "op");
		// USER_LOGIN's op is "login": the title says it already.
		if (what != null && !title.toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT))) {
			summary.append(' ').append(what);
		}
		String user = first(details, EventBuilder.USERNAME, "originaluser");
		append(summary, " by ", user != null ? user : id(details, "originaluid", "auid", "uid"));
		append(summary, " from ", first(details, EventBuilder.SOURCE_IP, "sourcehostname"));
		append(summary, " on ", first(details, "terminal"));
		append(summary, " ran ", first(details, "cmd"));
		append(summary, " via ", first(details, "exe", "comm"));
		return outcome(summary, details);
	}

	private static String endpoint(ObjectNode details) {
		String port = first(details, EventBuilder.DESTINATION_PORT, EventBuilder.SOURCE_PORT, "socketport");
		return Endpoints.of(first(details, EventBuilder.DESTINATION_IP, EventBuilder.SOURCE_IP, "socketaddress"),
				port);
	}

	private static String outcome(StringBuilder summary, ObjectNode details) {
		JsonNode success = details.get(EventBuilder.SUCCESS);
		if (success != null && success.isBoolean()) {
			summary.append(success.asBoolean() ? ": success" : ": failed");
		}
		return summary.toString();
	}

	private static String id(ObjectNode details, String... keys) {
		for (String key : keys) {
			String id = text(details, key);
			if (id != null) {
				return (key.equals("originaluid") ? "auid" : key) + " " + id;
			}
		}
		return null;
	}

	private static String first(ObjectNode details, String... keys) {
		for (String key : keys) {
			String text = text(details, key);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static String text(ObjectNode details, String key) {
		JsonNode value = details.get(key);
		return value == null || !value.isValueNode() ? null : value.asText();
	}

	private static void append(StringBuilder summary, String before, String value) {
		append(summary, before, value, "");
	}

	private static void append(StringBuilder summary, String before, String value, String after) {
		if (value != null && !value.isBlank()) {
			summary.append(before).append(value).append(after);
		}
	}

	private static String title(String words) {
		String lower = words.toLowerCase(Locale.ROOT);
		return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}
}
