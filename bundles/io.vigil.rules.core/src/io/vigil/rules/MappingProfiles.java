package io.vigil.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.vigil.rules.MappingProfile.LogsourceMapping;
import io.vigil.rules.internal.compile.ProfileReader;

/**
 * Maps Sigma's field names and log sources onto Vigil's event fields. Profiles are YAML files in
 * the workspace's {@code settings/rules/mappings/} folder, which starts with a copy of Vigil's
 * default profile that analysts may edit; profiles are tried in file name order and the first
 * that covers a rule's log source applies to it.
 */
public final class MappingProfiles {

	/** The folder under the workspace's settings that holds the profiles. */
	public static final String FOLDER = "rules/mappings";
	/** The name of the default profile's file. */
	public static final String DEFAULT_FILE = "vigil-default.yml";

	private static final List<String> IDENTIFYING = List.of("product", "category", "service");

	private final List<MappingProfile> profiles;

	private MappingProfiles(List<MappingProfile> profiles) {
		this.profiles = List.copyOf(profiles);
	}

	/** A rule's log source as the profile resolves it. */
	public record Resolution(MappingProfile profile, LogsourceMapping mapping, String unmapped) {

		/** Returns whether a profile covers the log source. */
		public boolean mapped() {
			return unmapped.isEmpty();
		}
	}

	/** Returns the built-in default profile alone. */
	public static MappingProfiles defaults() {
		try {
			return new MappingProfiles(List.of(ProfileReader.read(defaultText(), "")));
		} catch (IOException e) {
			throw new IllegalStateException("Vigil's default mapping profile is broken: " + e.getMessage(), e);
		}
	}

	/** Returns the text of the built-in default profile. */
	public static String defaultText() throws IOException {
		try (InputStream in = MappingProfiles.class.getResourceAsStream(DEFAULT_FILE)) {
			if (in == null) {
				throw new IOException("the default mapping profile " + DEFAULT_FILE + " is missing from the bundle");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Reads the profiles of a workspace, writing the default profile first when the folder has
	 * none.
	 *
	 * @param settings the workspace's settings directory
	 * @throws IOException if a profile cannot be read or is not valid, naming the file and line
	 */
	public static MappingProfiles load(Path settings) throws IOException {
		Path folder = settings.resolve(FOLDER);
		Files.createDirectories(folder);
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
		}
		if (files.isEmpty()) {
			Path file = folder.resolve(DEFAULT_FILE);
			Files.writeString(file, defaultText());
			files = List.of(file);
		}
		List<MappingProfile> profiles = new ArrayList<>();
		for (Path file : files) {
			profiles.add(ProfileReader.read(Files.readString(file), file.toString()));
		}
		return new MappingProfiles(profiles);
	}

	/** Returns the profiles, in the order they are tried. */
	public List<MappingProfile> profiles() {
		return profiles;
	}

	/**
	 * Resolves a rule's log source: the first profile with a mapping that covers it, or, when none
	 * does, the first profile with no filter and the reason. A log source that names no product,
	 * category or service is covered by every profile.
	 */
	public Resolution resolve(Map<String, String> logsource) {
		Map<String, String> wanted = identifying(logsource);
		if (wanted.isEmpty()) {
			return new Resolution(profiles.get(0), null, "");
		}
		for (MappingProfile profile : profiles) {
			for (LogsourceMapping mapping : profile.logsources()) {
				if (mapping.covers(logsource)) {
					return new Resolution(profile, mapping, "");
				}
			}
		}
		StringBuilder described = new StringBuilder();
		wanted.forEach((key, value) -> described.append(described.isEmpty() ? "" : ", ").append(key).append('=').append(value));
		return new Resolution(profiles.get(0), null, "no mapping profile covers the log source " + described
				+ "; add it to a profile in settings/" + FOLDER);
	}

	/** Returns the product, category and service of a log source, lower case, in that order. */
	static Map<String, String> identifying(Map<String, String> logsource) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (String key : IDENTIFYING) {
			String value = logsource.get(key);
			if (value != null && !value.isBlank()) {
				wanted.put(key, value.toLowerCase(Locale.ROOT));
			}
		}
		return wanted;
	}
}
