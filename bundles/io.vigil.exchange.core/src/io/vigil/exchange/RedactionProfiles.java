package io.vigil.exchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * The redaction profiles of a workspace: the built-in {@code none} and {@code pseudonymize}, and
 * the user's own as YAML files {@code settings/exchange/redaction/NAME.yml}:
 *
 * <pre>
 * drop: [raw, details.payload]        # fields left out
 * users: [username, details.owner]    # fields holding user names
 * hosts: [hostname]                   # fields holding host names
 * addresses: [sourceipaddress]        # fields holding addresses
 * ipAddresses: true                   # every IPv4/IPv6 address in any text
 * rawAttachments: drop                # or keep
 * replace:                            # patterns replaced in all text, in order
 *   - pattern: 'ACME-[0-9]+'
 *     with: 'ORG-CASE'
 * </pre>
 *
 * Which profile an export uses by default depends on its TLP: the workspace setting
 * {@code exchange.redaction.tlp.LEVEL} (such as {@code exchange.redaction.tlp.AMBER}) names it; without
 * one, {@code RED} and {@code AMBER_STRICT} use {@code pseudonymize} and the others {@code none}.
 */
public final class RedactionProfiles {

	/** The prefix of the settings that map a TLP level to its default profile. */
	public static final String TLP_SETTING = "exchange.redaction.tlp.";

	private static final Set<String> KEYS = Set.of("drop", "users", "hosts", "addresses", "ipAddresses",
			"rawAttachments", "replace");
	private static final Map<String, String> DEFAULT_BY_TLP = Map.of("RED", RedactionProfile.PSEUDONYMIZE,
			"AMBER_STRICT", RedactionProfile.PSEUDONYMIZE);
	private static final Set<String> LEVELS = Set.of("CLEAR", "WHITE", "GREEN", "AMBER", "AMBER_STRICT", "RED");

	private final Workspace workspace;

	/** Makes the profiles of a workspace. */
	public RedactionProfiles(Workspace workspace) {
		this.workspace = workspace;
	}

	/** Returns the directory of the user's profiles. */
	public Path directory() {
		return workspace.settingsDirectory().resolve("exchange").resolve("redaction");
	}

