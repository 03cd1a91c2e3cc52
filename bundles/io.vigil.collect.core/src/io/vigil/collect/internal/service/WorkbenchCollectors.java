package io.vigil.collect.internal.service;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.vigil.collect.CollectorException;
import io.vigil.collect.CollectorService;
import io.vigil.collect.ConnectionDefinition;
import io.vigil.collect.HttpIntakeOptions;
import io.vigil.collect.IntakeLog;
import io.vigil.collect.LiveIntake;
import io.vigil.collect.NamedThreads;
import io.vigil.collect.SecretStore;
import io.vigil.collect.SecretStoreException;
import io.vigil.collect.SourceHealth;
import io.vigil.collect.SourceRegistry;
import io.vigil.collect.SourceStats;
import io.vigil.collect.amqp.AmqpCheck;
import io.vigil.collect.amqp.AmqpCollector;
import io.vigil.collect.amqp.AmqpSettingsException;
import io.vigil.collect.http.HttpIntake;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/**
 * The collector service of a workbench: connections kept in the workspace database, their secrets
 * in a {@link SecretStore}, and a collector running for each enabled one on a shared live intake.
 * Definitions change under this object's lock; collectors and the HTTP intake start and stop on
 * one thread of their own, in the order the changes were made.
 */
final class WorkbenchCollectors implements CollectorService, AutoCloseable {

	static final String HTTP_ENABLED = "collect.http.enabled";
	static final String HTTP_HOST = "collect.http.host";
	static final String HTTP_PORT = "collect.http.port";
	static final String HTTP_MAX_BYTES = "collect.http.maxBytes";
	static final String SILENCE = "collect.silence.seconds";

	private final Workspace workspace;
	private final LiveIntake live;
	private final SecretStore secrets;
	private final IntakeLog log;
	private final Clock clock;
	private final ConnectionRecords records;
	private final Map<String, ConnectionDefinition> definitions = new ConcurrentHashMap<>();
	private final Map<String, AmqpCollector> running = new ConcurrentHashMap<>();
	private final Map<String, String> registeredNames = new ConcurrentHashMap<>();
	private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(new NamedThreads("Vigil collector service"));
	private volatile HttpIntakeOptions httpOptions;
	private volatile boolean httpEnabled;
	private volatile Duration defaultSilence;
	private volatile int httpPort = -1;
	private volatile String httpProblem;
	private HttpIntake http;

	WorkbenchCollectors(Workspace workspace, LiveIntake live, SecretStore secrets, IntakeLog log, Clock clock) {
		this.workspace = workspace;
		this.live = live;
		this.secrets = secrets;
		this.log = log;
		this.clock = clock;
		this.records = new ConnectionRecords(workspace.database());
	}

	/** Reads the settings and starts what is enabled. */
	void start() throws WorkspaceException, SQLException {
		for (ConnectionDefinition definition : records.load()) {
			definitions.put(definition.id(), definition);
			apply(definition.id());
		}
		HttpIntakeOptions defaults = HttpIntakeOptions.defaults();
		httpOptions = new HttpIntakeOptions(workspace.property(HTTP_HOST).orElse(defaults.host()),
				intProperty(HTTP_PORT, defaults.port()), intProperty(HTTP_MAX_BYTES, defaults.maxBytes()));
		httpEnabled = workspace.property(HTTP_ENABLED).map(Boolean::parseBoolean).orElse(false);
		defaultSilence = Duration.ofSeconds(intProperty(SILENCE, (int) SourceRegistry.DEFAULT_SILENCE.toSeconds()));
		if (httpEnabled) {
			lifecycle.execute(this::restartHttp);
		}
	}

	private int intProperty(String name, int fallback) throws WorkspaceException {
		Optional<String> value = workspace.property(name);
		try {
			return value.isEmpty() ? fallback : Integer.parseInt(value.get().strip());
		} catch (NumberFormatException e) {
			log.warn("the workspace setting " + name + " is not a number (" + value.get() + "); using " + fallback);
			return fallback;
		}
	}

	@Override
	public List<ConnectionDefinition> connections() {
		List<ConnectionDefinition> sorted = new ArrayList<>(definitions.values());
		sorted.sort(Comparator.comparing(ConnectionDefinition::name, String.CASE_INSENSITIVE_ORDER));
		return sorted;
	}

