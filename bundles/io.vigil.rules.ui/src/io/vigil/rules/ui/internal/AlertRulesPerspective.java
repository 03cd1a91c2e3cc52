package io.vigil.rules.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.vigil.events.ui.ShowEvents;

/**
 * The Alert Rules perspective: the rule library beside its editor and test pane above; the alert
 * queue beside the selected alert below, where Event Search opens to show an alert's events.
 */
public final class AlertRulesPerspective implements IPerspectiveFactory {

	/** The perspective's id. */
	public static final String ID = "io.vigil.rules.ui.perspective";

	private static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
	private static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(false);
		IFolderLayout library = layout.createFolder("io.vigil.rules.ui.folder.library", IPageLayout.TOP, 0.5f,
				editorArea);
		library.addView(RuleLibraryPart.ID);
		IFolderLayout rule = layout.createFolder("io.vigil.rules.ui.folder.rule", IPageLayout.RIGHT, 0.45f,
				"io.vigil.rules.ui.folder.library");
		rule.addView(RuleEditorPart.ID);
		rule.addView(RuleTestPart.ID);
		IFolderLayout queue = layout.createFolder("io.vigil.rules.ui.folder.queue", IPageLayout.BOTTOM, 0.5f,
				"io.vigil.rules.ui.folder.library");
		queue.addView(AlertQueuePart.ID);
		queue.addPlaceholder(PROGRESS_VIEW);
		queue.addPlaceholder(ERROR_LOG_VIEW);
		IFolderLayout detail = layout.createFolder("io.vigil.rules.ui.folder.detail", IPageLayout.BOTTOM, 0.5f,
				"io.vigil.rules.ui.folder.rule");
		detail.addView(AlertDetailPart.ID);
		detail.addPlaceholder(ShowEvents.PART_ID);
		for (String part : new String[] { RuleLibraryPart.ID, RuleEditorPart.ID, RuleTestPart.ID, AlertQueuePart.ID,
				AlertDetailPart.ID }) {
			layout.addShowViewShortcut(part);
		}
		layout.addPerspectiveShortcut("io.vigil.app.perspective.home");
		layout.addPerspectiveShortcut("io.vigil.events.ui.perspective.search");
	}
}
