package io.vigil.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a redaction removes from objects before they leave the workspace. Field rules are names or
 * dotted paths inside an object's content: {@code username} matches a field of that name at any
 * depth, {@code details.payload} a {@code payload} field inside any {@code details}.
 *
 * @param name the profile's name ({@code pseudonymize}, or a file name in
 *            {@code settings/exchange/redaction/})
 * @param drop fields left out
 * @param users fields whose values are user names, replaced by pseudonyms everywhere
 * @param hosts fields whose values are host names, replaced by pseudonyms everywhere
 * @param addresses fields whose values are network addresses (an IP address, or else a host name)
 * @param ipAddresses whether every IPv4 and IPv6 address anywhere in text is replaced
 * @param dropRawAttachments whether attachments marked raw are left out
 * @param replacements patterns replaced in all text, after the pseudonyms
 */
public record RedactionProfile(String name, Set<String> drop, Set<String> users, Set<String> hosts,
		Set<String> addresses, boolean ipAddresses, boolean dropRawAttachments, List<Replacement> replacements) {

	/** The name of the profile that changes nothing. */
	public static final String NONE = "none";
	/** The name of the built-in profile that pseudonymizes addresses, users and hosts. */
	public static final String PSEUDONYMIZE = "pseudonymize";

	/** A pattern replaced in all text. */
	public record Replacement(Pattern pattern, String with) {
		/** Checks the arguments. */
		public Replacement {
			Objects.requireNonNull(pattern, "pattern");
			Objects.requireNonNull(with, "with");
		}
	}

	/** Checks the arguments and copies the rules, lower-cased. */
	public RedactionProfile {
		Objects.requireNonNull(name, "name");
		drop = lower(drop);
		users = lower(users);
		hosts = lower(hosts);
		addresses = lower(addresses);
		replacements = List.copyOf(replacements);
	}

	/** Returns the profile that changes nothing. */
	public static RedactionProfile none() {
		return new RedactionProfile(NONE, Set.of(), Set.of(), Set.of(), Set.of(), false, false, List.of());
	}

	/**
	 * Returns the built-in profile {@code pseudonymize}: IP addresses anywhere, and the user, host
	 * and address fields of Vigil events and alerts (MozDef's {@code details.*} fields included),
	 * become stable pseudonyms; raw payloads are dropped.
	 */
	public static RedactionProfile pseudonymize() {
		return new RedactionProfile(PSEUDONYMIZE, Set.of("raw", "payload", "rawmessage", "details.payload"),
				Set.of("username", "user", "originaluser", "targetuser", "invaliduser", "sourceuser",
						"destinationuser", "accountname"),
				Set.of("hostname", "host", "sourcehostname", "destinationhostname", "workstation", "computername"),
				Set.of("sourceipaddress", "destinationipaddress", "ipaddress", "srcip", "dstip", "src", "dst",
						"socketaddress"),
				true, true, List.of());
	}

	/** Returns whether the profile changes nothing. */
	public boolean isEmpty() {
		return drop.isEmpty() && users.isEmpty() && hosts.isEmpty() && addresses.isEmpty() && !ipAddresses
				&& !dropRawAttachments && replacements.isEmpty();
	}

	/** Returns whether a dotted field path matches one of a set of rules. */
	public static boolean matches(Set<String> rules, String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		for (String rule : rules) {
			if (lower.equals(rule) || lower.endsWith("." + rule)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> lower(Set<String> rules) {
		return Set.copyOf(rules.stream().map(rule -> rule.strip().toLowerCase(Locale.ROOT)).toList());
	}
}