	@Override
	public synchronized ConnectionDefinition add(ConnectionDefinition connection, Secrets given) throws CollectorException {
		ConnectionDefinition added = connection.withId(UUID.randomUUID().toString());
		check(added);
		keepSecrets(added.id(), given);
		save(added);
		apply(added.id());
		return added;
	}

	@Override
	public synchronized void update(ConnectionDefinition connection, Secrets given) throws CollectorException {
		if (connection.id() == null || !definitions.containsKey(connection.id())) {
			throw new CollectorException("there is no connection '" + connection.name() + "' to change; it was removed");
		}
		check(connection);
		keepSecrets(connection.id(), given);
		save(connection);
		apply(connection.id());
	}

	@Override
	public synchronized void remove(String id) throws CollectorException {
		ConnectionDefinition removed = definitions.get(id);
		if (removed == null) {
			return;
		}
		try {
			records.remove(id);
			secrets.forget(id);
		} catch (SQLException e) {
			throw new CollectorException("cannot remove connection '" + removed.name() + "' from the workspace: "
					+ e.getMessage(), e);
		} catch (SecretStoreException e) {
			throw new CollectorException("connection '" + removed.name() + "' was removed, but its secrets were not: "
					+ e.getMessage(), e);
		} finally {
			definitions.remove(id);
			apply(id);
		}
	}

	@Override
	public synchronized void setEnabled(String id, boolean enabled) throws CollectorException {
		ConnectionDefinition definition = definitions.get(id);
		if (definition == null) {
			throw new CollectorException("there is no such connection; it was removed");
		}
		if (definition.enabled() != enabled) {
			save(definition.withEnabled(enabled));
			apply(id);
		}
	}

	@Override
	public String check(ConnectionDefinition connection, Secrets given) throws CollectorException {
		checkSettings(connection);
		try {
			char[] password = secret(connection.id(), PASSWORD, given.password());
			char[] trustStorePassword = secret(connection.id(), TRUST_STORE_PASSWORD, given.trustStorePassword());
			return AmqpCheck.check(connection.settings(password, trustStorePassword));
		} catch (SecretStoreException e) {
			throw new CollectorException("cannot read the connection's secrets: " + e.getMessage(), e);
		} catch (AmqpSettingsException e) {
			throw new CollectorException(e.getMessage(), e);
		}
	}

	private char[] secret(String id, String key, char[] given) throws SecretStoreException {
		if (given != null) {
			return given.length == 0 ? null : given;
		}
		return id == null ? null : secrets.read(id, key);
	}

	private void check(ConnectionDefinition connection) throws CollectorException {
		for (ConnectionDefinition other : definitions.values()) {
			if (other.name().equals(connection.name()) && !other.id().equals(connection.id())) {
				throw new CollectorException("there is already a connection named '" + connection.name() + "'");
			}
		}
		checkSettings(connection);
	}

	private static void checkSettings(ConnectionDefinition connection) throws CollectorException {
		if (connection.name().isBlank()) {
			throw new CollectorException("a connection needs a name");
		}
		if (connection.trustStore() != null && !Files.isReadable(connection.trustStore())) {
			throw new CollectorException("connection '" + connection.name() + "': the trust store "
					+ connection.trustStore() + " does not exist or cannot be read");
		}
		try {
			if (new URI(connection.uri()).getRawUserInfo() != null) {
				throw new CollectorException("connection '" + connection.name() + "': put the user and password in their"
						+ " own fields, not in the URI, which is saved in plain text");
			}
			connection.settings(null, null).connectionFactory();
		} catch (URISyntaxException e) {
			throw new CollectorException("connection '" + connection.name() + "': the URI " + connection.uri()
					+ " is not valid: " + e.getMessage(), e);
		} catch (AmqpSettingsException e) {
			throw new CollectorException(e.getMessage(), e);
		}
	}

	private void keepSecrets(String id, Secrets given) throws CollectorException {
		try {
			if (given.password() != null) {
				secrets.write(id, PASSWORD, given.password());
			}
			if (given.trustStorePassword() != null) {
				secrets.write(id, TRUST_STORE_PASSWORD, given.trustStorePassword());
			}
		} catch (SecretStoreException e) {
			throw new CollectorException("cannot keep the connection's secrets: " + e.getMessage(), e);
		}
	}

