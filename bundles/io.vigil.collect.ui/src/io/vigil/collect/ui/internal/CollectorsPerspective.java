package io.vigil.collect.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Collectors perspective: the health of every source above, the error log (where collectors report) below. */
public final class CollectorsPerspective implements IPerspectiveFactory {

	/** The perspective's id. */
	public static final String ID = "io.vigil.collect.ui.perspective.collectors";

	private static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";
	private static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
	private static final String EVENT_SEARCH_PART = "io.vigil.events.ui.part.search";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		layout.addView(CollectorHealthPart.ID, IPageLayout.TOP, 0.6f, editorArea);
		IFolderLayout bottom = layout.createFolder("io.vigil.collect.ui.folder.bottom", IPageLayout.BOTTOM, 0.6f,
				editorArea);
		bottom.addView(ERROR_LOG_VIEW);
		bottom.addPlaceholder(PROGRESS_VIEW);
		bottom.addPlaceholder(EVENT_SEARCH_PART);
		layout.addShowViewShortcut(CollectorHealthPart.ID);
		layout.addShowViewShortcut(ERROR_LOG_VIEW);
		layout.addPerspectiveShortcut("io.vigil.app.perspective.home");
		layout.addPerspectiveShortcut("io.vigil.events.ui.perspective.search");
	}
}
