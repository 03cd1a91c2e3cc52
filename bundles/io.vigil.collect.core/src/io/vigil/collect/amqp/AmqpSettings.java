package io.vigil.collect.amqp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.rabbitmq.client.ConnectionFactory;

/**
 * Where and how to reach a RabbitMQ broker, and what to consume or publish there. The defaults
 * follow MozDef: events on the direct exchange {@code eventtask} and the topic exchange
 * {@code events} (routing key {@code mozdef.event}), alerts on the topic exchange {@code alerts}
 * (routing key {@code mozdef.alert}).
 *
 * @param name the connection's name, shown in status lines and the health view
 * @param uri {@code amqp://host[:port][/vhost]} or {@code amqps://...}; credentials in it are
 *            used when {@code username} is {@code null}
 * @param virtualHost the virtual host, or {@code null} for the one in the URI ({@code /} when none)
 * @param username the user, or {@code null} for the URI's (guest when none)
 * @param password the password, or {@code null} for the URI's
 * @param trustStore a trust store (PKCS#12 or JKS) for TLS, or {@code null} for the JDK's
 * @param trustStorePassword its password, or {@code null}
 * @param queue the durable queue the connection consumes from
 * @param bindings the exchanges and routing keys bound to the queue
 * @param prefetch how many unacknowledged messages the broker may send ahead
 */
