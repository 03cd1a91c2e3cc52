package io.vigil.cli.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.vigil.core.command.VigilCommand;
import io.vigil.tests.support.Conditions;

/** The command line finds commands as Declarative Services components, as the product does. */
class CommandServicesTest {

	@Test
	void theRegistryCollectsTheCommandServices() {
		BundleContext context = FrameworkUtil.getBundle(CommandLine.class).getBundleContext();
		ServiceReference<CommandRegistry> reference = awaitRegistry(context);
		try {
			CommandRegistry registry = context.getService(reference);
			List<String> names = registry.all().stream().map(VigilCommand::name).toList();
			assertTrue(names.containsAll(List.of("version", "workspace")), names.toString());
		} finally {
			context.ungetService(reference);
		}
	}

	private static ServiceReference<CommandRegistry> awaitRegistry(BundleContext context) {
		return Conditions.waitFor("Declarative Services registers the command registry", Duration.ofSeconds(10),
				() -> context.getServiceReference(CommandRegistry.class));
	}
}
