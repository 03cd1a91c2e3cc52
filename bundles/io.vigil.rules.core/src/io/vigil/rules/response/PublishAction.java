package io.vigil.rules.response;

import java.time.Duration;
import java.util.Locale;

import io.vigil.collect.amqp.AmqpPublisher;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.rules.alerts.Alert;

/**
 * Publishes the alert to a broker with publisher confirms, as MozDef's alert plugins expect it:
 * persistent JSON on the topic exchange {@code alerts} with routing key {@code mozdef.alert}
 * (options {@code exchange} and {@code routing-key} say otherwise). The target is a connection
 * name the environment knows, or an {@code amqp://} or {@code amqps://} URI. The message is
 * mandatory: when no queue takes it, the run fails and says so.
 */
final class PublishAction implements ResponseAction {

	private final ResponseEnvironment environment;

	PublishAction(ResponseEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public String run(ActionSpec spec, Alert alert, byte[] json, Duration timeout) throws Exception {
		AmqpSettings settings = settings(spec.target());
		AmqpSettings.Binding binding = AmqpSettings.Binding.forExchange(
				spec.options().getOrDefault("exchange", AmqpSettings.ALERTS.exchange()),
				spec.options().getOrDefault("routing-key", AmqpSettings.ALERTS.routingKey()));
		try (AmqpPublisher publisher = AmqpPublisher.open(settings, binding, "Vigil response")) {
			publisher.publish(json);
			publisher.awaitConfirms(timeout);
		}
		return "published to " + binding + " on " + settings.displayUri() + ", confirmed";
	}

	private AmqpSettings settings(String target) throws Exception {
		if (isUri(target)) {
			return AmqpSettings.of(AmqpSettings.of(target, target).displayUri(), target);
		}
		return environment.connection(target).orElseThrow(() -> new ActionFailedException(
				"no broker connection named '" + target + "' (name a collector connection, or give an amqp:// URI)"));
	}

	@Override
	public String shownTarget(ActionSpec spec) {
		return isUri(spec.target()) ? AmqpSettings.of("", spec.target()).displayUri() : spec.target();
	}

	private static boolean isUri(String target) {
		String lower = target.toLowerCase(Locale.ROOT);
		return lower.startsWith("amqp://") || lower.startsWith("amqps://");
	}
}
