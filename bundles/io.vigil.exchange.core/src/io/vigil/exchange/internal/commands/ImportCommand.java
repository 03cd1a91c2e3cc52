package io.vigil.exchange.internal.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.vigil.core.command.Arguments;
import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.command.VigilCommand;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeException;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.HandlerKey;
import io.vigil.exchange.MergeAction;
import io.vigil.exchange.MergeDecision;
import io.vigil.exchange.MergePlan;
import io.vigil.exchange.MergeResult;
import io.vigil.exchange.VerifiedBundle;

/** {@code vigil import}: opens a bundle from another handler read-only, or merges it into the workspace. */
@Component(service = VigilCommand.class)
public final class ImportCommand implements VigilCommand {

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
	private volatile List<ExchangeParticipant> participants;

	private final CommandEnvironment environment;

	/** Makes the command for the running process; DS gives it the participants. */
	public ImportCommand() {
		this(CommandEnvironment.system(), List.of());
	}

	ImportCommand(CommandEnvironment environment, List<ExchangeParticipant> participants) {
		this.environment = environment;
		this.participants = participants;
	}

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String summary() {
		return "Opens a bundle from another handler read-only, or merges it into the workspace.";
	}

	@Override
	public String usage() {
		return """
				import FILE [--merge] [--accept ours|theirs] [--remember-signer]
				  without --merge     verifies the bundle and lists its objects, signer and warnings; stores nothing
				  --merge             prints the plan (add, same, update, keep, conflict) and applies it
				  --accept ours       conflicts keep the workspace's copy (default)
				  --accept theirs     conflicts take the bundle's copy
				  --remember-signer   adds the signer's public keys to the workspace's known keys
				A bundle whose signature or hashes do not verify is refused and nothing is stored (exit 1). An
				encrypted bundle asks for the passphrase of the own key it is for, or reads VIGIL_PASSPHRASE.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		Arguments arguments = Arguments.parse(context.arguments(), Set.of("--accept"),
				Set.of("--merge", "--remember-signer"));
		if (arguments.positional().size() != 1) {
			throw new CommandException("use: import FILE [--merge] [--accept ours|theirs]");
		}
		MergeDecision otherwise = decision(arguments.value("--accept"));
		try {
			ExchangeBundles bundles = new ExchangeBundles(context.workspace(), environment.keys(context.workspace()),
					Clock.systemUTC());
			VerifiedBundle bundle = bundles.open(Path.of(arguments.positional().get(0)), new PassphrasePrompt(environment));
			describe(context, bundle);
			if (arguments.has("--remember-signer") && !bundle.signerKnown()) {
				HandlerKey known = bundles.keys().remember(bundle.signer());
				context.out().println("remembered signer " + known.name() + " (" + known.fingerprint() + ")");
			}
			if (arguments.has("--merge")) {
				merge(context, bundles, bundle, otherwise);
			}
			return 0;
		} catch (ExchangeException e) {
			throw new CommandException(e.getMessage(), e);
		}
	}

	private static MergeDecision decision(String accept) throws CommandException {
		if (accept == null || accept.equals("ours")) {
			return MergeDecision.OURS;
		}
		if (accept.equals("theirs")) {
			return MergeDecision.THEIRS;
		}
		throw new CommandException("--accept is ours or theirs, not " + accept);
	}

	private static void describe(CommandContext context, VerifiedBundle bundle) {
		context.out().println("bundle " + bundle.file() + " (sha256 " + bundle.sha256() + ")");
		context.out().println("signed by " + bundle.signer().name() + "  " + bundle.signer().fingerprint()
				+ (bundle.signerKnown() ? "  (known)" : "  (UNKNOWN)"));
		context.out().println("created " + bundle.created() + " by Vigil " + bundle.vigilVersion() + ", redaction "
				+ bundle.redactionProfile() + (bundle.tlp() == null ? "" : ", TLP " + bundle.tlp())
				+ (bundle.encrypted() ? ", encrypted" : ""));
		context.out().println(bundle.objects().size() + " objects:");
		for (VerifiedBundle.BundleObject object : bundle.objects()) {
			context.out().println("  " + object.object().ref() + "  " + object.entrySha256());
		}
		bundle.warnings().forEach(warning -> context.err().println("warning: " + warning));
	}

	private void merge(CommandContext context, ExchangeBundles bundles, VerifiedBundle bundle, MergeDecision otherwise)
			throws Exception {
		MergePlan plan = bundles.plan(bundle, participants);
		for (MergePlan.Item item : plan.items()) {
			String note = item.action() == MergeAction.CONFLICT
					? (otherwise == MergeDecision.THEIRS ? "  (taking theirs)" : "  (keeping ours)")
					: "";
			context.out().println(String.format(Locale.ROOT, "%-11s %s%s", item.action().name().toLowerCase(Locale.ROOT),
					item.theirs().ref(), note));
		}
		MergeResult result = bundles.merge(plan, Map.of(), otherwise);
		context.out().println("merged: " + result.stored().size() + " stored, " + result.keptOurs().size()
				+ " conflicts kept ours, " + result.skipped().size() + " skipped");
		for (String skipped : result.skipped()) {
			context.err().println("warning: no installed capability stores " + skipped + "; it was left out");
		}
	}
}
