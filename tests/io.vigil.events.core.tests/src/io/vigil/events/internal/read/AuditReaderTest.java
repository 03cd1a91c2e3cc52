package io.vigil.events.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;

class AuditReaderTest {

	private static final String EXECVE = """
			type=SYSCALL msg=audit(1796330900.123:4242): arch=c000003e syscall=59 success=yes exit=0 a0=55d1c2e0 \
			a1=55d1c2f0 a2=55d1c300 a3=0 items=2 ppid=100 pid=101 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 \
			egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm="ls" exe="/usr/bin/ls" subj=unconfined key="exec"
			type=EXECVE msg=audit(1796330900.123:4242): argc=2 a0="ls" a1="-la"
			type=CWD msg=audit(1796330900.123:4242): cwd="/root"
			type=PATH msg=audit(1796330900.123:4242): item=0 name="/usr/bin/ls" inode=1234 dev=08:01 mode=0100755 \
			ouid=0 ogid=0 rdev=00:00 nametype=NORMAL
			type=PATH msg=audit(1796330900.123:4242): item=1 name="/lib64/ld-linux-x86-64.so.2" inode=99 dev=08:01 \
			mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL
			type=PROCTITLE msg=audit(1796330900.123:4242): proctitle=6C73002D6C61
			type=EOE msg=audit(1796330900.123:4242):
			""";

	@Test
	void joinsTheRecordsOfAnExecveIntoOneEvent() throws IOException {
		ReadRecord record = ReaderTesting.readOne(Format.AUDIT, EXECVE, ReaderTesting.OPTIONS);

		assertEquals(1, record.line());
		assertEquals(EXECVE.strip(), record.raw());
		JsonNode event = record.event();
		assertEquals("2026-12-03T20:48:20.123000+00:00", event.get("utctimestamp").asText());
		assertEquals("1796330900.123", event.get("timestamp").asText());
		assertEquals("execve", event.get("category").asText());
		assertEquals("INFO", event.get("severity").asText());
		assertEquals("auditd", event.get("source").asText());
		assertEquals("Execve: ls -la", event.get("summary").asText());
		assertEquals("ls", event.get("processname").asText());
		assertEquals(101, event.get("processid").asInt());
		assertNull(event.get("hostname"));
	}

	@Test
	void anExecveEventHasTheDetailsOfAllItsRecords() throws IOException {
		JsonNode details = ReaderTesting.readOne(Format.AUDIT, EXECVE, ReaderTesting.OPTIONS).event().get("details");

		assertEquals("exec", details.get("auditkey").asText());
		assertEquals(4242, details.get("auditserial").asLong());
		assertEquals("[\"SYSCALL\",\"EXECVE\",\"CWD\",\"PATH\",\"PROCTITLE\"]",
				details.get("auditrecordtypes").toString());
		assertEquals("execve", details.get("syscall").asText());
		assertTrue(details.get("success").isBoolean());
		assertTrue(details.get("success").asBoolean());
		assertEquals(0, details.get("exit").asInt());
		assertEquals(100, details.get("ppid").asInt());
		assertTrue(details.get("auid").isNumber());
		assertEquals(1000, details.get("auid").asInt());
		assertEquals(1000, details.get("originaluid").asInt());
		assertEquals(0, details.get("euid").asInt());
		assertEquals("pts0", details.get("tty").asText());
		assertEquals(3, details.get("ses").asInt());
		assertEquals("/usr/bin/ls", details.get("exe").asText());
		assertEquals("ls -la", details.get("command").asText());
		assertEquals(2, details.get("argc").asInt());
		assertEquals("/root", details.get("cwd").asText());
		assertEquals("/usr/bin/ls", details.get("path").asText());
		assertEquals(1234, details.get("inode").asInt());
		assertEquals("0100755", details.get("mode").asText());
		assertEquals(2, details.get("paths").size());
		assertEquals("ls -la", details.get("proctitle").asText());
		assertNull(details.get("a0"), "SYSCALL's a0 is a raw argument, not worth a detail");
	}

	@Test
	void joinsInterleavedRecordsBySerialAndGivesEventsOutAsTheyComplete() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				type=SYSCALL msg=audit(1796330900.100:10): arch=c000003e syscall=59 success=yes exit=0 pid=1 comm="a"
				type=SYSCALL msg=audit(1796330900.200:11): arch=c000003e syscall=59 success=yes exit=0 pid=2 comm="b"
				type=EXECVE msg=audit(1796330900.200:11): argc=1 a0="b"

