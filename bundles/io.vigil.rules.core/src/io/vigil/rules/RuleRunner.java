package io.vigil.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.collect.NamedThreads;
import io.vigil.collect.StopSignal;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.store.EventStore;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.eval.RuleEngine;
import io.vigil.rules.response.ResponseRunner;

/**
 * Runs the library's enabled rules on every event added to a store: the engine looks at each
 * event on the adding thread, and one writer thread stores what it raises and starts the rules'
 * responses, so that ingest never waits for the database. Dead-man rules are checked every
 * second against the wall clock.
 */
public final class RuleRunner implements AutoCloseable {

	/** Raised alerts waiting to be stored; a full queue makes ingest wait rather than lose one. */
	private static final int QUEUE = 10_000;
	/** At most this many alerts are stored in one transaction. */
	private static final int BATCH = 500;
	/** How long the writer gathers alerts before it stores them. */
	private static final Duration GATHER = Duration.ofMillis(250);

	private final EventStore store;
	private final RuleLibrary library;
	private final AlertStore alerts;
	private final ResponseRunner responses;
	private final Clock clock;
	private final Consumer<String> warnings;
	private final RuleEngine engine;
	private final BlockingQueue<AlertDraft> raised = new ArrayBlockingQueue<>(QUEUE);
	private final StopSignal stop = new StopSignal();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private final AtomicLong stored = new AtomicLong();
	private final AtomicLong pending = new AtomicLong();
	private final EventStore.Tap tap = this::added;
	private volatile Map<String, Rule> rules = Map.of();
	private Thread writer;
	private Thread ticker;

	/**
	 * Makes a runner; {@link #start()} attaches it.
	 *
	 * @param responses runs the rules' automated responses; the runner closes it
	 * @param warnings told (on any thread) what went wrong storing an alert
	 */
	public RuleRunner(EventStore store, RuleLibrary library, AlertStore alerts, ResponseRunner responses, Clock clock,
			Consumer<String> warnings) {
		this.store = store;
		this.library = library;
		this.alerts = alerts;
		this.responses = responses;
		this.clock = clock;
		this.warnings = warnings;
		this.engine = new RuleEngine(this::enqueue);
	}

	/** Loads the enabled rules and starts looking at added events. */
	public synchronized void start() throws WorkspaceException {
		reload();
		writer = new NamedThreads("vigil-alert-writer").newThread(this::write);
		writer.start();
		ticker = new NamedThreads("vigil-deadman-ticker").newThread(this::tick);
		ticker.start();
		store.addTap(tap);
	}

	/** Takes up the library's enabled rules as they are now. */
	public synchronized void reload() throws WorkspaceException {
		List<Rule> enabled = library.enabledRules();
		Map<String, Rule> byId = new HashMap<>();
		enabled.forEach(rule -> byId.put(rule.id(), rule));
		rules = Map.copyOf(byId);
		engine.setRules(enabled, clock.instant());
	}

	/** Returns the ids of the rules running now (enabled ones and those their correlations use). */
	public List<String> running() {
		return engine.ruleIds();
	}

	/** Adds a listener told (on the writer thread) after alerts were stored. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	/** Removes a listener. */
	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/** Returns how many alerts were stored since the start. */
	public long stored() {
		return stored.get();
	}

	/**
	 * Waits until every alert raised so far is stored.
	 *
	 * @return whether that happened within the timeout
	 */
	public boolean awaitStored(long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (pending.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

	private void added(String id, Instant time, ObjectNode event) {
		try {
			engine.accept(id, time, event);
		} catch (RuntimeException e) {
			warnings.accept("a rule failed on event " + id + ": " + e);
		}
	}

	private void enqueue(AlertDraft draft) {
		pending.incrementAndGet();
		try {
			raised.put(draft);
		} catch (InterruptedException e) {
			pending.decrementAndGet();
			Thread.currentThread().interrupt();
		}
	}

	private void write() {
		List<AlertDraft> batch = new ArrayList<>(BATCH);
		while (!stop.stopped() || !raised.isEmpty()) {
			try {
				AlertDraft first = raised.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			// Alerts raised within a quarter of a second are stored in one transaction: a steady
			// trickle of alerts costs four disk syncs a second, not one per alert, and the syncs do
			// not compete with the event store's.
			gather(batch);
			store(batch);
			pending.addAndGet(-batch.size());
			batch.clear();
			if (raised.isEmpty()) {
				listeners.forEach(Runnable::run);
			}
		}
	}

	private void gather(List<AlertDraft> batch) {
		long deadline = System.nanoTime() + GATHER.toNanos();
		while (batch.size() < BATCH) {
			raised.drainTo(batch, BATCH - batch.size());
			long left = deadline - System.nanoTime();
			if (left <= 0 || batch.size() >= BATCH || stop.stopped()) {
				return;
			}
			try {
				AlertDraft next = raised.poll(left, TimeUnit.NANOSECONDS);
				if (next != null) {
					batch.add(next);
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void store(List<AlertDraft> batch) {
		try {
			for (Alert alert : alerts.raiseAll(batch)) {
				stored.incrementAndGet();
				Rule rule = rules.get(alert.draft().ruleId());
				if (rule != null && !rule.header().actions().isEmpty()) {
					responses.run(alert, rule.header().actions())
							.whenComplete((runs, failure) -> listeners.forEach(Runnable::run));
				}
			}
		} catch (WorkspaceException | RuntimeException e) {
			warnings.accept("cannot store " + batch.size() + " alerts of rule " + batch.get(0).ruleId() + " and others: "
					+ e.getMessage());
		}
	}

	private void tick() {
		while (stop.pause(Duration.ofSeconds(1))) {
			try {
				engine.tick(clock.instant());
			} catch (RuntimeException e) {
				warnings.accept("a dead-man rule failed: " + e);
			}
		}
	}

	/** Stops looking at events, and stores what was raised before. */
	@Override
	public void close() throws InterruptedException {
		store.removeTap(tap);
		stop.stop();
		if (writer != null) {
			writer.join(10_000);
		}
		if (ticker != null) {
			ticker.join(10_000);
		}
		responses.close();
	}
}