public record AmqpSettings(String name, String uri, String virtualHost, String username, char[] password,
		Path trustStore, char[] trustStorePassword, String queue, List<Binding> bindings, int prefetch) {

	/** The queue a collector consumes from unless set otherwise. */
	public static final String DEFAULT_QUEUE = "vigil.collector";

	/** The prefetch unless set otherwise: enough for a second of events between commits. */
	public static final int DEFAULT_PREFETCH = 20_000;

	/** MozDef's direct exchange for events. */
	public static final Binding EVENTTASK = new Binding("eventtask", "direct", "eventtask");

	/** MozDef's topic exchange for events. */
	public static final Binding EVENTS = new Binding("events", "topic", "mozdef.event");

	/** MozDef's topic exchange for alerts. */
	public static final Binding ALERTS = new Binding("alerts", "topic", "mozdef.alert");

	/** The bindings of a connection unless set otherwise. */
	public static final List<Binding> DEFAULT_BINDINGS = List.of(EVENTTASK, EVENTS, ALERTS);

	/**
	 * An exchange and the routing key bound from it.
	 *
	 * @param exchange the exchange's name
	 * @param type its type ({@code direct}, {@code topic}, {@code fanout}), used when Vigil has
	 *            to declare it
	 * @param routingKey the routing key (a pattern for topic exchanges)
	 */
	public record Binding(String exchange, String type, String routingKey) {

		/** Checks the parts. */
		public Binding {
			Objects.requireNonNull(exchange, "exchange");
			Objects.requireNonNull(routingKey, "routingKey");
			type = Objects.requireNonNullElse(type, "topic").toLowerCase(Locale.ROOT);
			if (!List.of("direct", "topic", "fanout", "headers").contains(type)) {
				throw new IllegalArgumentException("exchange type '" + type + "' is not direct, topic, fanout or headers");
			}
		}

		/**
		 * Returns the binding for an exchange named alone: MozDef's when it is one of MozDef's
		 * exchanges, otherwise a topic exchange with every routing key.
		 */
		public static Binding forExchange(String exchange, String routingKey) {
			for (Binding known : DEFAULT_BINDINGS) {
				if (known.exchange.equals(exchange)) {
					return routingKey == null ? known : new Binding(exchange, known.type, routingKey);
				}
			}
			return new Binding(exchange, "topic", routingKey == null ? "#" : routingKey);
		}

		@Override
		public String toString() {
			return exchange + " (" + type + ", " + routingKey + ")";
		}
	}

	/** Checks the settings. */
	public AmqpSettings {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(uri, "uri");
		queue = queue == null || queue.isBlank() ? DEFAULT_QUEUE : queue;
		bindings = bindings == null || bindings.isEmpty() ? DEFAULT_BINDINGS : List.copyOf(bindings);
		prefetch = prefetch <= 0 ? DEFAULT_PREFETCH : prefetch;
	}

	/** Returns the settings of a connection to a URI with every default. */
	public static AmqpSettings of(String name, String uri) {
		return new AmqpSettings(name, uri, null, null, null, null, null, null, null, 0);
	}

	/** Returns these settings with another queue and bindings. */
	public AmqpSettings withQueue(String newQueue, List<Binding> newBindings) {
		return new AmqpSettings(name, uri, virtualHost, username, password, trustStore, trustStorePassword, newQueue,
				newBindings, prefetch);
	}

	/** Returns the queue malformed messages are moved to, with the reason in a header. */
	public String deadLetterQueue() {
		return queue + ".rejected";
	}

	/** Returns the URI without credentials, for messages and the health view. */
	public String displayUri() {
		try {
			URI parsed = new URI(uri);
			String vhost = virtualHost();
			String shown = parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
			return shown + (vhost.equals("/") ? "" : "/" + vhost);
		} catch (URISyntaxException e) {
			return withoutCredentials();
		}
	}

	private String withoutCredentials() {
		return uri.replaceAll("//[^@/]*@", "//");
	}

	/** Returns the virtual host: the one set, or the URI's path, or {@code /}. */
	@Override
	public String virtualHost() {
		if (virtualHost != null && !virtualHost.isBlank()) {
			return virtualHost;
		}
		try {
			String path = new URI(uri).getRawPath();
			if (path == null || path.length() <= 1) {
				return "/";
			}
			return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
		} catch (URISyntaxException e) {
			return "/";
		}
	}

	/**
	 * Returns a connection factory for these settings, without automatic recovery: Vigil's
	 * collectors and sensors reconnect themselves, so that they know which deliveries were lost.
	 *
	 * @throws AmqpSettingsException if the URI, or the trust store, is not usable
	 */
	public ConnectionFactory connectionFactory() throws AmqpSettingsException {
		ConnectionFactory factory = new ConnectionFactory();
		String scheme;
		try {
			URI parsed = new URI(uri);
			scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
				throw new AmqpSettingsException("connection '" + name + "': the URI " + displayUri()
						+ " does not start with amqp:// or amqps://");
			}
			if (parsed.getHost() == null) {
				throw new AmqpSettingsException("connection '" + name + "': the URI " + withoutCredentials() + " names no host");
			}
			factory.setUri(parsed);
		} catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
			// The parser's message quotes the URI, credentials and all.
			String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(uri, "it");
			throw new AmqpSettingsException("connection '" + name + "': the URI " + withoutCredentials() + " is not valid: "
					+ reason.replaceAll("//[^@/]*@", "//"), e);
		}
		factory.setVirtualHost(virtualHost());
		if (username != null) {
			factory.setUsername(username);
		}
		if (password != null) {
			factory.setPassword(new String(password));
		}
		if (scheme.equals("amqps")) {
			factory.useSslProtocol(sslContext());
			factory.enableHostnameVerification();
		}
		factory.setAutomaticRecoveryEnabled(false);
		factory.setTopologyRecoveryEnabled(false);
		factory.setConnectionTimeout(10_000);
		factory.setRequestedHeartbeat(15);
		return factory;
	}

	private SSLContext sslContext() throws AmqpSettingsException {
		try {
			if (trustStore == null) {
				return SSLContext.getDefault();
			}
			KeyStore store = KeyStore.getInstance(trustStore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
			try (InputStream in = Files.newInputStream(trustStore)) {
				store.load(in, trustStorePassword);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLSv1.3");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		} catch (IOException | GeneralSecurityException e) {
			throw new AmqpSettingsException("connection '" + name + "': cannot use the trust store " + trustStore + ": "
					+ e.getMessage(), e);
		}
	}
}
