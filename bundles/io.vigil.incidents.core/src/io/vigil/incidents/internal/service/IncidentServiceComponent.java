package io.vigil.incidents.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.incidents.IncidentPromotion;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.IncidentStore;
import io.vigil.rules.RuleService;

/** Offers the {@link IncidentService} while the workbench has an event workspace and its rules. */
@Component(service = IncidentService.class)
public final class IncidentServiceComponent implements IncidentService {

	@Reference
	private EventWorkspace events;

	@Reference
	private RuleService rules;

	private IncidentStore store;
	private IncidentPromotion promotion;

	/** Brings the incidents' schema up to date and opens the store. */
	@Activate
	void activate() throws WorkspaceException {
		store = IncidentStore.open(events.workspace(), events.clock());
		promotion = new IncidentPromotion(store, events, rules.alerts());
	}

	@Override
	public IncidentStore store() {
		return store;
	}

	@Override
	public IncidentPromotion promotion() {
		return promotion;
	}
}
