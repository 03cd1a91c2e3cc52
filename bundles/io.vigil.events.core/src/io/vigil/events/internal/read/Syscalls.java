package io.vigil.events.internal.read;

import java.util.Map;

/**
 * The system calls that audit rules commonly watch: their x86_64 numbers, and the event
 * category of each in the manner of audisp-json ({@code execve}, {@code write},
 * {@code attribute}, {@code chmod}, {@code chown}, {@code ptrace}, ...).
 */
final class Syscalls {

	/** The {@code arch} field of x86_64 (AUDIT_ARCH_X86_64). */
	private static final String X86_64 = "c000003e";

	private static final Map<Integer, String> X86_64_NAMES = Map.ofEntries(Map.entry(0, "read"),
			Map.entry(1, "write"), Map.entry(2, "open"), Map.entry(4, "stat"), Map.entry(16, "ioctl"),
			Map.entry(21, "access"), Map.entry(41, "socket"), Map.entry(42, "connect"), Map.entry(43, "accept"),
			Map.entry(44, "sendto"), Map.entry(46, "sendmsg"), Map.entry(49, "bind"), Map.entry(50, "listen"),
			Map.entry(54, "setsockopt"), Map.entry(56, "clone"), Map.entry(57, "fork"), Map.entry(58, "vfork"),
			Map.entry(59, "execve"), Map.entry(62, "kill"), Map.entry(76, "truncate"), Map.entry(77, "ftruncate"),
			Map.entry(82, "rename"), Map.entry(83, "mkdir"), Map.entry(84, "rmdir"), Map.entry(85, "creat"),
			Map.entry(86, "link"), Map.entry(87, "unlink"), Map.entry(88, "symlink"), Map.entry(90, "chmod"),
			Map.entry(91, "fchmod"), Map.entry(92, "chown"), Map.entry(93, "fchown"), Map.entry(94, "lchown"),
			Map.entry(101, "ptrace"), Map.entry(105, "setuid"), Map.entry(106, "setgid"),
			Map.entry(113, "setreuid"), Map.entry(114, "setregid"), Map.entry(117, "setresuid"),
			Map.entry(119, "setresgid"), Map.entry(133, "mknod"), Map.entry(157, "prctl"),
			Map.entry(159, "adjtimex"), Map.entry(161, "chroot"), Map.entry(164, "settimeofday"),
			Map.entry(165, "mount"), Map.entry(166, "umount2"), Map.entry(169, "reboot"),
			Map.entry(170, "sethostname"), Map.entry(171, "setdomainname"), Map.entry(175, "init_module"),
			Map.entry(176, "delete_module"), Map.entry(188, "setxattr"), Map.entry(189, "lsetxattr"),
			Map.entry(190, "fsetxattr"), Map.entry(197, "removexattr"), Map.entry(198, "lremovexattr"),
			Map.entry(199, "fremovexattr"), Map.entry(200, "tkill"), Map.entry(227, "clock_settime"),
			Map.entry(234, "tgkill"), Map.entry(257, "openat"), Map.entry(258, "mkdirat"),
			Map.entry(259, "mknodat"), Map.entry(260, "fchownat"), Map.entry(263, "unlinkat"),
			Map.entry(264, "renameat"), Map.entry(265, "linkat"), Map.entry(266, "symlinkat"),
			Map.entry(268, "fchmodat"), Map.entry(288, "accept4"), Map.entry(298, "perf_event_open"),
			Map.entry(304, "open_by_handle_at"), Map.entry(313, "finit_module"), Map.entry(316, "renameat2"),
			Map.entry(321, "bpf"), Map.entry(322, "execveat"), Map.entry(437, "openat2"),
			Map.entry(452, "fchmodat2"));

	private static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("execve", "execve"),
			Map.entry("execveat", "execve"), Map.entry("open", "open"), Map.entry("openat", "open"),
			Map.entry("openat2", "open"), Map.entry("open_by_handle_at", "open"), Map.entry("creat", "write"),
			Map.entry("write", "write"), Map.entry("truncate", "write"), Map.entry("ftruncate", "write"),
			Map.entry("rename", "write"), Map.entry("renameat", "write"), Map.entry("renameat2", "write"),
			Map.entry("unlink", "write"), Map.entry("unlinkat", "write"), Map.entry("rmdir", "write"),
			Map.entry("mkdir", "write"), Map.entry("mkdirat", "write"), Map.entry("link", "write"),
			Map.entry("linkat", "write"), Map.entry("symlink", "write"), Map.entry("symlinkat", "write"),
			Map.entry("mknod", "write"), Map.entry("mknodat", "write"), Map.entry("setxattr", "attribute"),
			Map.entry("lsetxattr", "attribute"), Map.entry("fsetxattr", "attribute"),
			Map.entry("removexattr", "attribute"), Map.entry("lremovexattr", "attribute"),
			Map.entry("fremovexattr", "attribute"), Map.entry("chmod", "chmod"), Map.entry("fchmod", "chmod"),
			Map.entry("fchmodat", "chmod"), Map.entry("fchmodat2", "chmod"), Map.entry("chown", "chown"),
			Map.entry("fchown", "chown"), Map.entry("lchown", "chown"), Map.entry("fchownat", "chown"),
			Map.entry("ptrace", "ptrace"), Map.entry("socket", "socket"), Map.entry("connect", "socket"),
			Map.entry("accept", "socket"), Map.entry("accept4", "socket"), Map.entry("bind", "socket"),
			Map.entry("listen", "socket"), Map.entry("mount", "mount"), Map.entry("umount2", "mount"),
			Map.entry("init_module", "module"), Map.entry("finit_module", "module"),
			Map.entry("delete_module", "module"), Map.entry("kill", "kill"), Map.entry("tkill", "kill"),
			Map.entry("tgkill", "kill"));

	private Syscalls() {
	}

	/**
	 * Names a system call.
	 *
	 * @param arch the SYSCALL record's {@code arch}, or {@code null}
	 * @param number the SYSCALL record's {@code syscall}, or {@code null}
	 * @param interpreted the name auditd wrote with {@code log_format=ENRICHED}, or {@code null}
	 * @return the name; the number as written when it is not known; {@code null} without a number
	 */
	static String name(String arch, String number, String interpreted) {
		if (interpreted != null) {
			return interpreted;
		}
		if (number == null || !number.chars().allMatch(Character::isDigit) || number.length() > 6) {
			return number;
		}
		// Numbers differ between architectures; only x86_64's are known here.
		return X86_64.equals(arch) ? X86_64_NAMES.getOrDefault(Integer.parseInt(number), number) : number;
	}

	/**
	 * Returns the event category of a system call: a group name such as {@code write}, or the
	 * call's own name, or {@code syscall} for a call known only by number.
	 */
	static String category(String name) {
		String category = CATEGORIES.get(name);
		if (category != null) {
			return category;
		}
		return name.chars().allMatch(Character::isDigit) ? "syscall" : name;
	}
}
