package io.vigil.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import io.vigil.core.workspace.WorkspaceException;

/**
 * The workspace's rules, in its Derby database: each with its text, version and whether it is
 * enabled. Thread-safe.
 */
public final class RuleLibrary {

	/** Returns every rule, by title. */
	public List<LibraryRule> list() throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Returns a rule by id. */
	public Optional<LibraryRule> get(String id) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/**
	 * Saves the rules of a text (new ones, or new versions of those with the same ids). A rule
	 * saved with problems is kept, disabled, with its problems, so that it can be mended.
	 *
	 * @return the rules saved
	 */
	public List<LibraryRule> save(String text, String file) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Enables or disables a rule. */
	public void setEnabled(String id, boolean enabled) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/** Deletes a rule. */
	public void delete(String id) throws WorkspaceException {
		throw new UnsupportedOperationException();
	}

	/**
	 * Imports a rule file, or every {@code .yml}, {@code .yaml} and {@code .json} file under a
	 * folder. Imported rules start disabled; rules that cannot run are reported, not imported.
	 */
	public ImportReport importPath(Path path, IProgressMonitor monitor) throws WorkspaceException, IOException {
		throw new UnsupportedOperationException();
	}

	/**
	 * Returns the enabled rules compiled, with the rules their correlations refer to (those not
	 * enabled themselves raise no alerts of their own).
	 */
	public List<Rule> enabledRules() throws WorkspaceException {
		throw new UnsupportedOperationException();
	}
}
