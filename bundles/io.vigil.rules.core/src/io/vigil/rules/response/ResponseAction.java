package io.vigil.rules.response;

import java.time.Duration;

import io.vigil.rules.alerts.Alert;

/** One kind of automated response. Implementations are thread-safe. */
interface ResponseAction {

	/**
	 * Runs the action for an alert.
	 *
	 * @param spec the action as the rule gives it
	 * @param alert the stored alert
	 * @param json the alert as {@link AlertJson}
	 * @param timeout how long it may take; the runner interrupts it after that
	 * @return what happened, for a person
	 * @throws ActionFailedException when it did not do what it should, with the reason
	 * @throws Exception when something else went wrong; its message is the reason
	 */
	String run(ActionSpec spec, Alert alert, byte[] json, Duration timeout) throws Exception;

	/** Returns the target as recorded: without credentials. */
	default String shownTarget(ActionSpec spec) {
		return spec.target();
	}

	/** An action that did not do what it should; the message says why, for a person. */
	final class ActionFailedException extends Exception {

		private static final long serialVersionUID = 1L;

		ActionFailedException(String message) {
			super(message);
		}

		ActionFailedException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
