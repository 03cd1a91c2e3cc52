package io.vigil.events.internal.read;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Severity;
import io.vigil.events.read.ReadRecord;

/**
 * Turns the records of one audit event, those that share a serial, into one MozDef event in the
 * manner of audisp-json: the SYSCALL record gives the process and its ids, EXECVE the command
 * line, CWD, PATH, PROCTITLE and SOCKADDR the rest of the story; a record of another type (a
 * user-space message such as USER_LOGIN, or a kernel one such as AVC) gives its own fields and
 * names the category. When two records give the same detail, the first one read wins.
 */
final class AuditEvent {

	/** Record types that only complete a SYSCALL record's story; any other type names the event. */
	static final Set<String> PARTS = Set.of("SYSCALL", "EXECVE", "CWD", "PATH", "PROCTITLE", "SOCKADDR", "OBJ_PID",
			"EOE", "MMAP", "FD_PAIR", "BPRM_FCAPS", "CAPSET", "IPC", "IPC_SET_PERM", "MQ_OPEN", "MQ_SENDRECV",
			"MQ_NOTIFY", "MQ_GETSETATTR", "KERN_MODULE", "OPENAT2", "SOCKETCALL", "TIME_ADJNTPVAL",
			"TIME_INJOFFSET");

	/** An id of 4294967295 ((uid_t) -1) means the id was never set, as for a daemon's auid. */
	private static final String UNSET_ID = "4294967295";
	private static final Set<String> IDS = Set.of("auid", "originaluid", "uid", "gid", "euid", "suid", "fsuid",
			"egid", "sgid", "fsgid", "ouid", "ogid", "ses");
	private static final Set<String> NUMBERS = Set.of("pid", "ppid", "exit", "inode", "argc", "auditserial");
	private static final List<String> SYSCALL_FIELDS = List.of("arch", "exit", "ppid", "pid", "auid", "uid", "gid",
			"euid", "suid", "fsuid", "egid", "sgid", "fsgid", "tty", "ses", "comm", "exe", "subj");
	private static final Pattern AVC = Pattern.compile("avc:\\s+(\\w+)\\s+\\{\\s*([^}]*?)\\s*}");

	private final List<AuditRecord> records;
	private final EventBuilder event = new EventBuilder();
	private final ObjectNode details = event.details();
	private String syscall;

	private AuditEvent(List<AuditRecord> records) {
		this.records = records;
	}

	/**
	 * Returns the event of a group of records, at the first record's line, with the records'
	 * lines as its raw text.
	 */
	static ReadRecord of(List<AuditRecord> records) {
		AuditRecord first = records.get(0);
		String raw = records.stream().map(AuditRecord::text).collect(Collectors.joining("\n"));
		return ReadRecord.event(first.line(), raw, new AuditEvent(records).build());
	}

	private ObjectNode build() {
		AuditRecord first = records.get(0);
		event.time(first.instant(), first.time()).set(EventFields.HOSTNAME, first.node()).set(EventFields.SOURCE,
				"auditd");
		put("auditserial", first.serial());
		recordTypes();
		ofType("SYSCALL").forEach(this::syscall);
		execve(ofType("EXECVE"));
		ofType("CWD").forEach(cwd -> put("cwd", cwd.value("cwd")));
		paths(ofType("PATH"));
		ofType("PROCTITLE").forEach(title -> put("proctitle", title.value("proctitle")));
		records.stream().filter(record -> !PARTS.contains(record.type())).forEach(this::described);
		ofType("SOCKADDR").forEach(this::socket);
		interpreted();
		String category = category();
		event.set(EventFields.CATEGORY, category).severity(severity()).set(EventFields.SUMMARY,
				AuditSummary.of(category, primaryType(), details));
		event.set(EventFields.PROCESS_NAME, processName()).processId(details.path("pid").asText(null));
		return event.build();
	}

	private List<AuditRecord> ofType(String type) {
		return records.stream().filter(record -> record.type().equals(type)).toList();
	}

	private void recordTypes() {
		ArrayNode types = details.putArray("auditrecordtypes");
		records.stream().map(AuditRecord::type).filter(type -> !type.equals("EOE")).distinct().forEach(types::add);
	}

	private void syscall(AuditRecord record) {
		syscall = Syscalls.name(record.value("arch"), record.value("syscall"), record.interpreted("SYSCALL"));
		put("syscall", syscall);
		success(record.value("success"));
		for (String key : SYSCALL_FIELDS) {
			put(key, record.value(key));
		}
		put("originaluid", record.value("auid"));
		auditKey(record.value("key"));
	}

	/** Joins the arguments, which long command lines spread over several EXECVE records. */
	private void execve(List<AuditRecord> execves) {
		if (execves.isEmpty()) {
			return;
		}
		execves.forEach(record -> put("argc", record.value("argc")));
		StringBuilder command = new StringBuilder();
		for (int index = 0;; index++) {
			String argument = argument(execves, index);
			if (argument == null) {
				break;
			}
			command.append(command.isEmpty() ? "" : " ").append(argument);
		}
		put("command", command.toString());
	}

	private static String argument(List<AuditRecord> execves, int index) {
		String key = "a" + index;
		for (AuditRecord record : execves) {
			if (record.fields().containsKey(key)) {
				return record.value(key) == null ? "" : record.value(key);
			}
			if (record.fields().containsKey(key + "[0]")) {
				return chunked(record, key);
			}
		}
		return null;
	}

