package io.vigil.collect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.collect.LiveFixture;

/** MozDef's intake API over real HTTP on 127.0.0.1, into a real workspace. */
class HttpIntakeTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String LOGIN = """
			{"utctimestamp":"2026-12-04T08:00:00Z","category":"authentication","hostname":"web1",
			 "summary":"login ok","details":{"username":"alice","sourceipaddress":"10.1.2.3"}}""";

	@TempDir
	Path folder;

	private LiveFixture fixture;
	private HttpIntake intake;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void start() throws Exception {
		fixture = new LiveFixture(folder, Duration.ofMillis(50));
	}

	private void listen(String token, int maxBytes) throws Exception {
		intake = new HttpIntake(new HttpIntake.Settings("127.0.0.1", 0, token, maxBytes), fixture.live(), message -> {
		});
		intake.start();
	}

	@AfterEach
	void stop() throws Exception {
		if (intake != null) {
			intake.close();
		}
		fixture.close();
	}

	private HttpResponse<String> post(String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.port() + path))
				.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	@Test
	void oneEventIsDurableWhenTheAnswerComes() throws Exception {
		listen(null, 0);
		HttpResponse<String> response = post("/events", LOGIN, null);
		assertEquals(200, response.statusCode(), response.body());
		assertEquals(1, json(response).get("stored").asInt());
		assertTrue(fixture.live().commits().durable() >= 1, "answered before the commit");
		assertEquals(1, fixture.count("details.username:alice AND details.sourceipaddress:10.0.0.0/8"));
	}

	@Test
	void theSameEventSentTwiceIsStoredOnce() throws Exception {
		listen(null, 0);
		assertEquals(200, post("/events", LOGIN, null).statusCode());
		assertEquals(200, post("/events", LOGIN, null).statusCode());
		assertEquals(1, fixture.count("*"));
	}

	@Test
	void bulkSkipsElasticsearchActionLines() throws Exception {
		listen(null, 0);
		String body = """
				{"index":{"_index":"events","_type":"event"}}
				{"utctimestamp":"2026-12-04T08:01:00Z","summary":"first","hostname":"a"}
				{"create":{}}
				{"utctimestamp":"2026-12-04T08:02:00Z","summary":"second","hostname":"b"}
				""";
		HttpResponse<String> response = post("/_bulk", body, null);
		assertEquals(200, response.statusCode(), response.body());
		assertEquals(2, json(response).get("stored").asInt());
		assertEquals(2, fixture.count("*"));
		assertEquals(0, fixture.count("index:*"));
	}

	@Test
	void bulkTakesAJsonArray() throws Exception {
		listen(null, 0);
		HttpResponse<String> response = post("/_bulk", "[" + LOGIN + ", {\"utctimestamp\":\"2026-12-04T09:00:00Z\",\"summary\":\"x\"}]",
				null);
		assertEquals(200, response.statusCode(), response.body());
		assertEquals(2, fixture.count("*"));
	}

	@Test
	void aBrokenBodyGets400WithWhereItBroke() throws Exception {
		listen(null, 0);
		HttpResponse<String> response = post("/events", "{\"summary\": \"cut\", ", null);
		assertEquals(400, response.statusCode());
		String error = json(response).get("error").asText();
		assertTrue(error.contains("malformed JSON at line 1, column"), error);
		assertEquals(0, fixture.count("*"));
	}

	@Test
	void aBulkWithABadLineStoresTheRestAndNamesTheLine() throws Exception {
		listen(null, 0);
		String body = "{\"utctimestamp\":\"2026-12-04T08:01:00Z\",\"summary\":\"good\"}\n{\"utctimestamp\":\"soon\"}\n";
		JsonNode answer = json(post("/_bulk", body, null));
		assertEquals(1, answer.get("stored").asInt());
		assertEquals(1, answer.get("rejected").asInt());
		assertEquals(2, answer.get("errors").get(0).get("line").asInt());
		assertTrue(answer.get("errors").get(0).get("reason").asText().contains("'soon' is not a timestamp"));
	}

	@Test
	void customEndpointNamesTheSource() throws Exception {
		listen(null, 0);
		assertEquals(200, post("/custom/vpnlogs", "{\"utctimestamp\":\"2026-12-04T08:00:00Z\",\"summary\":\"vpn up\"}",
				null).statusCode());
		assertEquals(1, fixture.count("source:vpnlogs AND customendpoint:true"));
	}

	@Test
	void aTokenIsRequiredWhenSet() throws Exception {
		listen("s3cret-token", 0);
		HttpResponse<String> refused = post("/events", LOGIN, null);
		assertEquals(401, refused.statusCode());
		assertEquals(401, post("/events", LOGIN, "wrong").statusCode());
		assertEquals(0, fixture.count("*"));
		assertEquals(200, post("/events", LOGIN, "s3cret-token").statusCode());
		assertEquals(1, fixture.count("*"));
	}

	@Test
	void aBodyOverTheLimitGets413() throws Exception {
		listen(null, 200);
		HttpResponse<String> response = post("/_bulk", (LOGIN + "\n").repeat(5), null);
		assertEquals(413, response.statusCode());
		assertTrue(json(response).get("error").asText().contains("200 bytes"));
		assertEquals(0, fixture.count("*"));
	}

	@Test
	void unknownPathsAndMethodsAreRefused() throws Exception {
		listen(null, 0);
		assertEquals(404, post("/index.php", LOGIN, null).statusCode());
		HttpResponse<String> get = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.port() + "/events")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(405, get.statusCode());
		HttpResponse<String> status = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.port() + "/status")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(200, status.statusCode());
	}
}
