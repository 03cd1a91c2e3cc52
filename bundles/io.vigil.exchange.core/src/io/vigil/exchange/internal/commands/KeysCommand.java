package io.vigil.exchange.internal.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.HandlerKeys;

/** {@code vigil keys}: the handler keys that sign, encrypt and open workspace bundles. */
@Component(service = VigilCommand.class)
public final class KeysCommand implements VigilCommand {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final CommandEnvironment environment;

	/** Makes the command for the running process. */
	public KeysCommand() {
		this(CommandEnvironment.system());
	}

	KeysCommand(CommandEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public String name() {
		return "keys";
	}

	@Override
	public String summary() {
		return "Manages the handler keys that sign and open workspace bundles.";
	}

	@Override
	public String usage() {
		return """
				keys new NAME | keys list [--format table|json] | keys export-public NAME --out FILE | keys import FILE
				     | keys signers [any|known-only]
				  new NAME            makes an own key (signing and encryption pairs); the passphrase protecting the
				                      private keys is asked twice on the terminal, or read from VIGIL_PASSPHRASE
				  list                name, fingerprint, created, and whether own (private) or another handler's (public)
				  export-public NAME  writes the public keys for other handlers to import
				  import FILE         adds another handler's public keys (a known signer, a recipient)
				  signers [POLICY]    shows or sets which bundles import accepts: any (default; an unknown signer
				                      is a warning) or known-only (the setting exchange.acceptKnownSignersOnly)""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--out", "--format"), Set.of());
		List<String> positional = arguments.positional();
		if (positional.isEmpty()) {
			throw new CommandException("use: keys new NAME | list | export-public NAME --out FILE | import FILE");
		}
		HandlerKeys keys = environment.keys(context.workspace());
		try {
			switch (positional.get(0)) {
			case "new" -> create(context, keys, single(positional, "keys new NAME"));
			case "list" -> list(context, keys, arguments);
			case "export-public" -> exportPublic(context, keys, single(positional, "keys export-public NAME --out FILE"),
					arguments.value("--out"));
			case "import" -> {
				HandlerKey key = keys.importPublic(Path.of(single(positional, "keys import FILE")));
				context.out().println("known key " + key.name() + "  " + key.fingerprint());
			}
			case "signers" -> signers(context, positional);
			default -> throw new CommandException("unknown keys action " + positional.get(0)
					+ " (new, list, export-public, import, signers)");
			}
		} catch (ExchangeException e) {
			throw new CommandException(e.getMessage(), e);
		}
		return 0;
	}

	private void create(CommandContext context, HandlerKeys keys, String name) throws ExchangeException {
		if (keys.find(name).isPresent()) {
			throw new ExchangeException("a key named " + name + " exists already in " + keys.directory());
		}
		HandlerKey key = keys.create(name, new PassphrasePrompt(environment).newPassphrase(name));
		context.out().println("new key " + key.name() + "  " + key.fingerprint());
	}

	private static void list(CommandContext context, HandlerKeys keys, Arguments arguments) throws Exception {
		String format = arguments.value("--format") == null ? "table" : arguments.value("--format");
		List<HandlerKey> all = keys.list();
		if (format.equals("json")) {
			ArrayNode array = JSON.createArrayNode();
			for (HandlerKey key : all) {
				array.addObject().put("name", key.name()).put("fingerprint", key.fingerprint())
						.put("created", key.created().toString()).put("kind", key.own() ? "private" : "public");
			}
			context.out().println(JSON.writeValueAsString(array));
		} else if (format.equals("table")) {
			for (HandlerKey key : all) {
				context.out().println(String.format(Locale.ROOT, "%-24s %-8s %s  %s", key.name(),
						key.own() ? "private" : "public", key.created(), key.fingerprint()));
			}
		} else {
			throw new CommandException("--format is table or json, not " + format);
		}
	}

	private static void exportPublic(CommandContext context, HandlerKeys keys, String name, String out)
			throws Exception {
		if (out == null) {
			throw new CommandException("keys export-public needs --out FILE");
		}
		keys.exportPublic(name, Path.of(out));
		context.out().println("wrote the public keys of " + name + " to " + out);
	}

	private static void signers(CommandContext context, List<String> positional) throws Exception {
		if (positional.size() > 2) {
			throw new CommandException("use: keys signers [any|known-only]");
		}
		if (positional.size() == 2) {
			String policy = positional.get(1);
			if (!policy.equals("any") && !policy.equals("known-only")) {
				throw new CommandException("keys signers takes any or known-only, not " + policy);
			}
			context.workspace().setProperty(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY,
					Boolean.toString(policy.equals("known-only")));
		}
		boolean knownOnly = context.workspace().property(ExchangeBundles.ACCEPT_KNOWN_SIGNERS_ONLY)
				.map(Boolean::parseBoolean).orElse(false);
		context.out().println(knownOnly ? "known-only: bundles from unknown signers are refused"
				: "any: bundles from unknown signers are imported with a warning");
	}

	private static String single(List<String> positional, String use) throws CommandException {
		if (positional.size() != 2) {
			throw new CommandException("use: " + use);
		}
		return positional.get(1);
	}
}
