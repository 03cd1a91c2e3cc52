package io.vigil.events.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			mozdef line     | {"summary": "x", "category": "authentication"}                                  | | mozdef
			mozdef array    | [ {"summary": "x"} ]                                                            | | mozdef
			mozdef pretty   | {                                                                               | | mozdef
			suricata        | {"timestamp": "2026-12-03T20:48:20.1+0000", "event_type": "alert", "flow_id": 1} | | suricata
			zeek            | {"ts": 1764794900.5, "uid": "CHhAvVGS1DHFjwGM9", "id.orig_h": "10.0.0.1"}        | | zeek
			audit           | type=SYSCALL msg=audit(1764794900.123:42): arch=c000003e syscall=59             | | audit
			audit with node | node=web1 type=EXECVE msg=audit(1764794900.123:42): argc=1 a0="ls"               | | audit
			rfc 3164        | Dec  3 20:48:20 web1 sshd[812]: Accepted publickey for root                     | | syslog
			rfc 3164 pri    | <38>Dec  3 20:48:20 web1 sshd[812]: Accepted publickey for root                 | | syslog
			rfc 5424        | <165>1 2026-12-03T20:48:20.003Z web1 app 42 ID47 - message                      | | syslog
			rsyslog iso     | 2026-12-03T20:48:20.123456+00:00 web1 sshd[812]: Accepted publickey for root    | | syslog
			csv by name     | time;host                                                                       | events.csv | csv
			""")
	void detects(String description, String head, String fileName, String expected) {
		assertEquals(Format.of(expected), FormatDetector.detect(head, fileName == null ? "" : fileName));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			prose   | The quick brown fox jumps over the lazy dog
			empty   | '   '
			""")
	void rejectsUnknownInput(String description, String head) {
		assertEquals(Optional.empty(), FormatDetector.detect(head, "notes.txt"));
	}
}
