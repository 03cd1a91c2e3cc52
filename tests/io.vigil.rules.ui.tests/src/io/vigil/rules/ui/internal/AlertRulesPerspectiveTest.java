package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import io.vigil.tests.support.Screenshots;
import io.vigil.tests.support.UiThread;

/** The Alert Rules perspective opens with its five parts, each built and shown. */
class AlertRulesPerspectiveTest {

	private static final List<String> PARTS = List.of(RuleLibraryPart.ID, RuleEditorPart.ID, RuleTestPart.ID,
			AlertQueuePart.ID, AlertDetailPart.ID);

	@Test
	void opensWithItsParts() {
		IWorkbench workbench = PlatformUI.getWorkbench();

		String opened = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(AlertRulesPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return window.getActivePage().getPerspective().getId();
		});

		assertEquals(AlertRulesPerspective.ID, opened);
		for (String id : PARTS) {
			UiThread.run(() -> {
				EPartService parts = workbench.getWorkbenchWindows()[0].getService(EPartService.class);
				// The test pane shares a stack with the editor: bring each part up before checking it.
				MPart part = parts.showPart(id, EPartService.PartState.VISIBLE);
				assertTrue(part != null && part.getObject() != null, id + " is built");
				assertTrue(parts.isPartVisible(part), id + " is visible");
			});
		}
		UiThread.run(() -> Screenshots.save(UiThread.display(), Path.of("target", "alert-rules-perspective.png")));
	}
}
