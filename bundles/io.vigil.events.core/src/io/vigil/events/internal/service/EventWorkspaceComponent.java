package io.vigil.events.internal.service;

import java.io.IOException;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.vigil.core.workspace.Workspace;
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

	/** Opens the events and registers them. */
	@Activate
	void activate(BundleContext context) throws Exception {
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		events.store().refreshEvery(EventWorkspace.REFRESH_INTERVAL);
		registration = context.registerService(EventWorkspace.class, events, null);
	}

	/** Unregisters the events and closes the store, committing what was added. */
	@Deactivate
	void deactivate() throws IOException {
		try {
			registration.unregister();
		} finally {
			events.close();
		}
	}
}