	private void save(ConnectionDefinition connection) throws CollectorException {
		try {
			records.save(connection);
		} catch (SQLException e) {
			throw new CollectorException("cannot save connection '" + connection.name() + "' in the workspace: "
					+ e.getMessage(), e);
		}
		definitions.put(connection.id(), connection);
	}

	/** Brings a connection's collector in line with its definition, on the lifecycle thread. */
	private void apply(String id) {
		lifecycle.execute(() -> {
			restart(id);
			fire();
		});
		fire();
	}

	private void restart(String id) {
		AmqpCollector old = running.remove(id);
		if (old != null) {
			old.close();
		}
		String oldName = registeredNames.remove(id);
		if (oldName != null) {
			live.registry().remove(oldName, SourceStats.Kind.CONNECTION);
		}
		ConnectionDefinition definition = definitions.get(id);
		if (definition == null) {
			return;
		}
		registeredNames.put(id, definition.name());
		firstSeen.put(key(SourceStats.Kind.CONNECTION, definition.name()), clock.instant());
		// Registered first, so that the collector counts against this connection's silence setting.
		SourceStats stats = live.registry().source(definition.name(), SourceStats.Kind.CONNECTION, definition.silence());
		if (!definition.enabled()) {
			stats.state(SourceHealth.DISABLED);
			return;
		}
		try {
			AmqpCollector collector = new AmqpCollector(
					definition.settings(secrets.read(id, PASSWORD), secrets.read(id, TRUST_STORE_PASSWORD)), live.intake(),
					live.commits(), live.registry(), log, workers());
			running.put(id, collector);
			collector.start();
		} catch (SecretStoreException e) {
			stats.state("stopped: cannot read its secrets");
			log.warn("connection '" + definition.name() + "' not started: " + e.getMessage());
		}
	}

