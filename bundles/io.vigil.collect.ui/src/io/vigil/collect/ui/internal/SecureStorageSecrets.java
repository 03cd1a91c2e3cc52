package io.vigil.collect.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.vigil.collect.SecretStore;
import io.vigil.collect.SecretStoreException;
import io.vigil.core.workspace.Workspace;

/**
 * Keeps collector secrets in Eclipse secure storage, encrypted, under {@code /io.vigil/collect/OWNER}.
 * The storage belongs to the workspace (its {@code .metadata}), like the connections it serves, and
 * is opened with a master password of its own: a random key in a file beside it that only the user
 * may read. So the workbench never prompts, also on a machine without a keyring or a display
 * server's password provider, and a password never appears in plain text in the workspace. It
 * protects against secrets leaking through settings, exports and backups of the database; it does
 * not protect against someone who can read the user's files.
 */
@Component(service = SecretStore.class)
public final class SecureStorageSecrets implements SecretStore {

	/** Where collector secrets live in the storage. */
	static final String NODE = "/io.vigil/collect/";

	/** The folder, below the workspace, that holds the storage and its key. */
	static final String FOLDER = ".metadata/.plugins/io.vigil.collect.ui";

	@Reference
	private Workspace workspace;

	private ISecurePreferences root;
	private Path storage;

	/** Opens the storage, creating it and its key the first time. */
	@Activate
	void activate() throws IOException {
		Path folder = workspace.root().resolve(FOLDER);
		Files.createDirectories(folder);
		storage = folder.resolve("secure_storage");
		Map<String, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(key(folder.resolve("secure_storage.key"))));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		root = SecurePreferencesFactory.open(storage.toUri().toURL(), options);
		if (root == null) {
			throw new IOException("cannot open the secure storage in " + storage);
		}
	}

	private static char[] key(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			byte[] text = Base64.getEncoder().encode(random);
			try {
				Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
						text);
			} catch (FileAlreadyExistsException e) {
				// Another start won the race; its key is read below.
			} catch (UnsupportedOperationException e) {
				Files.write(file, text);
			}
		}
		return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
	}

	@Override
	public synchronized char[] read(String owner, String key) throws SecretStoreException {
		String path = NODE + owner;
		try {
			if (!root.nodeExists(path)) {
				return null;
			}
			String value = root.node(path).get(key, null);
			return value == null ? null : value.toCharArray();
		} catch (StorageException | IllegalArgumentException e) {
			throw new SecretStoreException("cannot read " + key + " of " + owner + " from the secure storage " + storage
					+ ": " + e.getMessage(), e);
		}
	}

	@Override
	public synchronized void write(String owner, String key, char[] value) throws SecretStoreException {
		try {
			ISecurePreferences node = root.node(NODE + owner);
			if (value == null || value.length == 0) {
				node.remove(key);
			} else {
				node.put(key, new String(value), true);
			}
			flush();
		} catch (StorageException | IOException | IllegalArgumentException e) {
			throw new SecretStoreException("cannot keep " + key + " of " + owner + " in the secure storage " + storage
					+ ": " + e.getMessage(), e);
		}
	}

	@Override
	public synchronized void forget(String owner) throws SecretStoreException {
		try {
			if (root.nodeExists(NODE + owner)) {
				root.node(NODE + owner).removeNode();
				flush();
			}
		} catch (IOException | IllegalArgumentException e) {
			throw new SecretStoreException("cannot remove the secrets of " + owner + " from the secure storage " + storage
					+ ": " + e.getMessage(), e);
		}
	}

	private void flush() throws IOException {
		root.flush();
		try {
			Files.setPosixFilePermissions(storage, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Not a POSIX file system: the folder's rights apply.
		}
	}
}
