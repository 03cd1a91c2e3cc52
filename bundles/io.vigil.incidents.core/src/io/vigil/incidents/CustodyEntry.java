package io.vigil.incidents;

import java.time.Instant;

/**
 * One line of an evidence item's chain of custody. The log is only ever appended to.
 *
 * @param who who handled the item
 * @param when when
 * @param action what they did
 * @param detail where to or from, or why (may be empty)
 */
public record CustodyEntry(String who, Instant when, CustodyAction action, String detail) {
}
