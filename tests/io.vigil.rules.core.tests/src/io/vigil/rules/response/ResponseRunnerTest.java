package io.vigil.rules.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.core.SuppressForbidden;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertsFixture;

/** Automated responses for alerts stored in a real workspace, against real files, HTTP, commands. */
@SuppressForbidden(reason = "jdk.httpserver gives the test a real HTTP endpoint on 127.0.0.1")
class ResponseRunnerTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path folder;

	private AlertsFixture fixture;
	private ResponseRunner runner;
	private HttpServer server;
	private final List<String> posted = new CopyOnWriteArrayList<>();

	@BeforeEach
	void open() throws Exception {
		fixture = new AlertsFixture(folder);
		runner = new ResponseRunner(fixture.store(), environment(), Duration.ofSeconds(3));
	}

	private ResponseEnvironment environment() {
		return new WorkspaceResponseEnvironment(fixture.workspace(), name -> name.equals("broker")
				? Optional.of(AmqpSettings.of("broker", TestBroker.URI)) : Optional.empty());
	}

	@AfterEach
	void close() throws Exception {
		if (server != null) {
			server.stop(0);
		}
		runner.close();
		fixture.close();
	}

	private Alert alert(String key) throws Exception {
		return fixture.store().raise(AlertsFixture.draft("rule-a", key, "10.0.0.1")).orElseThrow();
	}

	private List<ActionRun> run(Alert alert, ActionSpec... specs) throws Exception {
		return runner.run(alert, List.of(specs)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private static ActionSpec spec(String kind, String target) {
		return new ActionSpec(kind, target, Map.of());
	}

	@Test
	void fileAppendsOneJsonLinePerAlertAndRecordsTheRun() throws Exception {
		Path file = folder.resolve("out/deeper/alerts.jsonl");
		List<CompletableFuture<List<ActionRun>>> runs = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			runs.add(runner.run(alert("k" + i), List.of(spec("file", file.toString()))));
		}
		for (CompletableFuture<List<ActionRun>> one : runs) {
			assertTrue(one.get(WAIT.toSeconds(), TimeUnit.SECONDS).get(0).succeeded());
		}

		List<String> lines = Files.readAllLines(file);
		assertEquals(40, lines.size());
		Set<Long> ids = new HashSet<>();
		for (String line : lines) {
			ids.add(JSON.readTree(line).at("/vigil/alertid").asLong());
		}
		assertEquals(40, ids.size(), "every line whole, every alert once");
		Alert stored = fixture.store().get(ids.iterator().next()).orElseThrow();
		ActionRun recorded = stored.actions().get(0);
		assertEquals("file", recorded.kind());
		assertEquals(file.toString(), recorded.target());
		assertTrue(recorded.succeeded());
		assertEquals("appended to " + file, recorded.outcome());
	}

	@Test
	void aRelativeFileIsInTheWorkspace() throws Exception {
		Alert alert = alert("k1");

		assertTrue(run(alert, spec("file", "alerts/out.jsonl")).get(0).succeeded());

		assertEquals(1, Files.readAllLines(fixture.workspace().root().resolve("alerts/out.jsonl")).size());
	}

	@Test
	void httpPostsTheAlertAndTakesOnly2xxForSuccess() throws Exception {
		serve();
		Alert alert = alert("k1");
		String base = "http://127.0.0.1:" + server.getAddress().getPort();

		List<ActionRun> runs = run(alert, spec("http", base + "/hook"), spec("http", base + "/broken"),
				spec("http", "ftp://127.0.0.1/x"));

		assertTrue(runs.get(0).succeeded(), runs.get(0).outcome());
		assertEquals("HTTP 200", runs.get(0).outcome());
		assertEquals(1, posted.size());
		JsonNode body = JSON.readTree(posted.get(0));
		assertEquals(alert.id(), body.at("/vigil/alertid").asLong());
		assertEquals("ERROR", body.get("severity").asText());
		assertFalse(runs.get(1).succeeded());
		assertEquals("HTTP 500: database on fire", runs.get(1).outcome());
		assertFalse(runs.get(2).succeeded());
		assertTrue(runs.get(2).outcome().contains("not an http:// or https:// URL"), runs.get(2).outcome());
		assertEquals(runs, fixture.store().get(alert.id()).orElseThrow().actions());
	}

	@Test
	void anHttpEndpointThatNeverAnswersIsGivenUpOnInTime() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		serve();
		server.createContext("/silent", exchange -> {
			try {
				release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, "{}");
		});
		Alert alert = alert("k1");
		try {
			long started = System.nanoTime();
			List<ActionRun> runs = run(alert, spec("http", "http://127.0.0.1:" + server.getAddress().getPort() + "/silent"));
			long tookMillis = (System.nanoTime() - started) / 1_000_000;

			assertFalse(runs.get(0).succeeded());
			assertTrue(runs.get(0).outcome().startsWith("no answer in time"), runs.get(0).outcome());
			assertTrue(tookMillis < 15_000, "the run took " + tookMillis + " ms");
		} finally {
			release.countDown();
		}
	}

	private void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				posted.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			answer(exchange, 200, "{}");
		});
		server.createContext("/broken", exchange -> answer(exchange, 500, "database on fire"));
		server.start();
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void aConfiguredCommandGetsTheAlertOnStandardInput() throws Exception {
		Path captured = folder.resolve("captured.json");
		WorkspaceResponseEnvironment.setCommand(fixture.workspace(), "capture",
				List.of("sh", "-c", "cat > '" + captured + "'; echo \"$VIGIL_ALERT_ID\" > '" + captured + ".id'"));
		Alert alert = alert("k1");

		List<ActionRun> runs = run(alert, spec("command", "capture"));

		assertTrue(runs.get(0).succeeded(), runs.get(0).outcome());
		assertEquals("exit 0", runs.get(0).outcome());
		JsonNode json = JSON.readTree(Files.readString(captured));
		assertEquals(alert.id(), json.at("/vigil/alertid").asLong());
		assertEquals("rule-a", json.at("/vigil/ruleid").asText());
		assertEquals(Long.toString(alert.id()), Files.readString(Path.of(captured + ".id")).strip());
	}

	@Test
	void aFailingCommandIsRecordedWithItsExitCodeAndStandardError() throws Exception {
		WorkspaceResponseEnvironment.setCommand(fixture.workspace(), "broken",
				List.of("sh", "-c", "echo 'pager service unreachable' >&2; exit 3"));
		Alert alert = alert("k1");

		List<ActionRun> runs = run(alert, spec("command", "broken"), spec("command", "missing"));

		assertFalse(runs.get(0).succeeded());
		assertEquals("exit 3: pager service unreachable", runs.get(0).outcome());
		assertFalse(runs.get(1).succeeded());
		assertTrue(runs.get(1).outcome().contains("no command named 'missing' is configured"), runs.get(1).outcome());
		assertEquals(runs, fixture.store().get(alert.id()).orElseThrow().actions());
	}

	@Test
	void aCommandSettingThatIsNotAnArgumentVectorIsAFailedRunSayingSo() throws Exception {
		fixture.workspace().setProperty(WorkspaceResponseEnvironment.COMMAND_PREFIX + "typo", "sh -c 'page me'");
		Alert alert = alert("k1");

		List<ActionRun> runs = run(alert, spec("command", "typo"));

		assertFalse(runs.get(0).succeeded());
		assertTrue(runs.get(0).outcome().contains("workspace setting rules.command.typo must be a JSON array of strings"),
				runs.get(0).outcome());
	}

	@Test
	void aCommandPastItsTimeIsKilledAndTheCallerNeverWaits() throws Exception {
		Path marker = folder.resolve("finished");
		WorkspaceResponseEnvironment.setCommand(fixture.workspace(), "slow",
				List.of("sh", "-c", "sleep 30; touch '" + marker + "'"));
		Alert alert = alert("k1");

		long started = System.nanoTime();
		CompletableFuture<List<ActionRun>> pending = runner.run(alert, List.of(spec("command", "slow")));
		long returnedMillis = (System.nanoTime() - started) / 1_000_000;
		List<ActionRun> runs = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		long tookMillis = (System.nanoTime() - started) / 1_000_000;

		assertTrue(returnedMillis < 1_000, "run() returned after " + returnedMillis + " ms");
		assertFalse(runs.get(0).succeeded());
		assertTrue(runs.get(0).outcome().contains("still running after 3 s; killed")
				|| runs.get(0).outcome().contains("timed out"), runs.get(0).outcome());
		assertTrue(tookMillis < 15_000, "the run took " + tookMillis + " ms");
		assertFalse(Files.exists(marker));
	}

	@Test
	void aFailingActionNeverLosesTheAlertNorStopsTheNextAction() throws Exception {
		Path file = folder.resolve("after-failure.jsonl");
		Alert alert = alert("k1");

		List<ActionRun> runs = run(alert, spec("http", "http://127.0.0.1:" + closedPort() + "/hook"),
				spec("publish", "no-such-connection"), spec("mail", "soc@example.org"), spec("file", file.toString()));

		assertFalse(runs.get(0).succeeded());
		assertFalse(runs.get(0).outcome().isBlank());
		assertFalse(runs.get(1).succeeded());
		assertTrue(runs.get(1).outcome().contains("no broker connection named 'no-such-connection'"),
				runs.get(1).outcome());
		assertTrue(runs.get(2).outcome().startsWith("unknown kind of action 'mail'"), runs.get(2).outcome());
		assertTrue(runs.get(3).succeeded());
		fixture.reopen();
		Alert stored = fixture.store().get(alert.id()).orElseThrow();
		assertEquals(alert.draft(), stored.draft());
		assertEquals(runs, stored.actions());
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void publishToAnUnreachableBrokerFailsWithTheReason() throws Exception {
		Alert alert = alert("k1");

		List<ActionRun> runs = run(alert, spec("publish", "amqp://guest:secret@127.0.0.1:" + closedPort()));

		assertFalse(runs.get(0).succeeded());
		assertFalse(runs.get(0).target().contains("secret"), runs.get(0).target());
		assertFalse(runs.get(0).outcome().contains("secret"), runs.get(0).outcome());
	}

	@Test
	void publishToAnExchangeNoQueueTakesFromFailsAndSaysSo() throws Exception {
		try (TestBroker broker = TestBroker.connect()) {
			Alert alert = alert("k1");

			List<ActionRun> runs = run(alert, new ActionSpec("publish", "broker",
					Map.of("exchange", broker.exchange, "routing-key", "nobody.listens")));

			assertFalse(runs.get(0).succeeded());
			assertTrue(runs.get(0).outcome().contains("no queue is bound"), runs.get(0).outcome());
			assertEquals(runs, fixture.store().get(alert.id()).orElseThrow().actions());
		}
	}

	@Test
	void publishSendsTheAlertToTheAlertsExchangeWithConfirms() throws Exception {
		try (TestBroker broker = TestBroker.connect()) {
			Alert first = alert("k1");
			Alert second = alert("k2");
			Map<String, String> options = Map.of("exchange", broker.exchange);

			List<ActionRun> byName = run(first, new ActionSpec("publish", "broker", options));
			List<ActionRun> byUri = run(second, new ActionSpec("publish", TestBroker.URI, options));

			assertTrue(byName.get(0).succeeded(), byName.get(0).outcome());
			assertTrue(byUri.get(0).succeeded(), byUri.get(0).outcome());
			assertTrue(byName.get(0).outcome().contains("confirmed"), byName.get(0).outcome());
			List<TestBroker.Message> messages = broker.await(2, WAIT);
			assertEquals("mozdef.alert", messages.get(0).routingKey());
			assertEquals(first.id(), JSON.readTree(messages.get(0).body()).at("/vigil/alertid").asLong());
			assertEquals(second.id(), JSON.readTree(messages.get(1).body()).at("/vigil/alertid").asLong());
		}
	}
}