				type=EXECVE msg=audit(1796330900.100:10): argc=1 a0="a"
				type=EOE msg=audit(1796330900.200:11):
				type=EOE msg=audit(1796330900.100:10):
				""");

		assertEquals(2, records.size());
		assertEquals("Execve: b", records.get(0).event().get("summary").asText());
		assertEquals(2, records.get(0).line());
		assertEquals(3, records.get(0).raw().split("\n").length);
		assertTrue(records.get(0).raw().endsWith("type=EOE msg=audit(1796330900.200:11):"));
		assertEquals("Execve: a", records.get(1).event().get("summary").asText());
		assertEquals(1, records.get(1).line());
	}

	@Test
	void theNodeNamesTheHostAndSeparatesEvents() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				node=web1 type=SYSCALL msg=audit(1796330900.100:10): arch=c000003e syscall=90 success=yes exit=0 pid=1
				node=web2 type=SYSCALL msg=audit(1796330900.100:10): arch=c000003e syscall=92 success=yes exit=0 pid=1
				node=web2 type=EOE msg=audit(1796330900.100:10):
				node=web1 type=EOE msg=audit(1796330900.100:10):
				""");

		assertEquals(2, records.size());
		assertEquals("web2", records.get(0).event().get("hostname").asText());
		assertEquals("chown", records.get(0).event().get("category").asText());
		assertEquals("web1", records.get(1).event().get("hostname").asText());
		assertEquals("chmod", records.get(1).event().get("category").asText());
	}

	@Test
	void aUserLoginStandsAloneAndIsAnAuthentication() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				type=USER_LOGIN msg=audit(1796330901.500:4243): pid=2000 uid=0 auid=4294967295 ses=4294967295 \
				subj=unconfined msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=10.0.0.5 \
				terminal=sshd res=failed'
				type=USER_LOGIN msg=audit(1796330902.500:4244): pid=2001 uid=0 auid=4294967295 ses=4294967295 \
				msg='op=login acct=28696E76616C6964207573657229 exe="/usr/sbin/sshd" hostname=attacker.example \
				addr=192.0.2.9 terminal=sshd res=failed'
				""");

		assertEquals(2, records.size());
		JsonNode event = records.get(0).event();
		assertEquals("authentication", event.get("category").asText());
		assertEquals("sshd", event.get("processname").asText());
		assertEquals(2000, event.get("processid").asInt());
		assertEquals("User login by alice from 10.0.0.5 on sshd via /usr/sbin/sshd: failed",
				event.get("summary").asText());
		JsonNode details = event.get("details");
		assertEquals("alice", details.get("username").asText());
		assertEquals("10.0.0.5", details.get("sourceipaddress").asText());
		assertFalse(details.get("success").asBoolean());
		assertEquals("login", details.get("op").asText());
		assertEquals("sshd", details.get("terminal").asText());
		assertNull(details.get("auid"), "4294967295 is an unset id");
		assertNull(details.get("ses"));
		assertNull(details.get("hostname"), "'?' is an unknown value");
		JsonNode second = records.get(1).event().get("details");
		assertEquals("(invalid user)", second.get("username").asText());
		assertEquals("attacker.example", second.get("sourcehostname").asText());
		assertEquals("192.0.2.9", second.get("sourceipaddress").asText());
	}

	@Test
	void userRecordsKeepTheirNestedFields() throws IOException {
		ReadRecord record = ReaderTesting.readOne(Format.AUDIT, """
				type=USER_CMD msg=audit(1796330903.000:4250): pid=3000 uid=1000 auid=1000 ses=3 \
				msg='cwd="/home/alice" cmd=6C73202D6C61 exe="/usr/bin/sudo" terminal=pts/0 res=success'
				""", ReaderTesting.OPTIONS);

		JsonNode event = record.event();
		assertEquals("user_cmd", event.get("category").asText());
		assertEquals("User cmd by auid 1000 on pts/0 ran ls -la via /usr/bin/sudo: success",
				event.get("summary").asText());
		assertEquals("ls -la", event.at("/details/cmd").asText());
		assertEquals("/home/alice", event.at("/details/cwd").asText());
		assertTrue(event.at("/details/success").asBoolean());
		assertEquals(1000, event.at("/details/auid").asInt());
	}

	@Test
	void anomaliesAreWarningsWhetherJoinedOrAlone() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				type=ANOM_PROMISCUOUS msg=audit(1796330904.000:500): dev=eth0 prom=256 old_prom=0 auid=1000 uid=0 \
				gid=0 ses=3
				type=SYSCALL msg=audit(1796330904.000:500): arch=c000003e syscall=16 success=yes exit=0 pid=77 \
				auid=1000 uid=0 comm="ip" exe="/usr/sbin/ip"
				type=EOE msg=audit(1796330904.000:500):
				type=ANOM_ABEND msg=audit(1796330905.000:501): auid=1000 uid=1000 gid=1000 ses=3 pid=88 \
				comm="crashy" exe="/opt/crashy" sig=11 res=1
				""");

		assertEquals(2, records.size());
		JsonNode promiscuous = records.get(0).event();
		assertEquals("anom_promiscuous", promiscuous.get("category").asText());
		assertEquals("WARNING", promiscuous.get("severity").asText());
		assertEquals("eth0", promiscuous.at("/details/dev").asText());
		assertEquals("ioctl", promiscuous.at("/details/syscall").asText());
		assertEquals("ip", promiscuous.get("processname").asText());
		assertEquals("Anom promiscuous eth0 by auid 1000 via /usr/sbin/ip: success",
				promiscuous.get("summary").asText());
		JsonNode abend = records.get(1).event();
		assertEquals("anom_abend", abend.get("category").asText());
		assertEquals("WARNING", abend.get("severity").asText());
		assertEquals(4, records.get(1).line());
		assertEquals("11", abend.at("/details/sig").asText());
	}

	@Test
	void decodesHexValuesAndLongArguments() throws IOException {
		JsonNode details = ReaderTesting.readOne(Format.AUDIT, """
				type=SYSCALL msg=audit(1796330906.000:600): arch=c000003e syscall=59 success=yes exit=0 pid=5 \
				comm=6D7920617070 exe=2F6F70742F6D7920617070 a0=1f a1=2e
				type=EXECVE msg=audit(1796330906.000:600): argc=5 a0="my app" a1=68656C6C6F20776F726C64 a2_len=6 \
				a2[0]=616263 a2[1]=646566 a3="" a4=FFFE
				type=CWD msg=audit(1796330906.000:600): cwd=2F746D702F6469722077697468207370616365
				type=EOE msg=audit(1796330906.000:600):
				""", ReaderTesting.OPTIONS).event().get("details");

		assertEquals("my app", details.get("comm").asText());
		assertEquals("/opt/my app", details.get("exe").asText());
		assertEquals("my app hello world abcdef  FFFE", details.get("command").asText(),
				"an empty argument is kept, and bytes that are not UTF-8 stay hex");
		assertEquals("/tmp/dir with space", details.get("cwd").asText());
	}

	@Test
	void systemCallsAreNamedAndCategorised() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				type=SYSCALL msg=audit(1796330907.000:700): arch=c000003e syscall=90 success=no exit=-1 pid=6 \
				auid=1000 uid=1000 comm="chmod" exe="/usr/bin/chmod" key="perm"
				type=PATH msg=audit(1796330907.000:700): item=0 name="/etc/shadow" inode=42 nametype=NORMAL
				type=EOE msg=audit(1796330907.000:700):
				type=SYSCALL msg=audit(1796330907.000:701): arch=c000003e syscall=999 success=yes exit=0 pid=7
				type=EOE msg=audit(1796330907.000:701):
				type=SYSCALL msg=audit(1796330907.000:702): arch=c00000b7 syscall=221 success=yes exit=0 pid=8
				type=EXECVE msg=audit(1796330907.000:702): argc=1 a0="id"
				type=EOE msg=audit(1796330907.000:702):
				type=SYSCALL msg=audit(1796330907.000:703): arch=c000003e syscall=263 success=yes exit=0 pid=9
				type=PATH msg=audit(1796330907.000:703): item=0 name="/tmp/" inode=2 nametype=PARENT
				type=PATH msg=audit(1796330907.000:703): item=1 name="/tmp/x" inode=3 nametype=DELETE
				type=EOE msg=audit(1796330907.000:703):
				""");

		JsonNode chmod = records.get(0).event();
		assertEquals("chmod", chmod.get("category").asText());
		assertEquals("Chmod /etc/shadow by /usr/bin/chmod (auid 1000): failed", chmod.get("summary").asText());
		assertFalse(chmod.at("/details/success").asBoolean());
		assertEquals(-1, chmod.at("/details/exit").asInt());
		assertEquals("perm", chmod.at("/details/auditkey").asText());
		JsonNode unknown = records.get(1).event();
		assertEquals("syscall", unknown.get("category").asText());
		assertEquals("999", unknown.at("/details/syscall").asText());
		assertEquals("Syscall 999: success", unknown.get("summary").asText());
		assertEquals("execve", records.get(2).event().get("category").asText());
		JsonNode unlink = records.get(3).event();
		assertEquals("write", unlink.get("category").asText());
		assertEquals("/tmp/x", unlink.at("/details/path").asText());
	}

	@Test
	void aConnectGivesTheDestination() throws IOException {
		JsonNode event = ReaderTesting.readOne(Format.AUDIT, """
				type=SYSCALL msg=audit(1796330908.000:800): arch=c000003e syscall=42 success=yes exit=0 pid=10 \
				comm="curl" exe="/usr/bin/curl"
				type=SOCKADDR msg=audit(1796330908.000:800): saddr=020001BBC0A800010000000000000000
				type=EOE msg=audit(1796330908.000:800):
				""", ReaderTesting.OPTIONS).event();

		assertEquals("socket", event.get("category").asText());
		assertEquals("192.168.0.1", event.at("/details/destinationipaddress").asText());
		assertEquals(443, event.at("/details/destinationport").asInt());
		assertEquals("inet", event.at("/details/socketfamily").asText());
		assertEquals("Connect 192.168.0.1:443 by /usr/bin/curl: success", event.get("summary").asText());
	}

	@Test
	void readsTheNamesOfTheEnrichedFormat() throws IOException {
		JsonNode event = ReaderTesting.readOne(Format.AUDIT, "type=SYSCALL msg=audit(1796330909.000:900): "
				+ "arch=c000003e syscall=59 success=yes exit=0 pid=11 auid=1000 uid=0 comm=\"id\" "
				+ "\u001dARCH=x86_64 SYSCALL=execve AUID=\"alice\" UID=\"root\"\n"
				+ "type=EOE msg=audit(1796330909.000:900): \n", ReaderTesting.OPTIONS).event();

		assertEquals("execve", event.at("/details/syscall").asText());
		assertEquals("root", event.at("/details/username").asText());
		assertEquals("alice", event.at("/details/originaluser").asText());
	}

	@Test
	void readsSelinuxDenials() throws IOException {
		JsonNode event = ReaderTesting.readOne(Format.AUDIT, """
				type=AVC msg=audit(1796330910.000:1000): avc:  denied  { read write } for  pid=12 comm="cat" \
				name="shadow" dev="sda1" ino=5 scontext=u:r:x:s0 tcontext=u:object_r:y:s0 tclass=file permissive=0
				type=SYSCALL msg=audit(1796330910.000:1000): arch=c000003e syscall=257 success=no exit=-13 pid=12 \
				comm="cat" exe="/usr/bin/cat"
				type=EOE msg=audit(1796330910.000:1000):
				""", ReaderTesting.OPTIONS).event();

		assertEquals("avc", event.get("category").asText());
		assertEquals("denied", event.at("/details/avcresult").asText());
		assertEquals("read write", event.at("/details/permissions").asText());
		assertEquals("file", event.at("/details/tclass").asText());
		assertEquals("openat", event.at("/details/syscall").asText());
	}

	@Test
	void aBadLineIsRejectedWithoutBreakingTheJoin() throws IOException {
		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT, """
				----
				time->Thu Dec  3 20:48:20 2026
				type=SYSCALL msg=audit(1796330911.000:1100): arch=c000003e syscall=59 success=yes exit=0 pid=13
				type=EXECVE msg=audit(1796330911.00O:1100): argc=1 a0="x"
				type=EXECVE msg=audit(1796330911.000:1100): argc=1 a0="true"
				type=EOE msg=audit(1796330911.000:1100):
				type=EOE msg=audit(1796330911.000:1199):
				""");

		assertEquals(2, records.size());
		assertEquals(4, records.get(0).line());
		assertEquals("not an audit record: expected 'type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): ' at the start"
				+ " of the line", records.get(0).rejection());
		assertEquals(3, records.get(1).line());
		assertEquals("Execve: true", records.get(1).event().get("summary").asText());
	}

	@Test
	void eventsWithoutEndAreGivenOutWhenTooManyArePendingOrAtTheEnd() throws IOException {
		String lines = IntStream.rangeClosed(1, 70)
				.mapToObj(serial -> "type=SYSCALL msg=audit(1796330912.000:" + serial + "): arch=c000003e syscall=2 "
						+ "success=yes exit=3 pid=" + serial)
				.collect(Collectors.joining("\n"));

		List<ReadRecord> records = ReaderTesting.read(Format.AUDIT,
				lines + "\ntype=EOE msg=audit(1796330912.000:70):\n");

		List<Integer> serials = records.stream().map(record -> record.event().at("/details/auditserial").asInt())
				.toList();
		assertEquals(70, serials.size());
		assertEquals(List.of(1, 2, 3, 4, 5, 6, 70, 7), serials.subList(0, 8));
		assertEquals("open", records.get(0).event().get("category").asText());
	}
}
