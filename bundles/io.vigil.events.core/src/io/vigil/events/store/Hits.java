package io.vigil.events.store;

/**
 * Matching events in display order, as document numbers of their snapshot. Reading a row costs
 * one stored-document lookup, so a view can page through millions of rows without loading them.
 */
public final class Hits {

	private final int[] docs;

	Hits(int[] docs) {
		this.docs = docs;
	}

	/** Returns the number of rows. */
	public int size() {
		return docs.length;
	}

	/** Returns the snapshot's document number of row {@code i}. */
	public int doc(int i) {
		return docs[i];
	}
}
