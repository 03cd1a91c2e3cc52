package io.vigil.rules.internal.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.collect.IntakeLog;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.store.StoredEvent;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleCompiler;
import io.vigil.rules.RuleLibrary;
import io.vigil.rules.RuleRunner;
import io.vigil.rules.RuleService;
import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertStore;
import io.vigil.rules.eval.Backtest;
import io.vigil.rules.eval.BacktestResult;

/**
 * Offers the {@link RuleService} while the workbench has an {@link EventWorkspace}: opens the
 * rules of the workspace and runs the enabled ones on every event the workbench stores.
 */
@Component(immediate = true, service = {})
public final class RuleServiceComponent implements RuleService {

	@Reference
	private EventWorkspace events;

	/** The workbench's log for warnings, which may come and go. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	private volatile IntakeLog log;

	private RuleWorkspace rules;
	private RuleRunner runner;
	private ServiceRegistration<RuleService> registration;

	/** Opens the rules, starts the runner and registers the service. */
	@Activate
	void activate(BundleContext context) throws WorkspaceException, IOException {
		rules = RuleWorkspace.open(events);
		runner = rules.runner(this::warn);
		runner.start();
		registration = context.registerService(RuleService.class, this, null);
	}

	/** Unregisters the service and stops the runner, storing the alerts it raised. */
	@Deactivate
	void deactivate() throws InterruptedException {
		try {
			registration.unregister();
		} finally {
			runner.close();
		}
	}

	private void warn(String message) {
		IntakeLog current = log;
		if (current != null) {
			current.warn(message);
		}
	}

	@Override
	public RuleLibrary library() {
		return rules.library();
	}

	@Override
	public AlertStore alerts() {
		return rules.alerts();
	}

	@Override
	public RuleCompiler compiler() {
		return rules.compiler();
	}

	@Override
	public void reload() throws WorkspaceException {
		runner.reload();
	}

	@Override
	public BacktestResult backtest(List<Rule> chosen, TimeRange range, IProgressMonitor monitor) throws IOException {
		return Backtest.run(events.store(), chosen, range, Clock.systemUTC(), monitor);
	}

	@Override
	public List<AlertDraft> test(List<Rule> chosen, List<ObjectNode> given) {
		List<StoredEvent> stored = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			ObjectNode event = given.get(i);
			stored.add(new StoredEvent(event.path("vigil").path("id").asText("pasted-" + (i + 1)), time(event), event));
		}
		return Backtest.run(chosen, stored);
	}

	private static Instant time(ObjectNode event) {
		try {
			return Instant.parse(event.path("utctimestamp").asText());
		} catch (RuntimeException e) {
			return Instant.now();
		}
	}

	@Override
	public void addAlertListener(Runnable listener) {
		runner.addListener(listener);
	}

	@Override
	public void removeAlertListener(Runnable listener) {
		runner.removeListener(listener);
	}
}