	/** Reads an argument too long for one field: {@code a1_len=N a1[0]=HEX a1[1]=HEX ...}. */
	private static String chunked(AuditRecord record, String key) {
		StringBuilder hex = new StringBuilder();
		for (int chunk = 0; record.fields().containsKey(key + "[" + chunk + "]"); chunk++) {
			hex.append(record.fields().get(key + "[" + chunk + "]"));
		}
		String text = AuditFields.decoded(hex.toString());
		return text == null ? "" : text;
	}

	/** The file is the first PATH that is not the parent directory of a created or deleted one. */
	private void paths(List<AuditRecord> paths) {
		if (paths.isEmpty()) {
			return;
		}
		AuditRecord file = paths.stream().filter(path -> !"PARENT".equals(path.value("nametype"))).findFirst()
				.orElse(paths.get(0));
		put("path", file.value("name"));
		for (String key : List.of("inode", "mode", "ouid", "ogid", "nametype")) {
			put(key, file.value(key));
		}
		List<String> names = paths.stream().map(path -> path.value("name")).filter(EventBuilder::hasText).toList();
		if (names.size() > 1) {
			names.forEach(details.putArray("paths")::add);
		}
	}

	/** Reads a record that names the event, and the record nested in its {@code msg='...'}. */
	private void described(AuditRecord record) {
		record.fields().keySet().stream().filter(key -> !key.equals("msg"))
				.forEach(key -> field(key, record.value(key)));
		AuditRecord nested = record.nested();
		if (nested != null) {
			nested.fields().keySet().forEach(key -> field(key, nested.value(key)));
		}
		Matcher avc = AVC.matcher(record.text());
		if (avc.find()) {
			put("avcresult", avc.group(1));
			put("permissions", avc.group(2));
		}
	}

	private void field(String key, String value) {
		switch (key) {
		case "acct" -> put(EventBuilder.USERNAME, value);
		case "addr", "hostname" -> put(Endpoints.isIpAddress(value) ? EventBuilder.SOURCE_IP : "sourcehostname",
				value);
		case "res", "success" -> success(value);
		case "key" -> auditKey(value);
		case "auid" -> {
			put("auid", value);
			put("originaluid", value);
		}
		default -> put(key.toLowerCase(Locale.ROOT), value);
		}
	}

	private void socket(AuditRecord record) {
		SocketAddresses.SocketAddress address = SocketAddresses.decode(record.value("saddr"));
		if (address == null) {
			return;
		}
		put("socketfamily", address.family());
		put("socketpath", address.path());
		String[] keys = switch (syscall == null ? "" : syscall) {
		case "connect", "sendto", "sendmsg" -> new String[] { EventBuilder.DESTINATION_IP,
				EventBuilder.DESTINATION_PORT };
		case "accept", "accept4", "recvfrom", "recvmsg" -> new String[] { EventBuilder.SOURCE_IP,
				EventBuilder.SOURCE_PORT };
		default -> new String[] { "socketaddress", "socketport" };
		};
		put(keys[0], address.address());
		if (!details.has(keys[1])) {
			event.port(keys[1], address.port());
		}
	}

	/** Reads the names auditd's ENRICHED format adds: who the ids were. */
	private void interpreted() {
		for (AuditRecord record : records) {
			put(EventBuilder.USERNAME, unlessUnset(record.interpreted("UID")));
			put("originaluser", unlessUnset(record.interpreted("AUID")));
		}
	}

	private static String unlessUnset(String name) {
		return "unset".equals(name) ? null : name;
	}

	private void auditKey(String key) {
		// Several keys are hex-encoded together, separated by 0x01.
		put("auditkey", key == null ? null : key.replace('\u0001', ','));
	}

	private void success(String value) {
		if (value == null || details.has(EventBuilder.SUCCESS)) {
			return;
		}
		switch (value.toLowerCase(Locale.ROOT)) {
		case "yes", "success", "1" -> details.put(EventBuilder.SUCCESS, true);
		case "no", "failed", "failure", "fail", "0" -> details.put(EventBuilder.SUCCESS, false);
		default -> details.put("res", value);
		}
	}

	/** Puts a detail unless it is unknown, unset or already there; ids and counts as numbers. */
	private void put(String key, String value) {
		if (value == null || value.isEmpty() || details.has(key) || IDS.contains(key) && value.equals(UNSET_ID)) {
			return;
		}
		boolean number = IDS.contains(key) || NUMBERS.contains(key);
		details.set(key, number ? EventBuilder.numberOrText(value) : details.textNode(value));
	}

	private String primaryType() {
		return records.stream().map(AuditRecord::type).filter(type -> !PARTS.contains(type)).findFirst().orElse(null);
	}

	private String category() {
		String primary = primaryType();
		if (primary != null) {
			return primary.equals("USER_AUTH") || primary.equals("USER_LOGIN") ? "authentication"
					: primary.toLowerCase(Locale.ROOT);
		}
		if (syscall == null) {
			return records.get(0).type().toLowerCase(Locale.ROOT);
		}
		// On an architecture whose numbers are not known here, an EXECVE record still tells.
		String category = Syscalls.category(syscall);
		return category.equals("syscall") && !ofType("EXECVE").isEmpty() ? "execve" : category;
	}

	private Severity severity() {
		return records.stream().anyMatch(record -> record.type().startsWith("ANOM_")) ? Severity.WARNING
				: Severity.INFO;
	}

	private String processName() {
		String comm = details.path("comm").asText(null);
		if (comm != null) {
			return comm;
		}
		String exe = details.path("exe").asText(null);
		return exe == null ? null : exe.substring(exe.lastIndexOf('/') + 1);
	}
}
