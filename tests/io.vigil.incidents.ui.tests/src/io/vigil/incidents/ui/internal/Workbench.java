package io.vigil.incidents.ui.internal;

import java.time.Duration;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import io.vigil.incidents.IncidentService;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/** The running workbench as the incident tests use it. Call from the test thread. */
final class Workbench {

	/** How long a test waits for the workbench, a job or the store. */
	static final Duration WAIT = Duration.ofSeconds(60);

	private Workbench() {
	}

	/** Returns the incident service, waiting for it to come up. */
	static IncidentService service() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		return Conditions.waitFor("the incident service is up", WAIT, () -> workbench.getService(IncidentService.class));
	}

	/** Opens the Incidents perspective in the first window, and returns its id as the page has it. */
	static String openPerspective() {
		return UiThread.call(() -> {
			IWorkbench workbench = PlatformUI.getWorkbench();
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(IncidentsPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return window.getActivePage().getPerspective().getId();
		});
	}

	/** Returns the part service of the first window; call on the UI thread. */
	static EPartService parts() {
		return PlatformUI.getWorkbench().getWorkbenchWindows()[0].getService(EPartService.class);
	}

	/** Shows a part, activated, and returns its object; call on the UI thread. */
	static <T> T show(String id, Class<T> type) {
		MPart part = parts().showPart(id, EPartService.PartState.ACTIVATE);
		return type.cast(part.getObject());
	}
}
