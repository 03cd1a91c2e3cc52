package io.vigil.events.internal.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.events.EventFields;

/**
 * Recognises the syslog messages analysts search most and adds what they say as standard
 * details: sshd logins (accepted, failed, invalid user) and the commands sudo ran or refused.
 * Other messages keep only what the syslog header said.
 */
final class SyslogEnrichment {

	private static final Pattern REPEATED = Pattern.compile("message repeated (\\d{1,9}) times: \\[ ?(.*?) ?]");
	private static final Pattern ACCEPTED = Pattern
			.compile("Accepted (\\S+) for (.+?) from (\\S+) port (\\d+)(?: (\\w+))?(?:: (\\S+) (\\S+))?.*");
	private static final Pattern FAILED = Pattern
			.compile("Failed (\\S+) for (invalid user )?(.*?) from (\\S+) port (\\d+).*");
	private static final Pattern INVALID_USER = Pattern.compile("Invalid user (.*?) from (\\S+)(?: port (\\d+))?.*");
	private static final Pattern SUDO = Pattern.compile("(\\S+) : (.*?)\\bCOMMAND=(.*)");

	private SyslogEnrichment() {
	}

	/**
	 * Adds the details a message's text carries.
	 *
	 * @param program the program that wrote the message, or {@code null}
	 * @param message the message text
	 * @param event the event, with the syslog fields already set
	 */
	static void enrich(String program, String message, EventBuilder event) {
		String text = message.strip();
		Matcher repeated = REPEATED.matcher(text);
		if (repeated.matches()) {
			// rsyslog folds repeats into one line; the folded message is the one to recognise.
			event.detail("repeated", Long.parseLong(repeated.group(1)));
			text = repeated.group(2);
		}
		if (program == null) {
			return;
		}
		// OpenSSH 9.8 and later log logins as sshd-session.
		if (program.startsWith("sshd")) {
			sshd(text, event);
		} else if (program.equals("sudo")) {
			sudo(text, event);
		}
	}

	private static void sshd(String text, EventBuilder event) {
		Matcher accepted = ACCEPTED.matcher(text);
		if (accepted.matches()) {
			login(event, accepted.group(2), accepted.group(3), accepted.group(4), true)
					.detail("authmethod", accepted.group(1)).detail("keytype", accepted.group(6))
					.detail("keyfingerprint", accepted.group(7));
			return;
		}
		Matcher failed = FAILED.matcher(text);
		if (failed.matches()) {
			login(event, failed.group(3), failed.group(4), failed.group(5), false).detail("authmethod",
					failed.group(1));
			if (failed.group(2) != null) {
				event.detail("invaliduser", true);
			}
			return;
		}
		Matcher invalid = INVALID_USER.matcher(text);
		if (invalid.matches()) {
			login(event, invalid.group(1), invalid.group(2), invalid.group(3), false).detail("invaliduser", true);
		}
	}

	private static EventBuilder login(EventBuilder event, String user, String from, String port, boolean success) {
		event.set(EventFields.CATEGORY, "authentication").detail(EventBuilder.USERNAME, user);
		if (Endpoints.isIpAddress(from)) {
			event.detail(EventBuilder.SOURCE_IP, from);
		} else {
			// sshd writes a host name instead of the address when UseDNS is on.
			event.detail("sourcehostname", from);
		}
		return event.port(EventBuilder.SOURCE_PORT, port).detail(EventBuilder.SUCCESS, success);
	}

	/** Reads {@code alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls}. */
	private static void sudo(String text, EventBuilder event) {
		Matcher sudo = SUDO.matcher(text);
		if (!sudo.matches()) {
			return;
		}
		event.set(EventFields.CATEGORY, "sudo").detail(EventBuilder.USERNAME, sudo.group(1)).detail("command",
				sudo.group(3).strip());
		boolean refused = false;
		for (String part : sudo.group(2).split(";")) {
			String item = part.strip();
			int equals = item.indexOf('=');
			if (equals > 0) {
				sudoField(event, item.substring(0, equals), item.substring(equals + 1));
			} else if (!item.isEmpty()) {
				// A part without '=' is sudo's reason for refusing: "user NOT in sudoers", say.
				event.detail("reason", item);
				refused = true;
			}
		}
		event.detail(EventBuilder.SUCCESS, !refused);
	}

	private static void sudoField(EventBuilder event, String key, String value) {
		switch (key) {
		case "TTY" -> event.detail("tty", value);
		case "PWD" -> event.detail("cwd", value);
		case "USER" -> event.detail("targetuser", value);
		case "GROUP" -> event.detail("targetgroup", value);
		default -> event.detail(key.toLowerCase(Locale.ROOT), value);
		}
	}
}
