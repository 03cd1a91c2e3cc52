package io.vigil.exchange;

/** How a conflict is decided. */
public enum MergeDecision {
	/** Keep the workspace's copy. */
	OURS,
	/** Take the bundle's copy. */
	THEIRS
}
