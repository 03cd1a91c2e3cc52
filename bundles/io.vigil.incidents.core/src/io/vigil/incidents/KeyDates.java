package io.vigil.incidents;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When an incident was detected, reported, verified, contained, mitigated and closed; each is
 * {@code null} until known.
 */
public record KeyDates(Instant detected, Instant reported, Instant verified, Instant contained, Instant mitigated,
		Instant closed) {

	/** No date known. */
	public static final KeyDates NONE = new KeyDates(null, null, null, null, null, null);

	/** Returns one date, empty when not known. */
	public Optional<Instant> get(KeyDate date) {
		return Optional.ofNullable(switch (date) {
			case DETECTED -> detected;
			case REPORTED -> reported;
			case VERIFIED -> verified;
			case CONTAINED -> contained;
			case MITIGATED -> mitigated;
			case CLOSED -> closed;
		});
	}

	/** Returns these dates with one set ({@code null} to forget it). */
	public KeyDates with(KeyDate date, Instant value) {
		Map<KeyDate, Instant> all = asMap();
		if (value == null) {
			all.remove(date);
		} else {
			all.put(date, value);
		}
		return new KeyDates(all.get(KeyDate.DETECTED), all.get(KeyDate.REPORTED), all.get(KeyDate.VERIFIED),
				all.get(KeyDate.CONTAINED), all.get(KeyDate.MITIGATED), all.get(KeyDate.CLOSED));
	}

	/** Returns the known dates, in the order of {@link KeyDate}. */
	public Map<KeyDate, Instant> asMap() {
		Map<KeyDate, Instant> all = new EnumMap<>(KeyDate.class);
		for (KeyDate date : KeyDate.values()) {
			get(date).ifPresent(value -> all.put(date, value));
		}
		return all;
	}
}
