package io.vigil.collect;

/**
 * Where the secrets of collector connections and the HTTP intake are kept: passwords and the
 * intake's bearer token never go to the workspace database or a settings file. The workbench
 * offers one backed by Eclipse secure storage. Implementations are thread-safe.
 */
public interface SecretStore {

	/**
	 * Returns a secret, or {@code null} when none is kept.
	 *
	 * @param owner whose secret: a connection's id, or {@code http-intake}
	 * @param key which of its secrets, such as {@code password}
	 * @throws SecretStoreException if the store cannot be read
	 */
	char[] read(String owner, String key) throws SecretStoreException;

	/**
	 * Keeps a secret, replacing the one kept before; {@code null} or an empty value removes it.
	 *
	 * @throws SecretStoreException if the store cannot be written
	 */
	void write(String owner, String key, char[] value) throws SecretStoreException;

	/**
	 * Removes every secret of an owner.
	 *
	 * @throws SecretStoreException if the store cannot be written
	 */
	void forget(String owner) throws SecretStoreException;
}
