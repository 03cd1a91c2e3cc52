package io.vigil.core.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decides which directory holds the workspace: the {@code --workspace DIR} option first, then the
 * {@code VIGIL_WORKSPACE} environment variable, then {@code ~/.vigil/workspace}.
 */
public final class WorkspaceLocation {

	/** The environment variable that names the workspace directory. */
	public static final String ENVIRONMENT_VARIABLE = "VIGIL_WORKSPACE";

	/** The command line option that names the workspace directory. */
	public static final String OPTION = "--workspace";

	private WorkspaceLocation() {
	}

	/**
	 * Resolves the workspace directory.
	 *
	 * @param option the value given with {@code --workspace}, or {@code null}
	 * @param environment the process environment
	 * @param userHome the user's home directory
	 * @return an absolute, normalized path
	 */
	public static Path resolve(String option, Map<String, String> environment, Path userHome) {
		if (option != null && !option.isBlank()) {
			return absolute(option, userHome);
		}
		String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return absolute(fromEnvironment, userHome);
		}
		return userHome.resolve(".vigil").resolve("workspace").toAbsolutePath().normalize();
	}

	private static Path absolute(String value, Path userHome) {
		String expanded = value.equals("~") || value.startsWith("~/")
				? userHome + value.substring(1)
				: value;
		return Path.of(expanded).toAbsolutePath().normalize();
	}
}
