package io.vigil.rules.response;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import io.vigil.rules.alerts.Alert;

/** POSTs the alert as JSON to a URL; a 2xx answer is success, anything else a failure. */
final class HttpAction implements ResponseAction {

	private static final int BODY_SHOWN = 512;

	private final HttpClient client;

	HttpAction(HttpClient client) {
		this.client = client;
	}

	@Override
	public String run(ActionSpec spec, Alert alert, byte[] json, Duration timeout) throws Exception {
		URI uri = uri(spec.target());
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		String body;
		try (InputStream in = response.body()) {
			body = new String(in.readNBytes(BODY_SHOWN), StandardCharsets.UTF_8).strip();
		}
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			throw new ActionFailedException("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
		}
		return "HTTP " + status;
	}

	private static URI uri(String target) throws ActionFailedException {
		try {
			URI uri = new URI(target);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
				throw new ActionFailedException("'" + shown(target) + "' is not an http:// or https:// URL");
			}
			return uri;
		} catch (URISyntaxException e) {
			throw new ActionFailedException("'" + shown(target) + "' is not a URL: " + e.getReason());
		}
	}

	@Override
	public String shownTarget(ActionSpec spec) {
		return shown(spec.target());
	}

	private static String shown(String target) {
		return target.replaceAll("//[^@/]*@", "//");
	}
}
