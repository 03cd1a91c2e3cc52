package io.vigil.rules.response;

import java.time.Instant;

/**
 * One run of an automated response for an alert.
 *
 * @param kind the action's kind
 * @param target what it went to
 * @param started when it started
 * @param succeeded whether it did what it should
 * @param outcome what happened, for a person (the HTTP status, the exit code and the error text)
 */
public record ActionRun(String kind, String target, Instant started, boolean succeeded, String outcome) {
}
