package io.vigil.exchange;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.internal.format.Crypto;
import io.vigil.exchange.internal.format.Json;

/**
 * The handler keys of a workspace, one JSON file per key in {@code settings/keys/}: the workspace's
 * own keys (an Ed25519 signing pair and an X25519 encryption pair, the private keys encrypted with
 * AES-256-GCM under a key derived from a passphrase by PBKDF2-HMAC-SHA256) and the public keys of
 * other handlers (known signers, recipients).
 */
public final class HandlerKeys {

	/** PBKDF2 iterations for new keys (the OWASP recommendation for PBKDF2-HMAC-SHA256). */
	public static final int DEFAULT_ITERATIONS = 600_000;
	/** What a key name may hold. */
	public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private static final String KEY_FORMAT = "vigil-handler-key";
	private static final String PUBLIC_FORMAT = "vigil-public-key";
	private static final int MAX_KEY_FILE = 64 * 1024;

	private final Path directory;
	private final Clock clock;
	private final int iterations;

	/**
	 * Makes the key store of a directory.
	 *
	 * @param iterations PBKDF2 iterations for keys made here (tests use fewer)
	 */
	public HandlerKeys(Path directory, Clock clock, int iterations) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (iterations < 1_000) {
			throw new IllegalArgumentException("at least 1000 PBKDF2 iterations: " + iterations);
		}
		this.iterations = iterations;
	}

	/** Returns the key store of a workspace, {@code settings/keys/}. */
	public static HandlerKeys of(Workspace workspace) {
		return new HandlerKeys(workspace.settingsDirectory().resolve("keys"), Clock.systemUTC(), DEFAULT_ITERATIONS);
	}

	/** Returns the directory of the key files. */
	public Path directory() {
		return directory;
	}

	/**
	 * Makes a new own key: a signing and an encryption key pair, the private keys protected by a
	 * passphrase.
	 *
	 * @throws ExchangeException if the name is not valid or taken, or the passphrase is empty
	 */
	public HandlerKey create(String name, char[] passphrase) throws ExchangeException {
		checkName(name);
		if (passphrase.length == 0) {
			throw new ExchangeException("a key's passphrase must not be empty");
		}
		if (Files.exists(file(name))) {
			throw new ExchangeException("a key named " + name + " exists already in " + directory);
		}
		try {
			KeyPair signing = Crypto.signingKeyPair();
			KeyPair encryption = Crypto.agreementKeyPair();
			HandlerKey key = new HandlerKey(name, signing.getPublic().getEncoded(), encryption.getPublic().getEncoded(),
					clock.instant().truncatedTo(ChronoUnit.SECONDS), true);
			ObjectNode file = publicJson(key, KEY_FORMAT);
			file.set("private", sealPrivate(key, signing.getPrivate(), encryption.getPrivate(), passphrase));
			writeNew(name, file);
			return key;
		} catch (GeneralSecurityException e) {
			throw new ExchangeException("cannot make key " + name + ": " + e.getMessage(), e);
		}
	}

	private ObjectNode sealPrivate(HandlerKey key, PrivateKey signing, PrivateKey encryption, char[] passphrase)
			throws GeneralSecurityException {
		byte[] salt = Crypto.random(16);
		byte[] nonce = Crypto.random(Crypto.NONCE_BYTES);
		ObjectNode secret = Json.MAPPER.createObjectNode().put("signing", Json.base64(signing.getEncoded()))
				.put("encryption", Json.base64(encryption.getEncoded()));
		byte[] sealed = Crypto.encrypt(Crypto.passphraseKey(passphrase, salt, iterations), nonce, Json.canonical(secret),
				key.signingKey());
		return Json.MAPPER.createObjectNode().put("kdf", "PBKDF2WithHmacSHA256").put("iterations", iterations)
				.put("salt", Json.base64(salt)).put("cipher", "AES-256-GCM").put("nonce", Json.base64(nonce))
				.put("data", Json.base64(sealed));
	}

	/**
	 * Returns the private keys of an own key.
	 *
	 * @throws ExchangeException if there is no such own key or the passphrase is wrong
	 */
	UnlockedKey unlock(String name, char[] passphrase) throws ExchangeException {
		ObjectNode file = readFile(file(name), name);
		HandlerKey key = parse(file, file(name));
		ObjectNode sealed = file.get("private") instanceof ObjectNode node ? node : null;
		if (sealed == null) {
			throw new ExchangeException("key " + name + " is another handler's public key; this workspace has no"
					+ " private key for it");
		}
		byte[] salt = Json.base64(sealed, "salt");
		byte[] nonce = Json.base64(sealed, "nonce");
		byte[] data = Json.base64(sealed, "data");
		int rounds = sealed.path("iterations").asInt(0);
		if (salt == null || nonce == null || data == null || rounds < 1_000) {
			throw new ExchangeException("key file " + file(name) + " is damaged: its private part is incomplete");
		}
		try {
			byte[] plain = Crypto.decrypt(Crypto.passphraseKey(passphrase, salt, rounds), nonce, data, key.signingKey());
			ObjectNode secret = Json.parseObject(plain);
			return new UnlockedKey(key, Crypto.privateKey("Ed25519", Json.base64(secret, "signing")),
					Crypto.privateKey("X25519", Json.base64(secret, "encryption")));
		} catch (GeneralSecurityException | RuntimeException e) {
			throw new ExchangeException("wrong passphrase for key " + name, e);
		}
	}

	/** The private keys of an own key, unlocked with its passphrase. */
	record UnlockedKey(HandlerKey key, PrivateKey signing, PrivateKey encryption) {
	}

	/** Returns every key, own and public, by name. */
	public List<HandlerKey> list() throws ExchangeException {
		List<HandlerKey> keys = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return keys;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
			for (Path path : files) {
				keys.add(parse(readFile(path, path.getFileName().toString()), path));
			}
		} catch (IOException e) {
			throw new ExchangeException("cannot list the keys in " + directory + ": " + e.getMessage(), e);
		}
		keys.sort(Comparator.comparing(HandlerKey::name));
		return keys;
	}

	/** Returns the key of a name. */
	public Optional<HandlerKey> find(String name) throws ExchangeException {
		if (!name.matches(NAME_PATTERN) || !Files.exists(file(name))) {
			return Optional.empty();
		}
		return Optional.of(parse(readFile(file(name), name), file(name)));
	}

	/** Returns the key with a signing public key, if the workspace knows it. */
	public Optional<HandlerKey> findBySigningKey(byte[] signingKey) throws ExchangeException {
		for (HandlerKey key : list()) {
			if (Arrays.equals(key.signingKey(), signingKey)) {
				return Optional.of(key);
			}
		}
		return Optional.empty();
	}

	/**
	 * Writes the public keys of a key for another handler to import.
	 *
	 * @throws ExchangeException if there is no such key or the file cannot be written
	 */
	public void exportPublic(String name, Path out) throws ExchangeException {
		HandlerKey key = find(name).orElseThrow(() -> new ExchangeException("no key named " + name + " in " + directory));
		try {
			Files.write(out, Json.canonical(publicJson(key, PUBLIC_FORMAT)));
		} catch (IOException e) {
			throw new ExchangeException("cannot write " + out + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Adds another handler's public keys from a file {@link #exportPublic} wrote.
	 *
	 * @return the key as stored; unchanged when the workspace knew it already
	 * @throws ExchangeException if the file is not a public key file, or its name is taken by other keys
	 */
	public HandlerKey importPublic(Path file) throws ExchangeException {
		ObjectNode json = readFile(file, file.toString());
		if (!PUBLIC_FORMAT.equals(Json.text(json, "format"))) {
			throw new ExchangeException(file + " is not a Vigil public key file (format " + PUBLIC_FORMAT + ")");
		}
		return remember(parse(json, file));
	}

	/**
	 * Stores another handler's public keys under their name, so that the workspace knows the signer
	 * or recipient from now on.
	 *
	 * @return the key as stored; unchanged when the workspace knew it already
	 * @throws ExchangeException if the name holds other keys already
	 */
	public HandlerKey remember(HandlerKey key) throws ExchangeException {
		checkName(key.name());
		Optional<HandlerKey> existing = find(key.name());
		if (existing.isPresent()) {
			if (existing.get().sameKeys(key)) {
				return existing.get();
			}
			throw new ExchangeException("a different key named " + key.name() + " exists already in " + directory
					+ " (fingerprint " + existing.get().fingerprint() + ")");
		}
		HandlerKey known = new HandlerKey(key.name(), key.signingKey(), key.encryptionKey(), key.created(), false);
		write(key.name(), publicJson(known, PUBLIC_FORMAT));
		return known;
	}

	private static ObjectNode publicJson(HandlerKey key, String format) {
		return Json.MAPPER.createObjectNode().put("format", format).put("version", 1).put("name", key.name())
				.put("created", key.created().toString()).put("signingKey", Json.base64(key.signingKey()))
				.put("encryptionKey", Json.base64(key.encryptionKey())).put("fingerprint", key.fingerprint());
	}

	private static HandlerKey parse(ObjectNode json, Path file) throws ExchangeException {
		String name = Json.text(json, "name");
		byte[] signing = Json.base64(json, "signingKey");
		byte[] encryption = Json.base64(json, "encryptionKey");
		String created = Json.text(json, "created");
		if (name == null || !name.matches(NAME_PATTERN) || signing == null || encryption == null || created == null) {
			throw new ExchangeException("key file " + file + " is damaged: it needs name, created, signingKey and"
					+ " encryptionKey");
		}
		try {
			Crypto.publicKey("Ed25519", signing);
			Crypto.publicKey("X25519", encryption);
			return new HandlerKey(name, signing, encryption, Instant.parse(created), json.has("private"));
		} catch (GeneralSecurityException | DateTimeParseException e) {
			throw new ExchangeException("key file " + file + " is damaged: " + e.getMessage(), e);
		}
	}

	private ObjectNode readFile(Path path, String what) throws ExchangeException {
		try {
			if (!Files.isRegularFile(path)) {
				throw new ExchangeException("no key " + what + " (" + path + ")");
			}
			if (Files.size(path) > MAX_KEY_FILE) {
				throw new ExchangeException(path + " is too large for a key file");
			}
			ObjectNode json = Json.parseObject(Files.readAllBytes(path));
			if (json == null) {
				throw new ExchangeException(path + " is not a key file: not a JSON object");
			}
			return json;
		} catch (IOException e) {
			throw new ExchangeException("cannot read " + path + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes a new key file, never over an existing one: two makers of the same name at once
	 * (the command line and the preferences) must not lose the first one's private key.
	 */
	private void writeNew(String name, ObjectNode json) throws ExchangeException {
		Path target = file(name);
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, name, ".tmp");
			try {
				restrict(temporary);
				Files.write(temporary, Json.canonical(json));
				// A hard link appears whole and fails if the name is taken, which a rename would replace.
				Files.createLink(target, temporary);
			} finally {
				Files.deleteIfExists(temporary);
			}
		} catch (java.nio.file.FileAlreadyExistsException e) {
			throw new ExchangeException("a key named " + name + " exists already in " + directory, e);
		} catch (IOException | UnsupportedOperationException e) {
			throw new ExchangeException("cannot write key file " + target + ": " + e.getMessage(), e);
		}
	}

	private void write(String name, ObjectNode json) throws ExchangeException {
		Path target = file(name);
		try {
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, name, ".tmp");
			try {
				restrict(temporary);
				Files.write(temporary, Json.canonical(json));
				try {
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(temporary, target);
				}
			} finally {
				Files.deleteIfExists(temporary);
			}
		} catch (IOException e) {
			throw new ExchangeException("cannot write key file " + target + ": " + e.getMessage(), e);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Not a POSIX file system: the workspace directory's own permissions protect the file.
		}
	}

	private Path file(String name) {
		return directory.resolve(name + ".json");
	}

	private void checkName(String name) throws ExchangeException {
		if (name == null || !name.matches(NAME_PATTERN)) {
			throw new ExchangeException("a key name is 1 to 64 letters, digits, '.', '_' and '-', starting with a letter"
					+ " or digit: '" + name + "'");
		}
	}
}
