package io.vigil.events.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bloom filter of the event ids a partition's writer added since it opened. It answers "surely
 * new" or "maybe seen", so that the writer adds new events directly and replaces only those that
 * may be there already; a wrong "maybe" costs a replace, never a duplicate. It grows by adding
 * larger filters as ids arrive. Thread-safe.
 */
final class IdFilter {

	private static final int HASHES = 3;
	private static final int FIRST_BITS = 1 << 23;
	/** Ids per filter before the next, larger one starts: about one bit in six set. */
	private static final double LOAD = 1.0 / 6;

	private final List<long[]> filters = new ArrayList<>();
	private long[] current;
	private long capacity;
	private long added;

	IdFilter() {
		start(FIRST_BITS);
	}

	private void start(int bits) {
		current = new long[bits / 64];
		filters.add(current);
		capacity = (long) (bits * LOAD / HASHES);
		added = 0;
	}

	/**
	 * Records an id and says whether it may have been recorded before.
	 *
	 * @param id an id from {@link EventIds}: 32 hexadecimal digits
	 */
	synchronized boolean addAndCheck(String id) {
		long high = Long.parseUnsignedLong(id, 0, 16, 16);
		long low = Long.parseUnsignedLong(id, 16, 32, 16);
		boolean maybe = false;
		for (long[] filter : filters) {
			maybe |= contains(filter, high, low);
		}
		set(current, high, low);
		if (++added >= capacity && current.length < (1 << 26)) {
			start(current.length * 64 * 2);
		}
		return maybe;
	}

	private static boolean contains(long[] filter, long high, long low) {
		long bits = filter.length * 64L;
		for (int i = 0; i < HASHES; i++) {
			long bit = Math.floorMod(low + i * high, bits);
			if ((filter[(int) (bit >>> 6)] & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	private static void set(long[] filter, long high, long low) {
		long bits = filter.length * 64L;
		for (int i = 0; i < HASHES; i++) {
			long bit = Math.floorMod(low + i * high, bits);
			filter[(int) (bit >>> 6)] |= 1L << bit;
		}
	}
}
