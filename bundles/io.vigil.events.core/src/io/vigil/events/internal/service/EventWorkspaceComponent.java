package io.vigil.events.internal.service;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;

/**
 * Offers the events of the open workspace as an {@link EventWorkspace} service while the
 * workbench has a {@link Workspace} service, refreshing searches as events arrive. The command
 * line has no workspace service; its commands open the events themselves.
 */
@Component(immediate = true, service = {})
public final class EventWorkspaceComponent {

	@Reference
	private Workspace workspace;

	private EventWorkspace events;
	private ServiceRegistration<EventWorkspace> registration;
	private ScheduledExecutorService retention;

	/** Opens the events and registers them. */
	@Activate
	void activate(BundleContext context) throws Exception {
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		events.store().refreshEvery(EventWorkspace.REFRESH_INTERVAL);
		// A workbench may stay open for days: retention drops the day that ages out each hour.
		retention = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "Vigil event retention");
			thread.setDaemon(true);
			return thread;
		});
		retention.scheduleWithFixedDelay(this::applyRetention, 1, 1, TimeUnit.HOURS);
		registration = context.registerService(EventWorkspace.class, events, null);
	}

	private void applyRetention() {
		try {
			events.applyRetention();
		} catch (WorkspaceException | IOException | RuntimeException e) {
			// The next round tries again; opening the workspace reports a lasting problem.
		}
	}

	/** Unregisters the events and closes the store, committing what was added. */
	@Deactivate
	void deactivate() throws IOException {
		retention.shutdownNow();
		try {
			registration.unregister();
		} finally {
			events.close();
		}
	}
}
