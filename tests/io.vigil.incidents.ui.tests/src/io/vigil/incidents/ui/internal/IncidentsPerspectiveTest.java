package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.junit.jupiter.api.Test;

import io.vigil.tests.support.Screenshots;
import io.vigil.tests.support.UiThread;

/** The Incidents perspective opens with its three parts, each built and shown. */
class IncidentsPerspectiveTest {

	private static final List<String> PARTS = List.of(IncidentListPart.ID, IncidentEditorPart.ID,
			IncidentTimelineView.ID);

	@Test
	void opensWithItsParts() {
		String opened = Workbench.openPerspective();

		assertEquals(IncidentsPerspective.ID, opened);
		for (String id : PARTS) {
			UiThread.run(() -> {
				MPart part = Workbench.parts().showPart(id, EPartService.PartState.VISIBLE);
				assertTrue(part != null && part.getObject() != null, id + " is built");
				assertTrue(Workbench.parts().isPartVisible(part), id + " is visible");
			});
		}
		UiThread.run(() -> Screenshots.save(UiThread.display(), Path.of("target", "incidents-perspective.png")));
	}
}
