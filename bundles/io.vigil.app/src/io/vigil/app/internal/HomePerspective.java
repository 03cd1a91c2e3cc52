package io.vigil.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Home perspective: the welcome above, background work and the error log below. */
public final class HomePerspective implements IPerspectiveFactory {

	/** The welcome part's id (a part descriptor in the application model). */
	static final String WELCOME_PART = "io.vigil.app.part.welcome";
	/** The Eclipse Error Log view's id. */
	static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";
	/** The workbench Progress view's id. */
	static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		layout.addView(WELCOME_PART, IPageLayout.TOP, 0.68f, editorArea);
		IFolderLayout bottom = layout.createFolder("io.vigil.app.folder.bottom", IPageLayout.BOTTOM, 0.68f,
				editorArea);
		bottom.addView(PROGRESS_VIEW);
		bottom.addView(ERROR_LOG_VIEW);
		layout.addShowViewShortcut(WELCOME_PART);
		layout.addShowViewShortcut(PROGRESS_VIEW);
		layout.addShowViewShortcut(ERROR_LOG_VIEW);
	}
}
