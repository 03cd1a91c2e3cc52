package io.vigil.collect.internal.service;

import java.io.IOException;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.vigil.collect.CollectorService;
import io.vigil.collect.IntakeLog;
import io.vigil.collect.LiveIntake;
import io.vigil.collect.SecretStore;
import io.vigil.events.EventWorkspace;

/**
 * Offers a {@link CollectorService} while the workbench has an {@link EventWorkspace} and a
 * {@link SecretStore}: starts the live intake, then the connections and the HTTP intake that are
 * enabled. The command line has neither service; {@code vigil collect} runs a collector itself.
 */
@Component(immediate = true, service = {})
public final class CollectorServiceComponent {

	@Reference
	private EventWorkspace events;

	@Reference
	private SecretStore secrets;

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile IntakeLog log;

	private LiveIntake live;
	private WorkbenchCollectors collectors;
	private ServiceRegistration<CollectorService> registration;

	/** Starts the intake and the enabled sources, and registers the service. */
	@Activate
	void activate(BundleContext context) throws Exception {
		events.workspace().ensureSchema(new CollectSchema());
		live = LiveIntake.start(events, LiveIntake.COMMIT_INTERVAL, "workbench collectors");
		collectors = new WorkbenchCollectors(events.workspace(), live, secrets, new CurrentLog(), Clock.systemUTC());
		try {
			collectors.start();
		} catch (Exception e) {
			collectors.close();
			live.close();
			throw e;
		}
		registration = context.registerService(CollectorService.class, collectors, null);
	}

	/** Unregisters the service, stops every source, and commits what they stored. */
	@Deactivate
	void deactivate() throws IOException {
		try {
			registration.unregister();
		} finally {
			collectors.close();
			live.close();
		}
	}

	/** Forwards to the log service of the moment, which may come and go. */
	private final class CurrentLog implements IntakeLog {

		@Override
		public void warn(String message) {
			IntakeLog current = log;
			if (current != null) {
				current.warn(message);
			}
		}

		@Override
		public void info(String message) {
			IntakeLog current = log;
			if (current != null) {
				current.info(message);
			}
		}
	}
}
