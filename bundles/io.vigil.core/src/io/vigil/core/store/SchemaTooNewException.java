package io.vigil.core.store;

/**
 * The workspace holds a schema written by a newer Vigil than this one. Vigil refuses to touch such
 * a database rather than risk corrupting data it does not understand.
 */
public final class SchemaTooNewException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String component;
	private final int found;
	private final int supported;

	/** Creates the exception for a component whose stored version is above the supported one. */
	public SchemaTooNewException(String component, int found, int supported) {
		super("the '" + component + "' data has schema version " + found + ", but this Vigil knows versions up to "
				+ supported + "; open the workspace with a newer Vigil");
		this.component = component;
		this.found = found;
		this.supported = supported;
	}

	/** Returns the component whose schema is too new. */
	public String component() {
		return component;
	}

	/** Returns the version found in the workspace. */
	public int found() {
		return found;
	}

	/** Returns the newest version this Vigil supports. */
	public int supported() {
		return supported;
	}
}
