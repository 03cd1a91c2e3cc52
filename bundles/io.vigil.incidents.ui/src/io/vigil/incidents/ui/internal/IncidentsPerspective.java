package io.vigil.incidents.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.vigil.events.ui.ShowEvents;

/**
 * The Incidents perspective: the incident list beside the opened incident above, the incident's
 * timeline across the bottom, where it has the width it needs.
 */
public final class IncidentsPerspective implements IPerspectiveFactory {

	/** The perspective's id. */
	public static final String ID = "io.vigil.incidents.ui.perspective";

	private static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		IFolderLayout list = layout.createFolder("io.vigil.incidents.ui.folder.list", IPageLayout.TOP, 0.5f,
				editorArea);
		list.addView(IncidentListPart.ID);
		IFolderLayout timeline = layout.createFolder("io.vigil.incidents.ui.folder.timeline", IPageLayout.BOTTOM,
				0.5f, editorArea);
		timeline.addView(IncidentTimelineView.ID);
		timeline.addPlaceholder(PROGRESS_VIEW);
		IFolderLayout editor = layout.createFolder("io.vigil.incidents.ui.folder.editor", IPageLayout.RIGHT, 0.42f,
				"io.vigil.incidents.ui.folder.list");
		editor.addView(IncidentEditorPart.ID);
		for (String part : new String[] { IncidentListPart.ID, IncidentEditorPart.ID, IncidentTimelineView.ID }) {
			layout.addShowViewShortcut(part);
		}
		layout.addPerspectiveShortcut("io.vigil.app.perspective.home");
		layout.addPerspectiveShortcut(ShowEvents.PERSPECTIVE_ID);
	}
}
