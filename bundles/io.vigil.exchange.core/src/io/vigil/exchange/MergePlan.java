package io.vigil.exchange;

import java.util.List;
import java.util.Map;

/**
 * What merging a bundle into a workspace would do, object by object; nothing is written until
 * {@link ExchangeBundles#merge}.
 *
 * @param bundle the verified bundle
 * @param items one per object of the bundle, in its order
 * @param participants the participant that stores each object type
 */
public record MergePlan(VerifiedBundle bundle, List<Item> items, Map<String, ExchangeParticipant> participants) {

	/**
	 * The plan for one object.
	 *
	 * @param theirs the bundle's object
	 * @param action what the merge does with it
	 * @param theirsHash the content hash of the bundle's copy
	 * @param oursHash the content hash of the workspace's copy, or {@code null} when it has none
	 * @param baseHash the content hash as last exchanged, or {@code null} when never exchanged
	 */
	public record Item(ExchangeObject theirs, MergeAction action, String theirsHash, String oursHash, String baseHash) {
	}

	/** Copies the lists. */
	public MergePlan {
		items = List.copyOf(items);
		participants = Map.copyOf(participants);
	}

	/** Returns the items with an action. */
	public List<Item> items(MergeAction action) {
		return items.stream().filter(item -> item.action() == action).toList();
	}
}
