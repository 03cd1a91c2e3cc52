package io.vigil.exchange;

import java.util.List;

/**
 * A written bundle.
 *
 * @param sha256 the SHA-256 of the whole file
 * @param objects how many objects it holds
 * @param signer the key that signed it
 * @param recipients the keys it is encrypted to; empty when not encrypted
 * @param redaction what redaction did before writing
 */
public record ExportResult(String sha256, int objects, HandlerKey signer, List<HandlerKey> recipients,
		Redaction redaction) {

	/** Copies the list. */
	public ExportResult {
		recipients = List.copyOf(recipients);
	}
}
