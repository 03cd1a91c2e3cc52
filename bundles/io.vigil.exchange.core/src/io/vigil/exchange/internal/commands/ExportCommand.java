package io.vigil.exchange.internal.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.ExportOptions;
import io.vigil.exchange.ExportResult;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.HandlerKeys;
import io.vigil.exchange.Redaction;

/** {@code vigil export}: writes an incident or chosen objects into a signed bundle for another handler. */
@Component(service = VigilCommand.class)
public final class ExportCommand implements VigilCommand {

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<ExchangeParticipant> participants;

	private final CommandEnvironment environment;

	/** Makes the command for the running process; DS gives it the participants. */
	public ExportCommand() {
		this(CommandEnvironment.system(), List.of());
	}

	ExportCommand(CommandEnvironment environment, List<ExchangeParticipant> participants) {
		this.environment = environment;
		this.participants = participants;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String summary() {
		return "Writes an incident or chosen objects into a signed bundle for another handler.";
	}

	@Override
	public String usage() {
		return """
				export (--incident ID | --objects TYPE:ID,...) --out FILE [--sign-key K] [--recipient KEY]...
				       [--redact PROFILE] [--tlp LEVEL] [--preview]
				  --incident ID      the incident with its events, alerts and evidence
				  --objects REFS     chosen objects, such as alert:42,event:abc (repeatable)
				  --out FILE         the bundle to write
				  --sign-key K       the own key that signs (default: the only own key)
				  --recipient KEY    encrypt to this key (repeatable); without, anyone can read the bundle
				  --redact PROFILE   none, pseudonymize or a profile in settings/exchange/redaction/
				                     (default: the profile of the TLP level)
				  --tlp LEVEL        CLEAR, GREEN, AMBER, AMBER_STRICT or RED (default: the incident's)
				  --preview          print what would leave, each replaced value and dropped field; write nothing
				The passphrase of the signing key is asked on the terminal, or read from VIGIL_PASSPHRASE.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(),
				Set.of("--incident", "--objects", "--out", "--sign-key", "--recipient", "--redact", "--tlp"),
				Set.of("--preview"));
		if (!arguments.positional().isEmpty()) {
			throw new CommandException("export takes no positional arguments: " + arguments.positional().get(0));
		}
		try {
			List<ExchangeObject> objects = collect(context.workspace(), arguments);
			String tlp = arguments.value("--tlp") != null ? arguments.value("--tlp") : incidentTlp(objects);
			ExchangeBundles bundles = new ExchangeBundles(context.workspace(), environment.keys(context.workspace()),
					Clock.systemUTC());
			if (arguments.has("--preview")) {
				print(context, bundles.preview(objects, arguments.value("--redact"), tlp));
				return 0;
			}
			String out = arguments.value("--out");
			if (out == null) {
				throw new CommandException("export needs --out FILE (or --preview)");
			}
			String signKey = signKey(bundles.keys(), arguments.value("--sign-key"));
			char[] passphrase = new PassphrasePrompt(environment).passphrase(signKey);
			ExportResult result = bundles.export(objects,
					new ExportOptions(signKey, passphrase, arguments.values("--recipient"), arguments.value("--redact"), tlp),
					Path.of(out));
			context.out().println("wrote " + out + ": " + result.objects() + " objects, signed by " + result.signer().name()
					+ " (" + result.signer().fingerprint() + "), redaction " + result.redaction().profile()
					+ (result.recipients().isEmpty() ? ", not encrypted"
							: ", encrypted for " + String.join(", ", result.recipients().stream().map(HandlerKey::name).toList())));
			context.out().println("sha256 " + result.sha256());
			result.redaction().warnings().forEach(warning -> context.err().println("warning: " + warning));
			return 0;
		} catch (ExchangeException e) {
			throw new CommandException(e.getMessage(), e);
		}
	}

	private List<ExchangeObject> collect(Workspace workspace, Arguments arguments)
			throws CommandException, ExchangeException, WorkspaceException {
		Map<String, ExchangeParticipant> byType = ExchangeBundles.byType(participants);
		String incident = arguments.value("--incident");
		List<String> refs = new ArrayList<>();
		for (String value : arguments.values("--objects")) {
			for (String ref : value.split(",")) {
				if (!ref.isBlank()) {
					refs.add(ref.strip());
				}
			}
		}
		if ((incident == null) == refs.isEmpty()) {
			throw new CommandException("export needs either --incident ID or --objects TYPE:ID,...");
		}
		if (incident != null) {
			return participant(byType, ExchangeSelection.INCIDENT).collect(ExchangeSelection.incident(incident), workspace);
		}
		Map<String, List<String>> byRefType = new LinkedHashMap<>();
		for (String ref : refs) {
			int colon = ref.indexOf(':');
			if (colon <= 0 || colon == ref.length() - 1) {
				throw new CommandException("--objects takes references TYPE:ID, not '" + ref + "'");
			}
			byRefType.computeIfAbsent(ref.substring(0, colon), type -> new ArrayList<>()).add(ref);
		}
		List<ExchangeObject> objects = new ArrayList<>();
		for (Map.Entry<String, List<String>> entry : byRefType.entrySet()) {
			objects.addAll(participant(byType, entry.getKey()).collect(ExchangeSelection.objects(entry.getValue()),
					workspace));
		}
		return dedupe(objects);
	}

	private static List<ExchangeObject> dedupe(List<ExchangeObject> objects) {
		Map<String, ExchangeObject> unique = new LinkedHashMap<>();
		objects.forEach(object -> unique.putIfAbsent(object.ref(), object));
		return List.copyOf(unique.values());
	}

	private static ExchangeParticipant participant(Map<String, ExchangeParticipant> byType, String type)
			throws CommandException {
		ExchangeParticipant participant = byType.get(type);
		if (participant == null) {
			throw new CommandException("no installed capability exports objects of type '" + type + "'"
					+ (byType.isEmpty() ? " (none is installed)" : " (installed: " + String.join(", ",
							new TreeSet<>(byType.keySet())) + ")"));
		}
		return participant;
	}

	private static String incidentTlp(List<ExchangeObject> objects) {
		return objects.stream().filter(object -> object.type().equals(ExchangeSelection.INCIDENT))
				.map(object -> object.content().path("tlp")).filter(node -> node.isTextual() && !node.asText().isBlank())
				.map(node -> node.asText()).findFirst().orElse(null);
	}

	private static String signKey(HandlerKeys keys, String given) throws CommandException, ExchangeException {
		if (given != null) {
			return given;
		}
		List<HandlerKey> own = keys.list().stream().filter(HandlerKey::own).toList();
		if (own.size() != 1) {
			throw new CommandException(own.isEmpty() ? "no own key to sign with: make one with 'keys new NAME'"
					: "several own keys: choose one with --sign-key ("
							+ String.join(", ", own.stream().map(HandlerKey::name).toList()) + ")");
		}
		return own.get(0).name();
	}

	private static void print(CommandContext context, Redaction redaction) {
		context.out().println("redaction profile " + redaction.profile() + "; " + redaction.objects().size()
				+ " objects would leave:");
		for (ExchangeObject object : redaction.objects()) {
			context.out().println("  " + object.ref() + (object.attachments().isEmpty() ? ""
					: "  (" + object.attachments().size() + " attachments)"));
		}
		for (Redaction.Replaced replaced : redaction.replaced()) {
			context.out().println("replaced " + replaced.ref() + " " + replaced.path() + ": " + replaced.value() + " -> "
					+ replaced.pseudonym());
		}
		for (Redaction.Dropped dropped : redaction.dropped()) {
			context.out().println("dropped  " + dropped.ref() + " " + dropped.path());
		}
		redaction.warnings().forEach(warning -> context.out().println("warning  " + warning));
	}
}
