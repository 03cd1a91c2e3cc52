package io.vigil.collect;

import io.vigil.collect.http.HttpIntake;

/**
 * The workbench's HTTP intake settings, kept in the workspace; the bearer token is a secret and
 * lives in the {@link SecretStore}.
 *
 * @param host the address to listen on; {@code 127.0.0.1} keeps the intake local
 * @param port the port to listen on
 * @param maxBytes the largest request body accepted
 */
public record HttpIntakeOptions(String host, int port, int maxBytes) {

	/** The options unless set otherwise. */
	public static HttpIntakeOptions defaults() {
		HttpIntake.Settings defaults = HttpIntake.Settings.defaults(HttpIntake.DEFAULT_PORT);
		return new HttpIntakeOptions(defaults.host(), defaults.port(), defaults.maxBytes());
	}

	/** Returns the intake's settings with a token, or none. */
	public HttpIntake.Settings settings(String token) {
		return new HttpIntake.Settings(host, port, token, maxBytes);
	}
}
