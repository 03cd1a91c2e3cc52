package io.vigil.collect.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ArrayBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vigil.collect.IntakeLog;
import io.vigil.collect.LiveIntake;
import io.vigil.collect.NamedThreads;
import io.vigil.collect.SourceRegistry;
import io.vigil.collect.SourceStats;
import io.vigil.core.SuppressForbidden;

/**
 * MozDef's HTTP intake API: {@code POST /events} (one event), {@code POST /_bulk} (a JSON array or
 * newline-delimited events, with Elasticsearch bulk action lines skipped) and
 * {@code POST /custom/<source>}; {@code GET /status} answers when the intake is up. It binds to
 * 127.0.0.1 unless set otherwise, can require a bearer token, limits request sizes, and answers
 * 2xx only once the events are durably stored; bad input gets a 4xx whose body says what and
 * where.
 */
@SuppressForbidden(reason = "jdk.httpserver is a supported, exported module of the JDK; it spares a web server bundle")
public final class HttpIntake implements AutoCloseable {

	/** MozDef's intake port. */
	public static final int DEFAULT_PORT = 8080;

	/** The largest request body accepted unless set otherwise: 16 MiB. */
	public static final int DEFAULT_MAX_BYTES = 16 << 20;

	private static final Duration DURABLE_WAIT = Duration.ofSeconds(30);

	/**
	 * How the intake listens.
	 *
	 * @param host the address to bind, {@code 127.0.0.1} unless the intake is meant for other hosts
	 * @param port the port; 0 picks a free one
	 * @param token the bearer token requests must carry, or {@code null} for none
	 * @param maxBytes the largest request body accepted
	 */
	public record Settings(String host, int port, String token, int maxBytes) {

		/** Checks the settings. */
		public Settings {
			host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
			if (port < 0 || port > 65_535) {
				throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
			}
			token = token == null || token.isBlank() ? null : token;
			maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
		}

		/** Returns the settings of an intake on 127.0.0.1 at a port, without a token. */
		public static Settings defaults(int port) {
			return new Settings("127.0.0.1", port, null, DEFAULT_MAX_BYTES);
		}
	}

	private final Settings settings;
	private final LiveIntake live;
	private final IntakeLog log;
	private HttpServer server;
	private ThreadPoolExecutor executor;
	private volatile SourceStats stats;

	/** Creates an intake; {@link #start()} opens its port. */
	public HttpIntake(Settings settings, LiveIntake live, IntakeLog log) {
		this.settings = settings;
		this.live = live;
		this.log = log;
	}

	/**
	 * Binds the port and starts answering.
	 *
	 * @throws IOException if the port cannot be bound, with the address in the message
	 */
	public synchronized void start() throws IOException {
		if (server != null) {
			return;
		}
		HttpServer bound;
		try {
			bound = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
		} catch (IOException e) {
			throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
		}
		executor = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
				new NamedThreads("Vigil HTTP intake"), new ThreadPoolExecutor.CallerRunsPolicy());
		bound.setExecutor(executor);
		IntakeRequests requests = new IntakeRequests(live, settings.maxBytes());
		bound.createContext("/", exchange -> handle(exchange, requests));
		server = bound;
		// Before the first request can come.
		stats = live.registry().source(address(), SourceStats.Kind.HTTP_INTAKE, SourceRegistry.DEFAULT_SILENCE);
		stats.state("listening");
		bound.start();
		log.info("HTTP intake listening on " + address());
	}

	/** Returns the port the intake listens on (the chosen one when started with port 0), or -1. */
	public synchronized int port() {
		return server == null ? -1 : server.getAddress().getPort();
	}

	/** Returns whether the intake is listening. */
	public synchronized boolean running() {
		return server != null;
	}

	/** Returns {@code host:port} as bound, or as set when not listening. */
	public synchronized String address() {
		return settings.host() + ":" + (server == null ? settings.port() : port());
	}

	private void handle(HttpExchange exchange, IntakeRequests requests) throws IOException {
		try (exchange) {
			IntakeRequests.Answer answer = answer(exchange, requests);
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
			if (answer.status() == 401) {
				exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"vigil\"");
			}
			if (answer.status() == 405) {
				exchange.getResponseHeaders().set("Allow", exchange.getRequestURI().getPath().equals("/status") ? "GET" : "POST");
			}
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private IntakeRequests.Answer answer(HttpExchange exchange, IntakeRequests requests) {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		if (path.equals("/status") || path.equals("/test")) {
			return method.equals("GET") || method.equals("HEAD") ? IntakeRequests.Answer.ok("{\"status\":\"ok\"}")
					: IntakeRequests.Answer.error(405, "use GET on " + path);
		}
		IntakeRequests.Route route = IntakeRequests.route(path);
		if (route == null) {
			return IntakeRequests.Answer.error(404, "no such endpoint: " + path
					+ "; Vigil accepts POST /events, POST /_bulk and POST /custom/<source>");
		}
		if (!method.equals("POST") && !method.equals("PUT")) {
			return IntakeRequests.Answer.error(405, "use POST on " + path);
		}
		if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
			return IntakeRequests.Answer.error(401, "this intake needs the header Authorization: Bearer <token>");
		}
		try {
			byte[] body = readBody(exchange);
			if (body == null) {
				return IntakeRequests.Answer.error(413,
						"the request body is larger than this intake accepts (" + settings.maxBytes() + " bytes)");
			}
			IntakeRequests.Answer answer = requests.handle(route, body, stats, DURABLE_WAIT);
			if (answer.rejected() > 0) {
				log.warn("HTTP intake " + address() + " " + path + ": rejected " + answer.rejected() + " of "
						+ (answer.rejected() + answer.stored()) + " events: " + answer.firstReason());
			}
			return answer;
		} catch (IOException e) {
			log.warn("HTTP intake " + address() + " " + path + ": cannot store events: " + e.getMessage());
			return IntakeRequests.Answer.error(503, "cannot store events: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return IntakeRequests.Answer.error(503, "the intake is shutting down");
		}
	}

	private boolean authorized(String header) {
		if (settings.token() == null) {
			return true;
		}
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(given, settings.token().getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the body, or returns {@code null} when it is larger than the limit. */
	private byte[] readBody(HttpExchange exchange) throws IOException {
		String length = exchange.getRequestHeaders().getFirst("Content-Length");
		if (length != null) {
			try {
				if (Long.parseLong(length.strip()) > settings.maxBytes()) {
					return null;
				}
			} catch (NumberFormatException e) {
				// The stream's length decides below.
			}
		}
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(settings.maxBytes() + 1);
			return body.length > settings.maxBytes() ? null : body;
		}
	}

	/** Stops listening; requests in progress finish first, for up to five seconds. */
	@Override
	public synchronized void close() {
		if (server == null) {
			return;
		}
		server.stop(5);
		executor.shutdown();
		try {
			executor.awaitTermination(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		stats.state("stopped");
		server = null;
	}

}
