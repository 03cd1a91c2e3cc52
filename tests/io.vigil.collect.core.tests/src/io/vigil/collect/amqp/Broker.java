package io.vigil.collect.amqp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The RabbitMQ broker connector tests use, on 127.0.0.1:5672 (guest/guest). Without one the tests
 * are skipped with a message that says so, unless VIGIL_REQUIRE_BROKER=1 makes that a failure,
 * as in CI.
 */
public final class Broker {

	/** The broker's URI. */
	public static final String URI = "amqp://127.0.0.1:5672";

	private Broker() {
	}

	/** Skips (or fails) the calling test when no broker answers. */
	public static void assumeRunning() {
		String problem = null;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2_000);
		} catch (IOException e) {
			problem = e.getMessage();
		}
		if (problem != null && "1".equals(System.getenv("VIGIL_REQUIRE_BROKER"))) {
			fail("no RabbitMQ broker on 127.0.0.1:5672, and VIGIL_REQUIRE_BROKER=1: " + problem);
		}
		assumeTrue(problem == null, "SKIPPED: no RabbitMQ broker on 127.0.0.1:5672 (" + problem + ")");
	}
}
