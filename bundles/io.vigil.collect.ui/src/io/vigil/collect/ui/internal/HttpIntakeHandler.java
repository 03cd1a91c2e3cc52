package io.vigil.collect.ui.internal;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;

import io.vigil.collect.CollectorException;
import io.vigil.collect.CollectorService;

/**
 * File &gt; Receive Events over HTTP: switches the workbench's HTTP intake on or off. The menu
 * item's check follows the service, also when the health view or the preferences change it.
 */
public final class HttpIntakeHandler extends AbstractHandler implements IElementUpdater {

	/** The command's id. */
	public static final String COMMAND = "io.vigil.collect.ui.command.httpIntake";

	private final IWorkbench workbench = PlatformUI.getWorkbench();
	private final CollectorService.Listener listener = this::serviceChanged;
	private CollectorService listenedTo;

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		CollectorService service = service();
		if (service == null) {
			throw new ExecutionException(Messages.Health_noService);
		}
		try {
			service.setHttpIntakeEnabled(!service.httpIntakeEnabled());
		} catch (CollectorException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
		return null;
	}

	@Override
	public boolean isEnabled() {
		return service() != null;
	}

	@Override
	public void updateElement(UIElement element, Map parameters) {
		CollectorService service = service();
		element.setChecked(service != null && service.httpIntakeEnabled());
	}

	private synchronized CollectorService service() {
		CollectorService service = workbench.getService(CollectorService.class);
		if (service != listenedTo) {
			if (listenedTo != null) {
				listenedTo.removeListener(listener);
			}
			if (service != null) {
				service.addListener(listener);
			}
			listenedTo = service;
		}
		return service;
	}

	private void serviceChanged() {
		if (workbench.isClosing() || workbench.getDisplay().isDisposed()) {
			return;
		}
		workbench.getDisplay().asyncExec(() -> {
			if (!workbench.isClosing()) {
				workbench.getService(ICommandService.class).refreshElements(COMMAND, null);
			}
		});
	}

	@Override
	public synchronized void dispose() {
		if (listenedTo != null) {
			listenedTo.removeListener(listener);
			listenedTo = null;
		}
		super.dispose();
	}
}