	/** Returns the names of every profile, built-in and the user's. */
	public Set<String> names() throws ExchangeException {
		Set<String> names = new TreeSet<>(Set.of(RedactionProfile.NONE, RedactionProfile.PSEUDONYMIZE));
		if (Files.isDirectory(directory())) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "*.yml")) {
				files.forEach(file -> names.add(file.getFileName().toString().replaceFirst("\\.yml$", "")));
			} catch (IOException e) {
				throw new ExchangeException("cannot list " + directory() + ": " + e.getMessage(), e);
			}
		}
		return names;
	}

	/**
	 * Returns a profile by name.
	 *
	 * @throws ExchangeException if there is no such profile, or its file is not valid (the message
	 *             names the file and line)
	 */
	public RedactionProfile profile(String name) throws ExchangeException {
		if (name.equals(RedactionProfile.NONE)) {
			return RedactionProfile.none();
		}
		if (name.equals(RedactionProfile.PSEUDONYMIZE)) {
			return RedactionProfile.pseudonymize();
		}
		Path file = directory().resolve(name + ".yml");
		if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !Files.isRegularFile(file)) {
			throw new ExchangeException("no redaction profile " + name + " (profiles: " + String.join(", ", names())
					+ "; own profiles are " + directory() + "/NAME.yml)");
		}
		return read(name, file);
	}

	/** Returns the normalized TLP level ({@code TLP:AMBER+STRICT} gives {@code AMBER_STRICT}). */
	public static Optional<String> level(String tlp) {
		if (tlp == null || tlp.isBlank()) {
			return Optional.empty();
		}
		String level = tlp.strip().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "").replace('+', '_')
				.replace('-', '_').replace(' ', '_');
		return LEVELS.contains(level) ? Optional.of(level) : Optional.empty();
	}

	/**
	 * Returns the name of the default profile for a TLP level.
	 *
	 * @throws ExchangeException if the level is not a TLP level
	 */
	public String forTlp(String tlp) throws ExchangeException, WorkspaceException {
		if (tlp == null) {
			return RedactionProfile.NONE;
		}
		String level = level(tlp).orElseThrow(() -> new ExchangeException("unknown TLP level " + tlp
				+ " (CLEAR, GREEN, AMBER, AMBER_STRICT, RED)"));
		Optional<String> setting = workspace.property(TLP_SETTING + level);
		return setting.orElse(DEFAULT_BY_TLP.getOrDefault(level, RedactionProfile.NONE));
	}

	private static RedactionProfile read(String name, Path file) throws ExchangeException {
		YAMLMapper mapper = new YAMLMapper();
		Set<String> drop = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		Set<String> hosts = new LinkedHashSet<>();
		Set<String> addresses = new LinkedHashSet<>();
		boolean ips = false;
		boolean dropRaw = true;
		List<RedactionProfile.Replacement> replacements = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (JsonParser parser = new YAMLFactory(mapper).createParser(file.toFile())) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return new RedactionProfile(name, drop, users, hosts, addresses, ips, dropRaw, replacements);
			}
			if (first != JsonToken.START_OBJECT) {
				throw bad(file, parser, "a profile is a mapping of drop, users, hosts, addresses, ipAddresses,"
						+ " rawAttachments and replace");
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String key = parser.currentName();
				int line = parser.currentTokenLocation().getLineNr();
				if (!KEYS.contains(key)) {
					throw bad(file, line, "unknown key '" + key + "' (known: " + String.join(", ", new TreeSet<>(KEYS))
							+ ")");
				}
				if (!seen.add(key)) {
					throw bad(file, line, "'" + key + "' appears twice");
				}
				parser.nextToken();
				JsonNode value = mapper.readTree(parser);
				switch (key) {
				case "drop" -> drop.addAll(names(file, line, key, value));
				case "users" -> users.addAll(names(file, line, key, value));
				case "hosts" -> hosts.addAll(names(file, line, key, value));
				case "addresses" -> addresses.addAll(names(file, line, key, value));
				case "ipAddresses" -> ips = flag(file, line, value);
				case "rawAttachments" -> dropRaw = rawAttachments(file, line, value);
				default -> replacements.addAll(replacements(file, line, value));
				}
			}
		} catch (JsonProcessingException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
			throw bad(file, line, "not valid YAML: " + e.getOriginalMessage());
		} catch (IOException e) {
			throw new ExchangeException("cannot read redaction profile " + file + ": " + e.getMessage(), e);
		}
		return new RedactionProfile(name, drop, users, hosts, addresses, ips, dropRaw, replacements);
	}

	private static List<String> names(Path file, int line, String key, JsonNode value) throws ExchangeException {
		if (!value.isArray()) {
			throw bad(file, line, "'" + key + "' is a list of field names or dotted paths");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isTextual() || !item.asText().matches("[A-Za-z0-9_@$-]+(\\.[A-Za-z0-9_@$-]+)*")) {
				throw bad(file, line, "'" + key + "' holds '" + item.asText() + "', which is not a field name or dotted"
						+ " path");
			}
			names.add(item.asText());
		}
		return names;
	}

	private static boolean flag(Path file, int line, JsonNode value) throws ExchangeException {
		if (!value.isBoolean()) {
			throw bad(file, line, "'ipAddresses' is true or false, not '" + value.asText() + "'");
		}
		return value.asBoolean();
	}

	private static boolean rawAttachments(Path file, int line, JsonNode value) throws ExchangeException {
		String text = value.asText();
		if (!value.isTextual() || !(text.equals("drop") || text.equals("keep"))) {
			throw bad(file, line, "'rawAttachments' is drop or keep, not '" + text + "'");
		}
		return text.equals("drop");
	}

	private static List<RedactionProfile.Replacement> replacements(Path file, int line, JsonNode value)
			throws ExchangeException {
		if (!value.isArray()) {
			throw bad(file, line, "'replace' is a list of {pattern, with}");
		}
		List<RedactionProfile.Replacement> replacements = new ArrayList<>();
		int index = 0;
		for (JsonNode item : value) {
			index++;
			String where = "replace item " + index + ": ";
			JsonNode pattern = item.get("pattern");
			JsonNode with = item.get("with");
			if (!item.isObject() || pattern == null || !pattern.isTextual() || with == null || !with.isTextual()
					|| item.size() != 2) {
				throw bad(file, line, where + "needs exactly 'pattern' and 'with', both text");
			}
			try {
				replacements.add(new RedactionProfile.Replacement(Pattern.compile(pattern.asText()), with.asText()));
			} catch (PatternSyntaxException e) {
				throw bad(file, line, where + "bad pattern: " + e.getDescription() + " near index " + e.getIndex());
			}
		}
		return replacements;
	}

	private static ExchangeException bad(Path file, JsonParser parser, String message) {
		return bad(file, parser.currentTokenLocation().getLineNr(), message);
	}

	private static ExchangeException bad(Path file, int line, String message) {
		return new ExchangeException("redaction profile " + file + (line > 0 ? ", line " + line : "") + ": " + message);
	}
}