	private static int workers() {
		return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	@Override
	public Optional<ConnectionStatus> status(String id) {
		AmqpCollector collector = running.get(id);
		if (collector != null) {
			return Optional.of(new ConnectionStatus(collector.state(), collector.detail()));
		}
		ConnectionDefinition definition = definitions.get(id);
		return definition == null ? Optional.empty()
				: Optional.of(new ConnectionStatus(AmqpCollector.State.STOPPED, definition.enabled() ? "" : SourceHealth.DISABLED));
	}

	@Override
	public boolean hasSecret(String owner, String key) {
		try {
			char[] secret = secrets.read(owner, key);
			return secret != null && secret.length > 0;
		} catch (SecretStoreException e) {
			return false;
		}
	}

	@Override
	public HttpIntakeOptions httpIntakeOptions() {
		return httpOptions;
	}

	@Override
	public synchronized void configureHttpIntake(HttpIntakeOptions options, char[] token) throws CollectorException {
		if (options.port() < 1 || options.port() > 65_535) {
			throw new CollectorException("the HTTP intake's port " + options.port() + " is not between 1 and 65535");
		}
		if (options.host() == null || options.host().isBlank()) {
			throw new CollectorException("the HTTP intake needs an address to listen on, such as 127.0.0.1");
		}
		if (options.maxBytes() < 1024) {
			throw new CollectorException("the HTTP intake's largest body must be at least 1024 bytes");
		}
		try {
			if (token != null) {
				secrets.write(HTTP_INTAKE, TOKEN, token);
			}
			workspace.setProperty(HTTP_HOST, options.host().strip());
			workspace.setProperty(HTTP_PORT, Integer.toString(options.port()));
			workspace.setProperty(HTTP_MAX_BYTES, Integer.toString(options.maxBytes()));
		} catch (SecretStoreException | WorkspaceException e) {
			throw new CollectorException("cannot save the HTTP intake's settings: " + e.getMessage(), e);
		}
		httpOptions = new HttpIntakeOptions(options.host().strip(), options.port(), options.maxBytes());
		if (httpEnabled) {
			lifecycle.execute(this::restartHttp);
		}
		fire();
	}

	@Override
	public synchronized void setHttpIntakeEnabled(boolean enabled) throws CollectorException {
		try {
			workspace.setProperty(HTTP_ENABLED, Boolean.toString(enabled));
		} catch (WorkspaceException e) {
			throw new CollectorException("cannot save the HTTP intake's setting: " + e.getMessage(), e);
		}
		httpEnabled = enabled;
		lifecycle.execute(this::restartHttp);
		fire();
	}

	private void restartHttp() {
		if (http != null) {
			http.close();
			http = null;
			httpPort = -1;
		}
		httpProblem = null;
		if (httpEnabled) {
			HttpIntakeOptions options = httpOptions;
			try {
				char[] token = secrets.read(HTTP_INTAKE, TOKEN);
				HttpIntake intake = new HttpIntake(options.settings(token == null ? null : new String(token)), live, log);
				startHttp(intake, options);
			} catch (SecretStoreException e) {
				httpProblem = "cannot read the bearer token: " + e.getMessage();
				log.warn("HTTP intake not started: " + httpProblem);
			}
		}
		fire();
	}

	private void startHttp(HttpIntake intake, HttpIntakeOptions options) {
		try {
			intake.start();
			http = intake;
			httpPort = intake.port();
			firstSeen.put(key(SourceStats.Kind.HTTP_INTAKE, "*"), clock.instant());
		} catch (IOException | RuntimeException e) {
			intake.close();
			httpProblem = String.format(Locale.ROOT, "cannot listen on %s:%d: %s", options.host(), options.port(),
					e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
			log.warn("HTTP intake not started: " + httpProblem);
		}
	}

	@Override
	public boolean httpIntakeEnabled() {
		return httpEnabled;
	}

	@Override
	public int httpIntakePort() {
		return httpPort;
	}

	@Override
	public Optional<String> httpIntakeProblem() {
		return Optional.ofNullable(httpProblem);
	}

	@Override
	public Duration defaultSilence() {
		return defaultSilence;
	}

	@Override
	public synchronized void setDefaultSilence(Duration silence) throws CollectorException {
		if (silence.toSeconds() < 60) {
			throw new CollectorException("a source may not be flagged as silent after less than a minute");
		}
		try {
			workspace.setProperty(SILENCE, Long.toString(silence.toSeconds()));
		} catch (WorkspaceException e) {
			throw new CollectorException("cannot save the silence setting: " + e.getMessage(), e);
		}
		defaultSilence = silence;
		fire();
	}

	@Override
	public SourceRegistry registry() {
		return live.registry();
	}

	@Override
	public List<SourceHealth> health() {
		Instant now = clock.instant();
		List<SourceHealth> rows = new ArrayList<>();
		for (SourceStats.Reading reading : live.registry().read()) {
			Instant since = reading.kind() == SourceStats.Kind.HTTP_INTAKE ? firstSeen.get(key(reading.kind(), "*"))
					: firstSeen.get(key(reading.kind(), reading.name()));
			if (since == null) {
				since = firstSeen.computeIfAbsent(key(reading.kind(), reading.name()), k -> now);
			}
			rows.add(SourceHealth.of(reading, threshold(reading), since, now));
		}
		return rows;
	}

	private Duration threshold(SourceStats.Reading reading) {
		if (reading.kind() == SourceStats.Kind.CONNECTION) {
			for (ConnectionDefinition definition : definitions.values()) {
				if (definition.name().equals(reading.name())) {
					return definition.silence();
				}
			}
		}
		return defaultSilence;
	}

	private static String key(SourceStats.Kind kind, String name) {
		return kind + ":" + name;
	}

	@Override
	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	private void fire() {
		for (Listener listener : listeners) {
			try {
				listener.changed();
			} catch (RuntimeException e) {
				log.warn("a collector listener failed: " + e);
			}
		}
	}

	/** Stops every connection and the HTTP intake; unacknowledged messages stay in their queues. */
	@Override
	public void close() {
		lifecycle.execute(() -> {
			for (String id : List.copyOf(running.keySet())) {
				running.remove(id).close();
			}
			if (http != null) {
				http.close();
				http = null;
			}
		});
		lifecycle.shutdown();
		try {
			if (!lifecycle.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("the collectors did not stop within 30 seconds");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
