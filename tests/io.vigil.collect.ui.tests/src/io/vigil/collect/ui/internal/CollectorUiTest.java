package io.vigil.collect.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.vigil.collect.CollectorService;
import io.vigil.collect.ConnectionDefinition;
import io.vigil.collect.HttpIntakeOptions;
import io.vigil.collect.SecretStore;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.search.SearchRequest;
import io.vigil.events.search.SearchResult;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.Screenshots;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * What an analyst does with collectors in the workbench: adds a connection in its dialog, tests
 * it, watches events arrive in Collector Health and finds them in the store; switches the HTTP
 * intake on and posts to it; sees a silent source flagged. Tests that need RabbitMQ use the broker
 * on 127.0.0.1:5672 and are skipped without one, unless VIGIL_REQUIRE_BROKER=1.
 */
class CollectorUiTest {

	private static final Duration WAIT = Duration.ofSeconds(60);
	private static final String BROKER_HOST = "127.0.0.1";
	private static final int BROKER_PORT = 5672;

	private static IWorkbench workbench;
	private static CollectorService service;
	private static EventWorkspace events;
	private static CollectorHealthPart part;

	private String added;
	private String queue;

	@BeforeAll
	static void openHealthView() {
		workbench = PlatformUI.getWorkbench();
		service = Conditions.waitFor("the collector service is up", WAIT, () -> workbench.getService(CollectorService.class));
		events = workbench.getService(EventWorkspace.class);
		part = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(CollectorsPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return (CollectorHealthPart) window.getService(EPartService.class)
					.showPart(CollectorHealthPart.ID, EPartService.PartState.ACTIVATE).getObject();
		});
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (added != null) {
			service.remove(added);
		}
		if (queue != null && brokerAnswers()) {
			try (Connection connection = broker(); Channel channel = connection.createChannel()) {
				channel.queueDelete(queue);
				channel.queueDelete(queue + ".rejected");
			}
		}
		if (service.httpIntakeEnabled()) {
			service.setHttpIntakeEnabled(false);
		}
	}

	private static boolean brokerAnswers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(BROKER_HOST, BROKER_PORT), 1000);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static void assumeBroker() {
		boolean up = brokerAnswers();
		if (!up && "1".equals(System.getenv("VIGIL_REQUIRE_BROKER"))) {
			fail("VIGIL_REQUIRE_BROKER=1, but no RabbitMQ broker answers on " + BROKER_HOST + ":" + BROKER_PORT);
		}
		Assumptions.assumeTrue(up, "skipped: no RabbitMQ broker on " + BROKER_HOST + ":" + BROKER_PORT
				+ " (VIGIL_REQUIRE_BROKER=1 makes this a failure)");
	}

	private static Connection broker() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(BROKER_HOST);
		factory.setPort(BROKER_PORT);
		return factory.newConnection("Vigil collector UI test");
	}

	/** Adds a connection the way a user does, in its dialog; tests it first when asked. */
	private ConnectionDefinition addInDialog(String name, String uri, String user, String password, String queueName,
			boolean test) {
		ConnectionDialog dialog = UiThread.call(() -> {
			ConnectionDialog opened = new ConnectionDialog(workbench.getActiveWorkbenchWindow().getShell(), service, null);
			opened.setBlockOnOpen(false);
			opened.open();
			opened.fill(name, uri, user, password, queueName);
			return opened;
		});
		if (test) {
			UiThread.run(() -> dialog.buttonPressed(ConnectionDialog.TEST_ID));
			UiThread.waitUntil("the connection test finishes", WAIT, () -> dialog.testResult() != null);
			assertTrue(dialog.testResult().startsWith("passed: connected to amqp://127.0.0.1:5672"), dialog.testResult());
		}
		ConnectionDefinition saved = UiThread.call(() -> {
			dialog.okPressed();
			if (dialog.getShell() != null) {
				dialog.close();
			}
			return dialog.saved();
		});
		assertNotNull(saved, "the dialog did not save the connection");
		added = saved.id();
		return saved;
	}

	private static TableItem row(String name) {
		for (TableItem item : part.viewer().getTable().getItems()) {
			if (item.getText(0).equals(name)) {
				return item;
			}
		}
		return null;
	}

	private static String cell(String name, int column) {
		return UiThread.call(() -> {
			TableItem item = row(name);
			return item == null ? null : item.getText(column);
		});
	}

	private static long stored(String hostname) {
		try {
			SearchRequest request = SearchRequest.of("hostname:\"" + hostname + "\"", TimeRange.ALL, List.of());
			return SearchResult.run(events.store(), request, Clock.systemUTC(), null).total();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String event(String hostname, int number) {
		return "{\"utctimestamp\":\"" + Instant.now() + "\",\"hostname\":\"" + hostname + "\",\"processname\":\"sshd\","
				+ "\"severity\":\"INFO\",\"category\":\"authentication\",\"summary\":\"collector UI test event " + number
				+ "\",\"details\":{\"number\":" + number + "}}";
	}

	@Test
	void viewMenuShowsCollectorHealth() throws Exception {
		UiThread.run(() -> {
			try {
				workbench.getActiveWorkbenchWindow().getService(IHandlerService.class)
						.executeCommand("io.vigil.collect.ui.command.showHealth", null);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		assertTrue(UiThread.call(() -> part.viewer().getTable().isVisible()));
		assertEquals(List.of("Source", "Kind", "State", "Events/s", "Total", "Rejected", "Last event (UTC)", "Lag"),
				UiThread.call(() -> Stream.of(part.viewer().getTable().getColumns()).map(c -> c.getText()).toList()));
	}

	@Test
	void passwordsGoToSecureStorageAndNoWorkspaceFile() throws Exception {
		String password = "pw-" + UUID.randomUUID();
		String name = "secret check " + UUID.randomUUID().toString().substring(0, 8);
		ConnectionDefinition connection = addInDialog(name, "amqp://127.0.0.1:1", "analyst", password, "vigil.unused",
				false);

		assertTrue(service.hasSecret(connection.id(), CollectorService.PASSWORD));
		BundleContext context = FrameworkUtil.getBundle(CollectorUiTest.class).getBundleContext();
		SecretStore secrets = context.getService(context.getServiceReference(SecretStore.class));
		assertEquals(password, new String(secrets.read(connection.id(), CollectorService.PASSWORD)));
		assertTrue(Files.exists(events.workspace().root().resolve(SecureStorageSecrets.FOLDER).resolve("secure_storage")));
		assertNoFileHolds(events.workspace().root(), password);
		// Nothing listens on port 1: the view says the connection is retrying, and why.
		UiThread.waitUntil("the view shows the connection reconnecting", WAIT,
				() -> row(name) != null && row(name).getText(2).startsWith("reconnecting: "));

		service.remove(connection.id());
		added = null;
		assertFalse(service.hasSecret(connection.id(), CollectorService.PASSWORD));
		UiThread.waitUntil("the view drops the removed connection", WAIT, () -> row(name) == null);
	}

	@Test
	void editingKeepsTheStoredPasswordAndCredentialsInTheUriAreRefused() throws Exception {
		String name = "edit check " + UUID.randomUUID().toString().substring(0, 8);
		ConnectionDefinition connection = service.add(new ConnectionDefinition(null, name, "amqp://127.0.0.1:1", null,
				"analyst", null, "vigil.unused", null, null, false), new CollectorService.Secrets("kept".toCharArray(), null));
		added = connection.id();

		ConnectionDefinition edited = UiThread.call(() -> {
			ConnectionDialog dialog = new ConnectionDialog(workbench.getActiveWorkbenchWindow().getShell(), service,
					connection);
			dialog.setBlockOnOpen(false);
			dialog.open();
			dialog.fill(name, "amqp://127.0.0.1:1", "analyst", "", "vigil.other");
			dialog.okPressed();
			return dialog.saved();
		});

		assertEquals("vigil.other", edited.queue());
		assertEquals("vigil.other", service.connections().stream().filter(c -> c.id().equals(connection.id()))
				.findFirst().orElseThrow().queue());
		BundleContext context = FrameworkUtil.getBundle(CollectorUiTest.class).getBundleContext();
		SecretStore secrets = context.getService(context.getServiceReference(SecretStore.class));
		assertEquals("kept", new String(secrets.read(connection.id(), CollectorService.PASSWORD)));
		boolean refused = UiThread.call(() -> {
			ConnectionDialog dialog = new ConnectionDialog(workbench.getActiveWorkbenchWindow().getShell(), service, null);
			dialog.setBlockOnOpen(false);
			dialog.open();
			dialog.fill(name + " in URI", "amqp://analyst:secret@127.0.0.1:1", "", "", "vigil.unused");
			dialog.okPressed();
			boolean stillOpen = dialog.getShell() != null && dialog.saved() == null;
			dialog.close();
			return stillOpen;
		});
		assertTrue(refused, "a URI with a password must not be saved");
		assertTrue(service.connections().stream().noneMatch(c -> c.name().equals(name + " in URI")));
	}

	private static void assertNoFileHolds(Path root, String secret) throws IOException {
		List<byte[]> encodings = List.of(secret.getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_16BE), secret.getBytes(StandardCharsets.UTF_16LE));
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] content;
				try {
					content = Files.readAllBytes(file);
				} catch (IOException e) {
					continue; // a lock file held by another process
				}
				for (byte[] encoded : encodings) {
					assertFalse(contains(content, encoded), "the password is in plain text in " + file);
				}
			}
		}
	}

	private static boolean contains(byte[] content, byte[] part) {
		outer: for (int i = 0; i + part.length <= content.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (content[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Test
	void eventsPublishedToTheBrokerShowInTheViewAndTheStore() throws Exception {
		assumeBroker();
		String id = UUID.randomUUID().toString().substring(0, 8);
		String name = "broker " + id;
		String hostname = "collect-ui-" + id;
		queue = "vigil.test.ui." + id;
		ConnectionDefinition connection = addInDialog(name, "amqp://127.0.0.1:5672", "guest", "guest", queue, true);
		UiThread.waitUntil("the view shows the connection connected", WAIT, () -> "connected".equals(cell(name, 2)));

		try (Connection publisher = broker(); Channel channel = publisher.createChannel()) {
			channel.confirmSelect();
			for (int i = 0; i < 5; i++) {
				channel.basicPublish("eventtask", "eventtask", null, event(hostname, i).getBytes(StandardCharsets.UTF_8));
			}
			channel.waitForConfirmsOrDie(10_000);
		}

		UiThread.waitUntil("the view counts five events", WAIT, () -> "5".equals(cell(name, 4)));
		assertEquals("Connection", cell(name, 1));
		assertEquals("0", cell(name, 5));
		assertTrue(cell(name, 6).startsWith(Instant.now().toString().substring(0, 10)), cell(name, 6));
		Conditions.waitUntil("the five events are searchable", WAIT, () -> stored(hostname) == 5);
		assertEquals("connected", service.status(connection.id()).orElseThrow().state().name().toLowerCase(java.util.Locale.ROOT));
		UiThread.run(() -> Screenshots.save(part.viewer().getTable().getDisplay(), Path.of("target", "collector-health.png")));
	}

	@Test
	void theHttpIntakeToggleListensAndStoresAPost() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		String token = "token-" + UUID.randomUUID();
		service.configureHttpIntake(new HttpIntakeOptions("127.0.0.1", port, 1 << 20), token.toCharArray());
		assertTrue(service.hasSecret(CollectorService.HTTP_INTAKE, CollectorService.TOKEN));
		assertNoFileHolds(events.workspace().root(), token);
		UiThread.run(() -> {
			try {
				workbench.getActiveWorkbenchWindow().getService(IHandlerService.class).executeCommand(HttpIntakeHandler.COMMAND,
						null);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		UiThread.waitUntil("the view shows the port", WAIT, () -> part.httpText().equals("listening on 127.0.0.1:" + port));
		assertTrue(UiThread.call(() -> part.httpToggle().getSelection()));

		String hostname = "http-ui-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
						.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(event(hostname, 1)))
						.build(),
				HttpResponse.BodyHandlers.ofString());

		assertEquals(200, response.statusCode(), response.body());
		Conditions.waitUntil("the posted event is searchable", WAIT, () -> stored(hostname) == 1);
		UiThread.waitUntil("the view shows the HTTP intake's event", WAIT,
				() -> UiThread.call(() -> Stream.of(part.viewer().getTable().getItems())
						.anyMatch(item -> item.getText(1).equals("HTTP intake") && !item.getText(4).equals("0"))));

		UiThread.run(() -> {
			ToolItem toggle = part.httpToggle();
			toggle.setSelection(false);
			toggle.notifyListeners(SWT.Selection, new Event());
		});
		UiThread.waitUntil("the view shows the intake off", WAIT, () -> part.httpText().equals("off"));
		assertEquals(-1, service.httpIntakePort());
		service.configureHttpIntake(service.httpIntakeOptions(), new char[0]);
		assertFalse(service.hasSecret(CollectorService.HTTP_INTAKE, CollectorService.TOKEN));
	}

	@Test
	void aSilentSourceIsFlaggedInTheViewAndTheStatusLine() throws Exception {
		String name = "quiet " + UUID.randomUUID().toString().substring(0, 8);
		// Nothing listens on port 1, so nothing arrives: after a minute the source is overdue.
		ConnectionDefinition quiet = service.add(new ConnectionDefinition(null, name, "amqp://127.0.0.1:1", null, null,
				null, "vigil.unused", null, Duration.ofMinutes(1), true), CollectorService.Secrets.KEEP);
		added = quiet.id();

		UiThread.waitUntil("the view warns that the source is silent", Duration.ofSeconds(100),
				() -> part.warningText().contains("source " + name + " silent for 1 min"));
		assertNotNull(UiThread.call(() -> row(name).getImage(0)), "the silent row carries a warning icon");
		// The status line says it too, wherever the analyst is: the view's banner plus that one.
		UiThread.waitUntil("the status line warns too", WAIT, () -> Widgets.findAll(
				workbench.getActiveWorkbenchWindow().getShell(), CLabel.class,
				label -> label.getText().contains("source " + name + " silent for")).size() == 2);
		assertEquals(new org.eclipse.swt.graphics.RGB(255, 243, 205), UiThread.call(() -> row(name).getBackground(0).getRGB()));
		UiThread.run(() -> Screenshots.save(part.viewer().getTable().getDisplay(), Path.of("target", "collector-silent.png")));
	}
}
