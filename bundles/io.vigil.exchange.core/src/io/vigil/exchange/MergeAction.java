package io.vigil.exchange;

/** What a merge does with one object of a bundle. */
public enum MergeAction {
	/** The workspace does not have it: added. */
	ADD,
	/** The workspace has it identical: nothing to do. */
	SAME,
	/** Only the bundle changed it since the last exchange: the bundle's copy replaces the workspace's. */
	UPDATE,
	/** Only the workspace changed it since the last exchange: the workspace's copy stays. */
	KEEP,
	/** Both changed it since the last exchange (or it was never exchanged and differs): a person decides. */
	CONFLICT,
	/** No installed capability stores objects of its type: left out. */
	UNSUPPORTED
}
