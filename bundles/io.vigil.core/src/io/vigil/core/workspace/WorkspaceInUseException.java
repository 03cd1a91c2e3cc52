package io.vigil.core.workspace;

/** The workspace is already open in another Vigil process (or elsewhere in this one). */
public final class WorkspaceInUseException extends WorkspaceException {

	private static final long serialVersionUID = 1L;

	/** Creates an exception whose message names the workspace and its current owner. */
	public WorkspaceInUseException(String message) {
		super(message);
	}
}
