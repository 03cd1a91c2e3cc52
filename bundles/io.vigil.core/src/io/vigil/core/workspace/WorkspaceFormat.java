package io.vigil.core.workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The file {@code workspace.properties}, which marks a directory as a Vigil workspace and gives the
 * version of its layout. It is read before anything else, so that an older Vigil stops at a
 * workspace laid out by a newer one without touching its database.
 */
final class WorkspaceFormat {

	static final String FILE_NAME = "workspace.properties";

	/** The layout this Vigil writes and the newest it can open. */
	static final int CURRENT = 1;

	private static final String FORMAT_KEY = "format";
	private static final String CREATED_BY_KEY = "created.by";

	private WorkspaceFormat() {
	}

	/**
	 * Reads the format of a workspace directory, writing the current one when the directory is new.
	 *
	 * @throws WorkspaceException if the directory is a newer or unreadable workspace, or a
	 *             non-empty directory that is not a workspace
	 */
	static int readOrCreate(Path directory, String vigilVersion) throws WorkspaceException {
		Path file = directory.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			refuseForeignDirectory(directory);
			write(file, vigilVersion);
			return CURRENT;
		}
		int format = read(file);
		if (format > CURRENT) {
			throw new WorkspaceException("Workspace " + directory + " has layout version " + format
					+ ", newer than this Vigil understands (" + CURRENT + "); open it with a newer Vigil.");
		}
		return format;
	}

	private static void refuseForeignDirectory(Path directory) throws WorkspaceException {
		try (var entries = Files.list(directory)) {
			boolean foreign = entries.map(p -> p.getFileName().toString())
					.anyMatch(name -> !name.equals(WorkspaceLock.FILE_NAME) && !name.equals(".metadata"));
			if (foreign) {
				throw new WorkspaceException("Directory " + directory
						+ " is not empty and is not a Vigil workspace (it has no " + FILE_NAME
						+ "); choose an empty or new directory.");
			}
		} catch (IOException e) {
			throw new WorkspaceException("Cannot read directory " + directory + ": " + e.getMessage(), e);
		}
	}

	private static int read(Path file) throws WorkspaceException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		} catch (IOException e) {
			throw new WorkspaceException("Cannot read " + file + ": " + e.getMessage(), e);
		}
		String value = properties.getProperty(FORMAT_KEY);
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		} catch (NumberFormatException e) {
			throw new WorkspaceException(file + ": '" + FORMAT_KEY + "' must be a whole number, found '" + value
					+ "'; the file is damaged.", e);
		}
	}

	private static void write(Path file, String vigilVersion) throws WorkspaceException {
		Properties properties = new Properties();
		properties.setProperty(FORMAT_KEY, Integer.toString(CURRENT));
		properties.setProperty(CREATED_BY_KEY, "Vigil " + vigilVersion);
		Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
		try {
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				properties.store(writer, "Vigil workspace: do not edit");
			}
			moveIntoPlace(temporary, file);
		} catch (IOException e) {
			throw new WorkspaceException("Cannot write " + file + ": " + e.getMessage(), e);
		}
	}

	private static void moveIntoPlace(Path temporary, Path file) throws IOException {
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
