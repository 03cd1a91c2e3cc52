package io.vigil.exchange;

import java.util.List;

/**
 * What a merge did.
 *
 * @param stored references of the objects added or replaced
 * @param keptOurs references of the conflicts decided for the workspace's copy
 * @param skipped references of objects no capability could store
 */
public record MergeResult(List<String> stored, List<String> keptOurs, List<String> skipped) {

	/** Copies the lists. */
	public MergeResult {
		stored = List.copyOf(stored);
		keptOurs = List.copyOf(keptOurs);
		skipped = List.copyOf(skipped);
	}
}
