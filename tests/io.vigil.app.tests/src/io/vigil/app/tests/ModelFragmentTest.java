package io.vigil.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * A bundle other than io.vigil.app contributes to the application model with a model fragment,
 * as every capability's UI bundle does: its part descriptor is merged and its part renders.
 */
class ModelFragmentTest {

	private static final String PROBE = "io.vigil.app.tests.part.probe";

	@Test
	void fragmentAddsAPartThatOpensInTheWindow() {
		IWorkbenchWindow window = Conditions.waitFor("the workbench window is open", Conditions.DEFAULT_TIMEOUT,
				() -> UiThread.call(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow()));
		MApplication application = PlatformUI.getWorkbench().getService(MApplication.class);
		EModelService models = PlatformUI.getWorkbench().getService(EModelService.class);

		MPartDescriptor descriptor = UiThread.call(() -> models.getPartDescriptor(PROBE));
		assertNotNull(descriptor, "the fragment's part descriptor is in the application model");
		assertEquals("Fragment Probe", descriptor.getLabel());

		EPartService parts = window.getService(EPartService.class);
		MPart part = UiThread.call(() -> parts.showPart(PROBE, PartState.ACTIVATE));
		try {
			List<String> labels = UiThread.call(() -> Widgets
					.findAll((Composite) part.getWidget(), Label.class, label -> true).stream().map(Label::getText)
					.toList());
			assertEquals(List.of(FragmentProbePart.TEXT), labels);
			assertEquals(1, UiThread.call(() -> models.findElements(application, PROBE, MPart.class).size()));
		} finally {
			UiThread.run(() -> parts.hidePart(part, true));
		}
	}
}
