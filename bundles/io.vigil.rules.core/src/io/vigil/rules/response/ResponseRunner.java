package io.vigil.rules.response;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.collect.NamedThreads;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertStore;

/**
 * Runs the automated responses of stored alerts on threads of its own: {@link #run(Alert, List)}
 * returns at once, so that neither ingest nor the rule engine ever waits for a broker, a web hook
 * or a command. The actions of one alert run in order; each is bounded by a time limit (10 s
 * unless set otherwise), after which it is interrupted (a command is killed). Every run is
 * recorded on the alert with {@link AlertStore#recordAction}, as an {@link ActionRun} whose outcome
 * says what happened, a failure with its reason; the alert itself was stored before and is never
 * touched otherwise. Thread-safe.
 *
 * <p>
 * Kinds: {@code publish} (to a broker's {@code alerts} exchange, routing key {@code mozdef.alert},
 * with confirms), {@code file} (one JSON line appended), {@code http} (POSTed; a 2xx answer is
 * success) and {@code command} (a command configured in the environment, with the alert on
 * standard input; exit 0 is success). All send {@link AlertJson}.
 */
public final class ResponseRunner implements AutoCloseable {

	/** How long one action may take unless set otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** How many alerts may wait for their responses before new ones are refused. */
	public static final int QUEUE_LIMIT = 10_000;

	/** What an action gets beyond its limit to stop by itself (kill its command) before it is interrupted. */
	private static final Duration GRACE = Duration.ofSeconds(2);
	private static final int ALERT_THREADS = 2;
	private static final int ACTION_THREADS = 8;

	private final AlertStore store;
	private final Duration timeout;
	private final ThreadPoolExecutor alerts;
	private final ThreadPoolExecutor actions;
	private final ExecutorService httpThreads;
	private final HttpClient http;
	private final Map<String, ResponseAction> kinds;

	/** Makes a runner whose actions may take {@link #DEFAULT_TIMEOUT} each. */
	public ResponseRunner(AlertStore store, ResponseEnvironment environment) {
		this(store, environment, DEFAULT_TIMEOUT);
	}

