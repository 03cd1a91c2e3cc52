package io.vigil.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.vigil.exchange.internal.format.Crypto;

/**
 * Applies a {@link RedactionProfile} to the objects of one export. First it collects every value of
 * the profile's user, host and address fields (and an alert's grouped value when it groups by such
 * a field, and an incident observable's value when it is of such a kind) and every IP address in
 * any text; each gets a pseudonym, an HMAC of the value under the
 * workspace's secret, so the same value gets the same pseudonym in every export of the workspace
 * and the value cannot be computed back. Then it replaces every occurrence of every collected
 * value in all text of all objects (values, ids, text attachments; field names and identifiers such
 * as hashes, UUIDs and times stay whole), drops the
 * profile's fields and raw attachments, and applies the profile's patterns.
 */
final class Redactor {

	private static final Pattern IPV4 = Pattern
			.compile("(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
					+ "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?![0-9])");
	private static final Pattern IPV6_CANDIDATE = Pattern
			.compile("(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])");
	/** Shorter values are replaced only where they are a field's whole value, not inside text. */
	private static final int MIN_IN_TEXT = 2;
	/**
	 * Text that identifies rather than says: UUIDs, hex digests and ids, incident ids, ISO times.
	 * It is left whole, so that a short host name such as {@code db} cannot turn up inside a
	 * SHA-256 or a UUID and change it (which would break the import of the bundle).
	 */
	private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Fa-f]{16,}"
			+ "|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
			+ "|inc-[a-z2-7]{10}|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?");

	private final RedactionProfile profile;
	private final byte[] secret;
	private final Map<String, String> pseudonyms = new LinkedHashMap<>();
	private final List<Redaction.Replaced> replaced = new ArrayList<>();
	private final List<Redaction.Dropped> dropped = new ArrayList<>();
	private final List<String> warnings = new ArrayList<>();
	private Pattern collected;

	Redactor(RedactionProfile profile, byte[] secret) {
		this.profile = profile;
		this.secret = secret.clone();
	}

	/** Returns the redacted objects with what was replaced and dropped. */
	Redaction apply(List<ExchangeObject> objects) {
		if (profile.isEmpty()) {
			return new Redaction(profile.name(), objects, List.of(), List.of(), List.of());
		}
		for (ExchangeObject object : objects) {
			collect(object.content(), "");
			collectGroupedValue(object.content());
			object.attachments().stream().filter(Attachment::isText)
					.forEach(attachment -> collectAddresses(new String(attachment.data(), StandardCharsets.UTF_8)));
		}
		collected = alternation(pseudonyms.keySet());
		List<ExchangeObject> redacted = new ArrayList<>();
		for (ExchangeObject object : objects) {
			redacted.add(redact(object));
		}
		return new Redaction(profile.name(), redacted, replaced, dropped, warnings);
	}

	private void collect(JsonNode node, String path) {
		if (node instanceof ObjectNode object) {
			collectTypedValue(object);
			object.properties().forEach(field -> collect(field.getValue(), join(path, field.getKey())));
		} else if (node instanceof ArrayNode array) {
			array.forEach(item -> collect(item, path));
		} else if (node.isTextual()) {
			String value = node.asText();
			if (RedactionProfile.matches(profile.users(), path)) {
				remember("user", value);
			} else if (RedactionProfile.matches(profile.hosts(), path)) {
				remember("host", value);
			} else if (RedactionProfile.matches(profile.addresses(), path)) {
				remember(isAddress(value) ? "ip" : "host", value);
			}
			collectAddresses(value);
		}
	}

	/** An alert's grouped value is a user, host or address when it groups by such a field. */
	private void collectGroupedValue(ObjectNode content) {
		JsonNode field = content.get("groupField");
		JsonNode value = content.get("groupValue");
		if (field == null || !field.isTextual() || value == null || !value.isTextual()) {
			return;
		}
		String name = field.asText();
		if (RedactionProfile.matches(profile.users(), name)) {
			remember("user", value.asText());
		} else if (RedactionProfile.matches(profile.hosts(), name)) {
			remember("host", value.asText());
		} else if (RedactionProfile.matches(profile.addresses(), name)) {
			remember(isAddress(value.asText()) ? "ip" : "host", value.asText());
		}
	}

	/**
	 * An incident's observable, {@code {"kind": "user", "value": "jdoe"}}, names what its value is;
	 * users, hosts (and domains) and addresses are collected when the profile collects their kind.
	 */
	private void collectTypedValue(ObjectNode object) {
		JsonNode kind = object.get("kind");
		JsonNode value = object.get("value");
		if (kind == null || !kind.isTextual() || value == null || !value.isTextual()) {
			return;
		}
		switch (kind.asText().toLowerCase(Locale.ROOT)) {
		case "user" -> {
			if (!profile.users().isEmpty()) {
				remember("user", value.asText());
			}
		}
		case "host", "domain" -> {
			if (!profile.hosts().isEmpty()) {
				remember("host", value.asText());
			}
		}
		case "ip" -> {
			if (profile.ipAddresses() || !profile.addresses().isEmpty()) {
				remember("ip", value.asText());
			}
		}
		default -> {
			// Hashes and URLs are not personal: they stay.
		}
		}
	}

	private void collectAddresses(String text) {
		if (!profile.ipAddresses()) {
			return;
		}
		Matcher v4 = IPV4.matcher(text);
		while (v4.find()) {
			remember("ip", v4.group());
		}
		Matcher v6 = IPV6_CANDIDATE.matcher(text);
		while (v6.find()) {
			if (isAddress(v6.group())) {
				remember("ip", v6.group());
			}
		}
	}

	private void remember(String category, String value) {
		String key = value.strip().toLowerCase(Locale.ROOT);
		if (key.isEmpty() || pseudonyms.containsKey(key)) {
			return;
		}
		byte[] mac = Crypto.hmac(secret, category + "\u0000" + key);
		pseudonyms.put(key, category + "-" + HexFormat.of().formatHex(mac, 0, 6));
	}

	private ExchangeObject redact(ExchangeObject object) {
		String ref = object.ref();
		ObjectNode content = (ObjectNode) rewrite(object.content(), "", ref);
		List<Attachment> attachments = new ArrayList<>();
		for (Attachment attachment : object.attachments()) {
			if (attachment.raw() && profile.dropRawAttachments()) {
				dropped.add(new Redaction.Dropped(ref, "attachment:" + attachment.name()));
			} else if (attachment.isText()) {
				String name = text(attachment.name(), ref, "attachment name");
				String body = text(new String(attachment.data(), StandardCharsets.UTF_8), ref,
						"attachment:" + attachment.name());
				attachments.add(new Attachment(name, attachment.mediaType(), body.getBytes(StandardCharsets.UTF_8),
						attachment.raw()));
			} else {
				warnings.add(ref + ": binary attachment " + attachment.name() + " (" + attachment.mediaType()
						+ ") leaves as it is; redaction cannot look into it");
				attachments.add(attachment);
			}
		}
		String id = text(object.id(), ref, "id");
		return new ExchangeObject(object.type(), id, object.updated(), content, attachments);
	}

	private JsonNode rewrite(JsonNode node, String path, String ref) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.objectNode();
			object.properties().forEach(field -> {
				String fieldPath = join(path, field.getKey());
				if (RedactionProfile.matches(profile.drop(), fieldPath)) {
					dropped.add(new Redaction.Dropped(ref, fieldPath));
				} else {
					// Field names stay: they are the format's vocabulary, not what happened.
					copy.set(field.getKey(), rewrite(field.getValue(), fieldPath, ref));
				}
			});
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = array.arrayNode();
			array.forEach(item -> copy.add(rewrite(item, path, ref)));
			return copy;
		}
		if (node.isTextual()) {
			return TextNode.valueOf(text(node.asText(), ref, path));
		}
		return node.deepCopy();
	}

	/** Replaces the collected values and the profile's patterns in one piece of text. */
	private String text(String text, String ref, String path) {
		if (IDENTIFIER.matcher(text.strip()).matches()) {
			return text;
		}
		String whole = pseudonyms.get(text.strip().toLowerCase(Locale.ROOT));
		String result;
		if (whole != null) {
			replaced.add(new Redaction.Replaced(ref, path, text, whole));
			result = whole;
		} else {
			result = replaceCollected(text, ref, path);
		}
		for (RedactionProfile.Replacement replacement : profile.replacements()) {
			Matcher matcher = replacement.pattern().matcher(result);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				replaced.add(new Redaction.Replaced(ref, path, matcher.group(), replacement.with()));
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.with()));
			}
			matcher.appendTail(out);
			result = out.toString();
		}
		return result;
	}

	private String replaceCollected(String text, String ref, String path) {
		if (collected == null) {
			return text;
		}
		Matcher matcher = collected.matcher(text);
		StringBuilder out = new StringBuilder();
		Set<String> seen = new LinkedHashSet<>();
		while (matcher.find()) {
			String pseudonym = pseudonyms.get(matcher.group().toLowerCase(Locale.ROOT));
			if (seen.add(matcher.group())) {
				replaced.add(new Redaction.Replaced(ref, path, matcher.group(), pseudonym));
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(pseudonym));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** Returns one pattern matching any of the values, longest first, or null for none. */
	private static Pattern alternation(Set<String> values) {
		List<String> sorted = values.stream().filter(value -> value.length() >= MIN_IN_TEXT)
				.sorted(Comparator.comparingInt(String::length).reversed()).toList();
		if (sorted.isEmpty()) {
			return null;
		}
		StringBuilder regex = new StringBuilder();
		for (String value : sorted) {
			regex.append(regex.isEmpty() ? "" : "|").append(Pattern.quote(value));
		}
		// Whole words only: a user 'ed' is replaced in "ed logged in", not inside "added".
		return Pattern.compile("(?<![\\p{Alnum}_])(?:" + regex + ")(?![\\p{Alnum}_])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
	}

	private static boolean isAddress(String value) {
		String text = value.strip();
		if (IPV4.matcher(text).matches()) {
			return true;
		}
		// Two hex groups at least: "::" and "::1" in text are more often code ("std::vector") than hosts.
		if (!text.contains(":") || !text.matches("[0-9A-Fa-f:]+")
				|| Arrays.stream(text.split(":")).filter(group -> !group.isEmpty()).count() < 2) {
			return false;
		}
		try {
			// A literal with ':' is parsed as an IPv6 address, never looked up.
			InetAddress.getByName(text);
			return true;
		} catch (UnknownHostException e) {
			return false;
		}
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}
}
