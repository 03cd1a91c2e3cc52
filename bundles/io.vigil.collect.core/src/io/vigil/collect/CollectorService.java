package io.vigil.collect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.vigil.collect.amqp.AmqpCollector;

/**
 * The workbench's live sources of events: collector connections to RabbitMQ, kept in the
 * workspace and started with the workbench, and the HTTP intake. Offered as an OSGi service while
 * the workbench has a workspace open; the command line has none.
 *
 * <p>
 * Changes are saved before a method returns; connections start and stop on a thread of the
 * service, so no method waits for a broker. Methods read or write the workspace database and
 * secure storage, which is quick but is still I/O. Thread-safe.
 */
public interface CollectorService {

	/** The secret key of a connection's password. */
	String PASSWORD = "password";

	/** The secret key of a connection's trust store password. */
	String TRUST_STORE_PASSWORD = "trustStorePassword";

	/** The owner of the HTTP intake's secrets. */
	String HTTP_INTAKE = "http-intake";

	/** The secret key of the HTTP intake's bearer token. */
	String TOKEN = "token";

	/**
	 * New secrets for a connection: {@code null} keeps the one kept, an empty array removes it.
	 *
	 * @param password the broker password
	 * @param trustStorePassword the trust store's password
	 */
	record Secrets(char[] password, char[] trustStorePassword) {

		/** Keeps both secrets as they are. */
		public static final Secrets KEEP = new Secrets(null, null);
	}

	/**
	 * What a connection is doing.
	 *
	 * @param state its state; {@link AmqpCollector.State#STOPPED} when disabled
	 * @param detail the broker, or why the last attempt failed
	 */
	record ConnectionStatus(AmqpCollector.State state, String detail) {
	}

	/** Told on any thread that connections or the HTTP intake changed. */
	@FunctionalInterface
	interface Listener {

		/** Something changed; read the service again. */
		void changed();
	}

	/** Returns the connections, by name. */
	List<ConnectionDefinition> connections();

	/**
	 * Adds a connection and starts it when it is enabled.
	 *
	 * @return the connection with its id
	 * @throws CollectorException if its settings are not valid or cannot be saved
	 */
	ConnectionDefinition add(ConnectionDefinition connection, Secrets secrets) throws CollectorException;

	/**
	 * Changes a connection, restarting it when it runs.
	 *
	 * @throws CollectorException if there is no such connection, or its settings are not valid or
	 *             cannot be saved
	 */
	void update(ConnectionDefinition connection, Secrets secrets) throws CollectorException;

	/**
	 * Stops a connection and forgets it and its secrets; messages it did not acknowledge stay in the
	 * broker's queue.
	 *
	 * @throws CollectorException if it cannot be removed from the workspace
	 */
	void remove(String id) throws CollectorException;

	/**
	 * Starts or stops a connection, and keeps that for the next start of the workbench.
	 *
	 * @throws CollectorException if there is no such connection or the change cannot be saved
	 */
	void setEnabled(String id, boolean enabled) throws CollectorException;

	/**
	 * Tries a connection's settings without consuming: connects and looks for its exchanges. Waits
	 * for the broker, up to its connection timeout; call it from a job.
	 *
	 * @param secrets the secrets to try; {@code null} ones are read from the store for a
	 *            connection that has an id
	 * @return what was found, in a sentence
	 * @throws CollectorException if the settings are not valid or the broker cannot be reached
	 */
	String check(ConnectionDefinition connection, Secrets secrets) throws CollectorException;

	/** Returns what a connection is doing, or empty when there is no such connection. */
	Optional<ConnectionStatus> status(String id);

	/** Returns whether a secret is kept for a connection or the HTTP intake (a {@link #TOKEN}). */
	boolean hasSecret(String owner, String key);

	/** Returns the HTTP intake's settings. */
	HttpIntakeOptions httpIntakeOptions();

	/**
	 * Changes the HTTP intake's settings, restarting it when it runs.
	 *
	 * @param token the bearer token; {@code null} keeps the one kept, an empty array removes it
	 * @throws CollectorException if the settings are not valid or cannot be saved
	 */
	void configureHttpIntake(HttpIntakeOptions options, char[] token) throws CollectorException;

	/**
	 * Starts or stops the HTTP intake, and keeps that for the next start of the workbench.
	 *
	 * @throws CollectorException if the change cannot be saved; a port that cannot be bound is
	 *             reported by {@link #httpIntakeProblem()}
	 */
	void setHttpIntakeEnabled(boolean enabled) throws CollectorException;

	/** Returns whether the HTTP intake is meant to run. */
	boolean httpIntakeEnabled();

	/** Returns the port the HTTP intake listens on, or -1 when it does not. */
	int httpIntakePort();

	/** Returns why the HTTP intake is enabled but not listening, or empty. */
	Optional<String> httpIntakeProblem();

	/** Returns how long a sensor host or the HTTP intake may stay silent. */
	Duration defaultSilence();

	/**
	 * Changes how long a sensor host or the HTTP intake may stay silent.
	 *
	 * @throws CollectorException if the setting cannot be saved
	 */
	void setDefaultSilence(Duration silence) throws CollectorException;

	/** Returns the registry of every live source. */
	SourceRegistry registry();

	/** Reads every source now and judges which are silent for too long. Quick; no I/O. */
	List<SourceHealth> health();

	/** Adds a listener. */
	void addListener(Listener listener);

	/** Removes a listener. */
	void removeListener(Listener listener);
}