	/**
	 * Makes a runner.
	 *
	 * @param store where the runs are recorded
	 * @param environment what the actions may reach
	 * @param timeout how long one action may take
	 */
	public ResponseRunner(AlertStore store, ResponseEnvironment environment, Duration timeout) {
		this.store = Objects.requireNonNull(store, "store");
		Objects.requireNonNull(environment, "environment");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("an action's time limit must be positive: " + timeout);
		}
		this.timeout = timeout;
		alerts = new ThreadPoolExecutor(ALERT_THREADS, ALERT_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(QUEUE_LIMIT), new NamedThreads("Vigil response"));
		alerts.allowCoreThreadTimeOut(true);
		// No queue: an action that outlives its time limit keeps its thread until it gives up, and
		// when all are taken a new action is refused at once rather than waiting behind them.
		actions = new ThreadPoolExecutor(0, ACTION_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new NamedThreads("Vigil response action"));
		httpThreads = Executors.newCachedThreadPool(new NamedThreads("Vigil response HTTP"));
		http = HttpClient.newBuilder().connectTimeout(timeout).executor(httpThreads)
				.followRedirects(HttpClient.Redirect.NEVER).build();
		kinds = Map.of("publish", new PublishAction(environment), "file", new FileAction(environment), "http",
				new HttpAction(http), "command", new CommandAction(environment));
	}

	/** Returns how long one action may take. */
	public Duration timeout() {
		return timeout;
	}

	/**
	 * Runs actions for a stored alert, in order, on the runner's threads, and records each run on
	 * the alert. Returns at once. When the runner is closed or {@link #QUEUE_LIMIT} alerts are waiting
	 * already, the actions are recorded at once as not run, with the reason.
	 *
	 * @return the runs as recorded, oldest first; it completes exceptionally with a
	 *         {@link WorkspaceException} when a run could not be recorded (the other runs still are)
	 */
	public CompletableFuture<List<ActionRun>> run(Alert alert, List<ActionSpec> specs) {
		Objects.requireNonNull(alert, "alert");
		List<ActionSpec> copy = List.copyOf(specs);
		CompletableFuture<List<ActionRun>> done = new CompletableFuture<>();
		if (copy.isEmpty()) {
			done.complete(List.of());
			return done;
		}
		try {
			alerts.execute(new AlertJob(alert, copy, done));
		} catch (RejectedExecutionException e) {
			String reason = alerts.isShutdown() ? "not run: Vigil's automated responses were stopped"
					: "not run: " + QUEUE_LIMIT + " alerts were already waiting for their responses";
			List<ActionRun> runs = new ArrayList<>();
			for (ActionSpec spec : copy) {
				runs.add(new ActionRun(spec.kind(), shownTarget(spec), store.clock().instant(), false, reason));
			}
			recordAll(alert, runs, done);
		}
		return done;
	}

	private void runAll(Alert alert, List<ActionSpec> specs, CompletableFuture<List<ActionRun>> done) {
		byte[] json = AlertJson.bytes(alert);
		List<ActionRun> runs = new ArrayList<>();
		WorkspaceException unrecorded = null;
		for (ActionSpec spec : specs) {
			ActionRun run = runOne(spec, alert, json);
			runs.add(run);
			// Each run is recorded as it ends, so that the alert shows the responses done so far.
			unrecorded = record(alert, run, unrecorded);
		}
		finish(done, runs, unrecorded);
	}

	private void recordAll(Alert alert, List<ActionRun> runs, CompletableFuture<List<ActionRun>> done) {
		WorkspaceException unrecorded = null;
		for (ActionRun run : runs) {
			unrecorded = record(alert, run, unrecorded);
		}
		finish(done, runs, unrecorded);
	}

	/** Records a run; returns the first failure to record one, this one's when it is the first. */
	private WorkspaceException record(Alert alert, ActionRun run, WorkspaceException first) {
		try {
			store.recordAction(alert.id(), run);
			return first;
		} catch (WorkspaceException | RuntimeException e) {
			return first != null ? first
					: e instanceof WorkspaceException workspace ? workspace
							: new WorkspaceException("cannot record an automated response: " + e.getMessage(), e);
		}
	}

	private static void finish(CompletableFuture<List<ActionRun>> done, List<ActionRun> runs,
			WorkspaceException unrecorded) {
		if (unrecorded == null) {
			done.complete(List.copyOf(runs));
		} else {
			done.completeExceptionally(unrecorded);
		}
	}

	/** Runs one action within the time limit; never throws. */
	private ActionRun runOne(ActionSpec given, Alert alert, byte[] json) {
		ActionSpec spec = new ActionSpec(given.kind() == null ? "" : given.kind(),
				given.target() == null ? "" : given.target(), given.options());
		Instant started = store.clock().instant();
		String target = shownTarget(spec);
		ResponseAction action = kinds.get(spec.kind());
		if (action == null) {
			return new ActionRun(spec.kind(), target, started, false,
					"unknown kind of action '" + spec.kind() + "' (expected " + String.join(", ", ActionSpec.KINDS) + ")");
		}
		Future<String> outcome;
		try {
			outcome = actions.submit(() -> action.run(spec, alert, json, timeout));
		} catch (RejectedExecutionException e) {
			return new ActionRun(spec.kind(), target, started, false, actions.isShutdown()
					? "not run: Vigil's automated responses were stopped"
					: "not run: " + ACTION_THREADS + " earlier actions are still running past their time limit");
		}
		try {
			return new ActionRun(spec.kind(), target, started, true,
					outcome.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS));
		} catch (TimeoutException e) {
			outcome.cancel(true);
			return new ActionRun(spec.kind(), target, started, false,
					"no result after " + timeout.toMillis() + " ms; interrupted");
		} catch (ExecutionException e) {
			return new ActionRun(spec.kind(), target, started, false, reason(e.getCause()));
		} catch (InterruptedException e) {
			outcome.cancel(true);
			Thread.currentThread().interrupt();
			return new ActionRun(spec.kind(), target, started, false, "not finished: Vigil's responses were stopped");
		}
	}

	private String shownTarget(ActionSpec spec) {
		ResponseAction action = spec.kind() == null ? null : kinds.get(spec.kind());
		String target = spec.target() == null ? "" : spec.target();
		return action == null ? target : action.shownTarget(new ActionSpec(spec.kind(), target, spec.options()));
	}

	/** Returns why an action failed, for a person. */
	static String reason(Throwable failure) {
		if (failure instanceof ResponseAction.ActionFailedException) {
			return failure.getMessage();
		}
		String message = failure.getMessage();
		String kind = failure.getClass().getSimpleName();
		if (failure instanceof java.net.http.HttpTimeoutException) {
			return "no answer in time: " + message;
		}
		if (failure instanceof java.net.ConnectException && (message == null || message.isBlank())) {
			return "connection refused";
		}
		return message == null || message.isBlank() ? kind : kind + ": " + message;
	}

	/**
	 * Stops running responses: takes no more, and gives those under way and waiting one time limit
	 * to finish. Then the actions still running are interrupted, and alerts still waiting are not
	 * run: nothing is recorded for them and their futures are cancelled.
	 */
	@Override
	public void close() {
		alerts.shutdown();
		try {
			if (!alerts.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				cancel(alerts.shutdownNow());
			}
		} catch (InterruptedException e) {
			cancel(alerts.shutdownNow());
			Thread.currentThread().interrupt();
		} finally {
			actions.shutdownNow();
			http.shutdownNow();
			httpThreads.shutdownNow();
		}
	}

	private static void cancel(List<Runnable> waiting) {
		for (Runnable job : waiting) {
			if (job instanceof AlertJob alertJob) {
				alertJob.done.cancel(false);
			}
		}
	}

	/** The responses of one alert. */
	private final class AlertJob implements Runnable {

		private final Alert alert;
		private final List<ActionSpec> specs;
		private final CompletableFuture<List<ActionRun>> done;

		AlertJob(Alert alert, List<ActionSpec> specs, CompletableFuture<List<ActionRun>> done) {
			this.alert = alert;
			this.specs = specs;
			this.done = done;
		}

		@Override
		public void run() {
			try {
				runAll(alert, specs, done);
			} catch (RuntimeException | Error e) {
				done.completeExceptionally(e);
				throw e;
			}
		}
	}
}
