package io.vigil.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The health of one place events come from: a collector connection, the HTTP intake, or a sensor
 * host. It counts events and rejects, measures the rate over the last ten seconds and the lag
 * between an event's time and its arrival, and keeps the source's state. Thread-safe.
 */
public final class SourceStats {

	/** What kind of source. */
	public enum Kind {
		/** A RabbitMQ collector connection. */
		CONNECTION,
		/** The HTTP intake. */
		HTTP_INTAKE,
		/** A host whose sensor publishes to a connection. */
		SENSOR_HOST
	}

	/**
	 * A reading of a source's health.
	 *
	 * @param name the source's name
	 * @param kind its kind
	 * @param state its state, in a word or two ({@code connected}, {@code reconnecting: ...})
	 * @param total events stored since Vigil started
	 * @param rejected events refused since Vigil started
	 * @param perSecond events per second over the last ten seconds
	 * @param lastEvent the time of the newest event received, or {@code null}
	 * @param lastArrival when the newest event arrived, or {@code null}
	 * @param lag how late events arrive: arrival minus event time, smoothed
	 * @param silent whether nothing arrived for longer than the source's silence setting
	 */
	public record Reading(String name, Kind kind, String state, long total, long rejected, double perSecond,
			Instant lastEvent, Instant lastArrival, Duration lag, boolean silent) {
	}

	private static final int SECONDS = 10;

	private final String name;
	private final Kind kind;
	private final Duration silence;
	private final Clock clock;
	private final long[] perSecond = new long[SECONDS];
	private final long[] second = new long[SECONDS];
	private String state = "starting";
	private long total;
	private long rejected;
	private Instant lastEvent;
	private Instant lastArrival;
	private double lagMillis = -1;
	private final Instant started;

	/**
	 * Creates the stats of a source.
	 *
	 * @param silence how long the source may stay silent before it is flagged
	 */
	public SourceStats(String name, Kind kind, Duration silence, Clock clock) {
		this.name = name;
		this.kind = kind;
		this.silence = silence;
		this.clock = clock;
		this.started = clock.instant();
	}

	/** Returns the source's name. */
	public String name() {
		return name;
	}

	/** Counts an event stored. */
	public synchronized void stored(Instant eventTime) {
		Instant now = clock.instant();
		if (kind == Kind.SENSOR_HOST) {
			// A sensor host has no connection of its own: it is known by what it sends.
			state = "reporting";
		}
		total++;
		tick(now);
		lastArrival = now;
		if (lastEvent == null || eventTime.isAfter(lastEvent)) {
			lastEvent = eventTime;
		}
		double lag = Math.max(0, Duration.between(eventTime, now).toMillis());
		lagMillis = lagMillis < 0 ? lag : lagMillis * 0.9 + lag * 0.1;
	}

	/** Counts an event refused. */
	public synchronized void rejected() {
		rejected++;
	}

	/** Sets the state shown for the source. */
	public synchronized void state(String text) {
		state = text;
	}

	private void tick(Instant now) {
		long secondNow = now.getEpochSecond();
		int slot = Math.floorMod(secondNow, SECONDS);
		if (second[slot] != secondNow) {
			second[slot] = secondNow;
			perSecond[slot] = 0;
		}
		perSecond[slot]++;
	}

	/** Reads the source's health now. */
	public synchronized Reading read() {
		Instant now = clock.instant();
		long secondNow = now.getEpochSecond();
		long recent = 0;
		for (int i = 0; i < SECONDS; i++) {
			if (secondNow - second[i] < SECONDS && secondNow != second[i]) {
				recent += perSecond[i];
			}
		}
		Instant heard = lastArrival != null ? lastArrival : started;
		boolean silent = Duration.between(heard, now).compareTo(silence) > 0;
		return new Reading(name, kind, state, total, rejected, recent / (double) (SECONDS - 1), lastEvent, lastArrival,
				lagMillis < 0 ? Duration.ZERO : Duration.ofMillis((long) lagMillis), silent);
	}
}
