package io.vigil.collect.internal.commands;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.collect.sensor.Checkpoint;
import io.vigil.collect.sensor.Checkpoints;
import io.vigil.collect.sensor.FileFollower;
import io.vigil.collect.sensor.Sensor;
import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.Workspace;
import io.vigil.events.ingest.RejectsFile;
import io.vigil.events.internal.commands.ReaderArguments;
import io.vigil.events.read.Format;

/** {@code vigil sensor}: follows log files and publishes their events to a RabbitMQ broker. */
@Component(service = VigilCommand.class)
public final class SensorCommand implements VigilCommand {

	private static final DateTimeFormatter REJECTS_NAME = DateTimeFormatter
			.ofPattern("'sensor-'uuuuMMdd'T'HHmmss.SSS'Z.jsonl'", Locale.ROOT).withZone(ZoneOffset.UTC);

	@Override
	public String name() {
		return "sensor";
	}

	@Override
	public String summary() {
		return "Follows log files and publishes their events to a RabbitMQ broker until interrupted.";
	}

	@Override
	public String usage() {
		return ("""
				sensor --amqp URI --follow PATH [--follow PATH]... [--format F] [--zone ZONE] [--exchange X]
				       [--routing-key K] [--name N] [--batch N] [--status S] [--for S] [--idle S]
				""" + ConnectionOptions.USAGE + """

				  --follow PATH     a log file to follow (repeatable), like tail -F: rotation (rename and create)
				                    and truncation are followed; a file that does not exist yet is waited for
				  --format F        read every file as F: %s (default: detect per file); mozdef
				                    files are followed as JSON lines; csv cannot be followed
				  --zone ZONE       the time zone of timestamps that carry none (default: UTC)
				  --exchange X      publish to exchange X (default: MozDef's eventtask); a missing one is declared
				  --routing-key K   the routing key (default: MozDef's for its exchanges, else #)
				  --name N          the sensor's name, in each event's vigil.sensor (default: this host's name)
				  --batch N         events published between two waits for the broker's confirms (default: 1000)
				  --status S        print a status line every S seconds (default: 5)
				  --for S           stop after S seconds (default: run until interrupted)
				  --idle S          stop once every file is read to its end and confirmed, and nothing new came for S s
				Each file's checkpoint (its inode and offset, in WORKSPACE/sensor/checkpoints.json) moves only once
				the broker confirmed the events before it: after a crash the sensor resumes with no loss, and what
				it publishes again has the same ids, so the store holds it once. Rejected lines go to the rejects
				file in WORKSPACE/logs/rejects, never to the broker. No queue bound to the exchange means no
				confirm: start the collector (vigil collect) first.""").replace("%s", Format.names());
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--amqp", "--vhost", "--truststore", "--follow", "--format", "--zone", "--exchange",
						"--routing-key", "--name", "--batch", "--status", "--for", "--idle"),
				Set.of());
		if (!arguments.positional().isEmpty()) {
			throw new CommandException("give the files to follow with --follow, not as '" + arguments.positional().get(0)
					+ "'; see vigil help sensor");
		}
		List<Path> files = files(arguments);
		String name = arguments.value("--name") == null ? hostName() : arguments.value("--name");
		AmqpSettings amqp = ConnectionOptions.settings(arguments, System.getenv(), name, null, null);
		ConnectionOptions.check(amqp);
		Duration status = ConnectionOptions.seconds(arguments, "--status", 5, 86_400);
		Duration limit = ConnectionOptions.seconds(arguments, "--for", 0, 365L * 86_400);
		Duration idle = ConnectionOptions.seconds(arguments, "--idle", 0, 86_400);
		Workspace workspace = context.workspace();
		Path rejects = workspace.logDirectory().resolve("rejects").resolve(REJECTS_NAME.format(Instant.now()));
		Sensor.Settings settings = new Sensor.Settings(amqp, binding(arguments), name, format(arguments),
				ReaderArguments.zone(arguments), new Checkpoints(workspace.root().resolve("sensor").resolve("checkpoints.json")),
				new RejectsFile(rejects),
				(int) arguments.number("--batch", Sensor.DEFAULT_BATCH, 1, 100_000), Duration.ofMillis(250),
				FileFollower.QUIET);
		for (Path file : files) {
			if (!Files.exists(file)) {
				context.err().println("sensor: " + file + " does not exist yet; waiting for it");
			}
		}
		context.err().flush();
		UntilStopped until = new UntilStopped();
		try {
			runSensor(context, settings, files, until, status, limit, idle);
		} finally {
			until.finished();
		}
		return 0;
	}

	private static void runSensor(CommandContext context, Sensor.Settings settings, List<Path> files,
			UntilStopped until, Duration status, Duration limit, Duration idle)
			throws IOException, InterruptedException {
		Sensor sensor = new Sensor(settings, files, new PrintingLog(context.err()));
		sensor.start();
		context.out().println("sensor " + settings.name() + " following " + files.size()
				+ (files.size() == 1 ? " file" : " files") + ", publishing to " + settings.binding() + " on "
				+ settings.amqp().displayUri());
		context.out().flush();
		StatusLine line = new StatusLine(sensor, context);
		String why;
		try {
			why = until.await(status == null ? Duration.ofSeconds(5) : status, limit, line::print,
					() -> idle != null && sensor.idleFor(idle));
		} finally {
			sensor.close();
		}
		line.print();
		if (settings.rejects().exists()) {
			context.out().println("rejects: " + settings.rejects().path());
		}
		context.out().println("stopped (" + why + "): published " + sensor.confirmed() + " events, rejected "
				+ sensor.rejected());
		context.out().flush();
	}

	private static List<Path> files(Arguments arguments) throws CommandException {
		List<Path> files = new ArrayList<>();
		for (String follow : arguments.values("--follow")) {
			Path file = Path.of(follow).toAbsolutePath().normalize();
			if (Files.isDirectory(file)) {
				throw new CommandException("--follow " + follow + " is a folder; follow its log files one by one");
			}
			if (Files.exists(file) && !Files.isReadable(file)) {
				throw new CommandException("cannot read " + follow + ": permission denied");
			}
			if (!files.contains(file)) {
				files.add(file);
			}
		}
		if (files.isEmpty()) {
			throw new CommandException("give at least one file to follow with --follow PATH");
		}
		return files;
	}

	private static AmqpSettings.Binding binding(Arguments arguments) {
		String exchange = arguments.value("--exchange");
		return AmqpSettings.Binding.forExchange(exchange == null ? AmqpSettings.EVENTTASK.exchange() : exchange.strip(),
				arguments.value("--routing-key"));
	}

	private static Optional<Format> format(Arguments arguments) throws CommandException {
		Optional<Format> format = ReaderArguments.format(arguments);
		if (format.isPresent() && format.get() == Format.CSV) {
			throw new CommandException("CSV files cannot be followed (each part read would need the header line); "
					+ "ingest them with vigil ingest");
		}
		return format;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return fromEnvironment == null || fromEnvironment.isBlank() ? "sensor" : fromEnvironment;
		}
	}

	/** The periodic status line: state, lines per second, totals, and where each file is. */
	private static final class StatusLine {

		private final Sensor sensor;
		private final CommandContext context;
		private long lastRead;
		private long lastTime = System.nanoTime();

		StatusLine(Sensor sensor, CommandContext context) {
			this.sensor = sensor;
			this.context = context;
		}

		void print() {
			Sensor.Stats stats = sensor.stats();
			long now = System.nanoTime();
			double perSecond = (stats.read() - lastRead) * 1e9 / Math.max(1, now - lastTime);
			lastRead = stats.read();
			lastTime = now;
			StringBuilder files = new StringBuilder();
			for (FileFollower.State file : stats.files()) {
				Checkpoint at = stats.confirmedAt().get(file.path());
				files.append("; ").append(file.path().getFileName()).append(' ').append(file.reading())
						.append(" at ").append(file.offset()).append(" (checkpoint ")
						.append(at == null ? "none" : at.offset() + ", line " + at.line()).append(')');
			}
			context.out().println(String.format(Locale.ROOT,
					"%s sensor %s %s: %.0f lines/s, read %d, published %d, confirmed %d, rejected %d%s",
					Instant.now().truncatedTo(ChronoUnit.SECONDS), sensor.settings().name(),
					stats.state().name().toLowerCase(Locale.ROOT), perSecond, stats.read(), stats.published(),
					stats.confirmed(), stats.rejected(), files));
			context.out().flush();
		}
	}
}
