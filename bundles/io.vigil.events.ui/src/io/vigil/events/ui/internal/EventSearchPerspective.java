package io.vigil.events.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.vigil.events.ui.ShowEvents;

/** The Event Search perspective: saved searches on the left, the search with dashboards beside it. */
public final class EventSearchPerspective implements IPerspectiveFactory {

	/** The perspective's id. */
	public static final String ID = ShowEvents.PERSPECTIVE_ID;

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		IFolderLayout main = layout.createFolder("io.vigil.events.ui.folder.main", IPageLayout.RIGHT, 0.2f, editorArea);
		main.addView(EventSearchPart.ID);
		main.addView(DashboardPart.ID);
		IFolderLayout left = layout.createFolder("io.vigil.events.ui.folder.left", IPageLayout.LEFT, 0.2f,
				"io.vigil.events.ui.folder.main");
		left.addView(SavedSearchesPart.ID);
		left.addPlaceholder("org.eclipse.ui.views.ProgressView");
		layout.addShowViewShortcut(EventSearchPart.ID);
		layout.addShowViewShortcut(SavedSearchesPart.ID);
		layout.addShowViewShortcut(DashboardPart.ID);
		layout.addPerspectiveShortcut("io.vigil.app.perspective.home");
	}
}
