package io.vigil.events.internal.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;

/**
 * Linux audit logs ({@code audit.log}, optionally with {@code node=} prefixes). The records of
 * one event share a serial and become one event (see {@link AuditEvent}); records of different
 * events may interleave, so they are joined by serial, not by adjacency. An event is complete
 * when its EOE record arrives. A record that stands alone (a user-space message such as
 * USER_LOGIN, USER_CMD or SERVICE_START) is an event at once. A kernel event that never gets an
 * EOE is given out when too many events are pending, or at the end of the input. Events are
 * therefore given out in the order they complete, each at the line of its first record.
 */
public final class AuditReader implements EventReader {

	/** Events waiting for their EOE, at most; beyond, the oldest is given out as it is. */
	private static final int PENDING_EVENTS = 64;
	/** Records in one event, at most; a runaway serial is cut into several events. */
	private static final int RECORDS_PER_EVENT = 1024;
	/** Type prefixes of records that user-space programs send one at a time, without EOE. */
	private static final List<String> STANDALONE = List.of("USER_", "CRED_", "DAEMON_", "SERVICE_", "SYSTEM_",
			"ANOM_LOGIN_", "ANOM_ADD_", "ANOM_DEL_", "ANOM_MOD_", "ANOM_ROOT_", "ANOM_EXEC", "ANOM_MK_EXEC",
			"ANOM_ACCESS_FS", "ANOM_AMTU", "ANOM_CRYPTO", "ANOM_MAX_", "ANOM_RBAC", "ADD_", "DEL_", "CHGRP_",
			"CHUSER_", "GRP_", "ACCT_", "ROLE_", "RESP_", "CRYPTO_", "VIRT_", "LABEL_", "TRUSTED_APP", "DAC_CHECK",
			"MAC_CHECK", "SOFTWARE_UPDATE", "USYS_CONFIG", "DEV_ALLOC", "DEV_DEALLOC", "FS_RELABEL");

	private final EventInput input;
	private final Map<String, List<AuditRecord>> pending = new LinkedHashMap<>();
	private final Deque<ReadRecord> ready = new ArrayDeque<>();
	private TextLines lines;

	/** Creates the reader; audit times carry their zone, so the options are not needed. */
	public AuditReader(EventInput input, ReaderOptions options) {
		this.input = input;
	}

	@Override
	public ReadRecord next() throws IOException {
		if (lines == null) {
			lines = new TextLines(input);
		}
		while (ready.isEmpty()) {
			TextLines.Line line = lines.next();
			if (line == null) {
				pending.values().forEach(this::giveOut);
				pending.clear();
				break;
			}
			accept(line);
		}
		return ready.poll();
	}

	private void accept(TextLines.Line line) {
		if (line.truncated()) {
			ready.add(line.tooLong());
			return;
		}
		if (isSearchSeparator(line.text())) {
			return;
		}
		try {
			join(AuditRecord.parse(line.number(), line.text()));
		} catch (MalformedRecordException e) {
			ready.add(line.rejected(e.getMessage()));
		}
	}

	/** ausearch separates events with {@code ----} and {@code time->...} lines, which carry no data. */
	private static boolean isSearchSeparator(String text) {
		return text.startsWith("----") || text.startsWith("time->");
	}

	private void join(AuditRecord record) {
		String key = record.eventKey();
		List<AuditRecord> group = pending.get(key);
		if (group == null && record.type().equals("EOE")) {
			// The event was given out already (or never logged its records); the EOE adds nothing.
			return;
		}
		if (group == null && standsAlone(record.type())) {
			giveOut(List.of(record));
			return;
		}
		if (group == null) {
			group = new ArrayList<>();
			pending.put(key, group);
			giveOutOldestBeyond(PENDING_EVENTS);
		}
		group.add(record);
		if (record.type().equals("EOE") || group.size() >= RECORDS_PER_EVENT) {
			giveOut(pending.remove(key));
		}
	}

	private static boolean standsAlone(String type) {
		return STANDALONE.stream().anyMatch(type::startsWith);
	}

	private void giveOutOldestBeyond(int limit) {
		Iterator<List<AuditRecord>> oldest = pending.values().iterator();
		while (pending.size() > limit && oldest.hasNext()) {
			giveOut(oldest.next());
			oldest.remove();
		}
	}

	private void giveOut(List<AuditRecord> records) {
		ready.add(AuditEvent.of(records));
	}

	@Override
	public void close() throws IOException {
		input.close();
	}
}
