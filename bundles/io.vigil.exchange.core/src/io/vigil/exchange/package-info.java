/**
 * Sharing workspace objects between incident handlers: signed, optionally encrypted and redacted
 * bundle files, the handler keys that sign and open them, and the merge of a bundle into a
 * workspace. Capabilities take part through {@link io.vigil.exchange.ExchangeParticipant}.
 *
 * <h2>Bundle layout</h2>
 * A bundle is one ZIP file whose entries are all STORED (not compressed), in this order, each with
 * the fixed time 2000-01-01 00:00 and no extra fields, so that {@code unzip -l} lists it and the
 * same content always gives the same bytes:
 *
 * <pre>
 * vigil-bundle                 the text "Vigil workspace bundle, format 1\n"
 * manifest.json                canonical JSON (fields sorted, no whitespace, UTF-8):
 *                                format "vigil-bundle", formatVersion 1, vigilVersion, created,
 *                                exporter, redactionProfile, tlp, objectCount,
 *                                signer {name, created, signingKey, encryptionKey, fingerprint},
 *                                entries [{path, sha256, size, object "type:id" (not when encrypted)}],
 *                                encryption {...} (only when encrypted, see below)
 * manifest.sig                 the 64-byte Ed25519 signature of the exact bytes of manifest.json
 * objects/000001.json          one object: {type, id, updated, content, attachments [{name,
 *                                mediaType, raw, size, sha256, path}]}, canonical JSON
 * attachments/000001/1-NAME    the bytes of the object's first attachment
 * ...
 * </pre>
 *
 * Keys are X.509 encodings in base64: Ed25519 for signing, X25519 for encryption. A key's
 * fingerprint is the SHA-256 of its signing key's encoding, in hex groups of four.
 *
 * <p>
 * An <b>encrypted</b> bundle holds only {@code vigil-bundle}, {@code manifest.json},
 * {@code manifest.sig} and {@code payload.bin}: the objects and attachments entries, laid out as
 * above, form an inner ZIP of the same kind that is encrypted with AES-256-GCM under a random
 * content key ({@code encryption.nonce}; associated data {@code "vigil-bundle payload"}). For each
 * recipient, {@code encryption.recipients} holds its name, fingerprint and X25519 key, a one-time
 * X25519 key, and the content key wrapped with AES-256-GCM under HKDF-SHA256(X25519(one-time,
 * recipient), salt = one-time key || recipient key, info "vigil-bundle content key"). The manifest
 * lists the hash of {@code payload.bin} and the hashes of the inner entries (their paths only), so
 * the signature covers the objects while the manifest reveals none of them.
 *
 * <h2>Verification</h2>
 * Opening a bundle refuses it unless, in order: the file is such a ZIP and its bytes are exactly
 * what Vigil writes for its entries (so no byte outside an entry can change unnoticed); the
 * signature verifies over the manifest bytes with the signing key the manifest names; the signer
 * is known, when the workspace setting {@code exchange.acceptKnownSignersOnly} is {@code true};
 * an encrypted payload has its listed hash and decrypts with an own key; every entry is listed
 * with its SHA-256 and size and no entry is unlisted. A signer the workspace does not know is
 * reported as a warning naming it and its fingerprint.
 *
 * <h2>Merging</h2>
 * The workspace database keeps, per object, the content hash it had when last exported or
 * imported (table {@code EXCHANGE_BASE}). Comparing the bundle's copy, the workspace's copy and
 * that base tells added, identical, updated, kept and conflicting objects apart.
 */
package io.vigil.exchange;
