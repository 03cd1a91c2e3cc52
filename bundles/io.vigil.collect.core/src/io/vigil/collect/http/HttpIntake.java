package io.vigil.collect.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.vigil.collect.EventIntake;
import io.vigil.collect.IntakeLog;
import io.vigil.collect.LiveIntake;
import io.vigil.collect.NamedThreads;
import io.vigil.collect.SourceRegistry;
import io.vigil.collect.SourceStats;

/**
 * STAND-IN for the HTTP intake being written on the main branch, with the same API, so that the
 * workbench side compiles and can be tried: it stores one JSON event per POST, over HTTP/1.1 with
 * one request per connection, and answers once the event is durable. Replaced by the real class
 * when the branches are merged.
 */
public final class HttpIntake implements AutoCloseable {

	/** The port the intake listens on unless set otherwise. */
	public static final int DEFAULT_PORT = 8080;

	/**
	 * Where the intake listens and what it accepts.
	 *
	 * @param host the address to bind
	 * @param port the port, or 0 for any free one
	 * @param token the bearer token requests must carry, or {@code null} for none
	 * @param maxBytes the largest body accepted
	 */
	public record Settings(String host, int port, String token, int maxBytes) {

		/** Returns local-only settings on a port, without a token, accepting 1 MiB bodies. */
		public static Settings defaults(int port) {
			return new Settings("127.0.0.1", port, null, 1 << 20);
		}
	}

	private final Settings settings;
	private final LiveIntake live;
	private final IntakeLog log;
	private final SourceStats stats;
	private ServerSocket server;
	private ExecutorService workers;

	/** Creates an intake; {@link #start()} binds it. */
	public HttpIntake(Settings settings, LiveIntake live, IntakeLog log) {
		this.settings = settings;
		this.live = live;
		this.log = log;
		this.stats = live.registry().source("HTTP intake", SourceStats.Kind.HTTP_INTAKE, SourceRegistry.DEFAULT_SILENCE);
	}

	/** Binds the port and starts answering. */
	public synchronized void start() throws IOException {
		server = new ServerSocket(settings.port(), 50, InetAddress.getByName(settings.host()));
		workers = Executors.newFixedThreadPool(3, new NamedThreads("Vigil HTTP intake"));
		ServerSocket listening = server;
		workers.execute(() -> accept(listening));
		stats.state("listening on " + settings.host() + ":" + port());
	}

	/** Returns the port bound, or -1 when not running. */
	public synchronized int port() {
		return server == null ? -1 : server.getLocalPort();
	}

	/** Returns whether the intake is listening. */
	public synchronized boolean running() {
		return server != null;
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket socket = listening.accept();
				workers.execute(() -> handle(socket));
			} catch (IOException | RuntimeException e) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream()) {
			String[] request = line(in).split(" ");
			Map<String, String> headers = new HashMap<>();
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				if (colon > 0) {
					headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
				}
			}
			answer(out, respond(request[0], headers, in));
		} catch (IOException | RuntimeException e) {
			log.warn("HTTP intake: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private String respond(String method, Map<String, String> headers, InputStream in)
			throws IOException, InterruptedException {
		if (settings.token() != null && !("Bearer " + settings.token()).equals(headers.get("authorization"))) {
			return "401 Unauthorized";
		}
		if (!"POST".equals(method)) {
			return "405 Method Not Allowed";
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		if (length > settings.maxBytes()) {
			return "413 Content Too Large";
		}
		EventIntake.Outcome outcome = live.intake().accept(in.readNBytes(length), "http", "http intake");
		if (!outcome.stored()) {
			stats.rejected();
			return "400 Bad Request";
		}
		stats.stored(outcome.time());
		return live.commits().await(live.commits().ticket(), Duration.ofSeconds(30)) ? "200 OK" : "503 Service Unavailable";
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				bytes.write(b);
			}
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

	private static void answer(OutputStream out, String status) throws IOException {
		byte[] body = (status + "\n").getBytes(StandardCharsets.UTF_8);
		out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	/** Stops listening. */
	@Override
	public synchronized void close() {
		if (server != null) {
			try {
				server.close();
			} catch (IOException e) {
				// Closed anyway.
			}
			workers.shutdownNow();
			server = null;
			stats.state("stopped");
		}
	}
}
