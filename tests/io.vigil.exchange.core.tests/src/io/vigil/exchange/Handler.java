package io.vigil.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;

/**
 * One incident handler of a test: a real workspace in a temporary folder, its own key (with few
 * PBKDF2 iterations, to keep tests quick) and the test participant.
 */
final class Handler implements AutoCloseable {

	static final char[] PASSPHRASE = "correct horse battery".toCharArray();
	static final int ITERATIONS = 1_000;
	private static final ObjectMapper JSON = new ObjectMapper();

	final Workspace workspace;
	final HandlerKeys keys;
	final ExchangeBundles bundles;
	final TestParticipant participant = new TestParticipant(java.util.Set.of("incident", "event", "alert", "evidence"));
	private final HandlerKey key;

	Handler(Path folder, String name) throws Exception {
		workspace = Workspace.open(folder.resolve(name), "test");
		keys = new HandlerKeys(workspace.settingsDirectory().resolve("keys"), Clock.systemUTC(), ITERATIONS);
		bundles = new ExchangeBundles(workspace, keys, Clock.systemUTC());
		key = keys.create(name, PASSPHRASE);
	}

	HandlerKey key() {
		return key;
	}

	/** Makes this handler know another's public keys. */
	void knows(Handler other) throws ExchangeException {
		keys.remember(other.key());
	}

	void put(ExchangeObject... objects) throws Exception {
		TestParticipant.put(workspace, List.of(objects));
	}

	List<ExchangeObject> stored() throws Exception {
		return TestParticipant.all(workspace);
	}

	ExchangeObject stored(String type, String id) throws Exception {
		return participant.current(type, id, workspace).orElseThrow();
	}

	/** Exports objects signed with this handler's key, not encrypted, with no redaction. */
	ExportResult export(List<ExchangeObject> objects, Path out) throws Exception {
		return bundles.export(objects, new ExportOptions(key.name(), PASSPHRASE, List.of(), "none", null), out);
	}

	VerifiedBundle open(Path file) throws Exception {
		return bundles.open(file, name -> PASSPHRASE.clone());
	}

	static ExchangeObject object(String type, String id, String json) {
		return object(type, id, json, List.of());
	}

	static ExchangeObject object(String type, String id, String json, List<Attachment> attachments) {
		try {
			return new ExchangeObject(type, id, Instant.parse("2026-12-04T08:00:00Z"), (ObjectNode) JSON.readTree(json),
					attachments);
		} catch (IOException e) {
			throw new IllegalArgumentException(json, e);
		}
	}

	@Override
	public void close() throws Exception {
		workspace.close();
	}
}
