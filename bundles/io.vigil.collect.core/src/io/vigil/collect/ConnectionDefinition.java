package io.vigil.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.vigil.collect.amqp.AmqpSettings;

/**
 * A collector connection as the workbench keeps it in the workspace: everything but its secrets,
 * which live in a {@link SecretStore}.
 *
 * @param id the connection's id, never shown and never changed; {@code null} for one not added yet
 * @param name its name, unique among connections, shown in the health view
 * @param uri {@code amqp://host[:port][/vhost]} or {@code amqps://...}, without credentials
 * @param virtualHost the virtual host, or {@code null} for the URI's
 * @param username the user, or {@code null} for the broker's default
 * @param trustStore a trust store for TLS, or {@code null} for the JDK's
 * @param queue the durable queue to consume
 * @param bindings the exchanges and routing keys bound to the queue
 * @param silence how long the connection may stay silent before the health view warns
 * @param enabled whether the workbench keeps the connection running
 */
public record ConnectionDefinition(String id, String name, String uri, String virtualHost, String username,
		Path trustStore, String queue, List<AmqpSettings.Binding> bindings, Duration silence, boolean enabled) {

	/** Checks the parts and fills in MozDef's defaults. */
	public ConnectionDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(uri, "uri");
		virtualHost = blankToNull(virtualHost);
		username = blankToNull(username);
		queue = queue == null || queue.isBlank() ? AmqpSettings.DEFAULT_QUEUE : queue.strip();
		bindings = bindings == null || bindings.isEmpty() ? AmqpSettings.DEFAULT_BINDINGS : List.copyOf(bindings);
		silence = silence == null || silence.isNegative() || silence.isZero() ? SourceRegistry.DEFAULT_SILENCE : silence;
	}

	/** Returns a new, enabled connection to a URI with every default. */
	public static ConnectionDefinition of(String name, String uri) {
		return new ConnectionDefinition(null, name, uri, null, null, null, null, null, null, true);
	}

	/** Returns this connection with an id. */
	public ConnectionDefinition withId(String newId) {
		return new ConnectionDefinition(newId, name, uri, virtualHost, username, trustStore, queue, bindings, silence,
				enabled);
	}

	/** Returns this connection enabled or disabled. */
	public ConnectionDefinition withEnabled(boolean on) {
		return new ConnectionDefinition(id, name, uri, virtualHost, username, trustStore, queue, bindings, silence, on);
	}

	/** Returns the settings a collector uses, with the secrets read from the store. */
	public AmqpSettings settings(char[] password, char[] trustStorePassword) {
		return new AmqpSettings(name, uri, virtualHost, username, password, trustStore, trustStorePassword, queue,
				bindings, 0);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
