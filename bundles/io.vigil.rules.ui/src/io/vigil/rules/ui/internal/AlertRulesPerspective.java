package io.vigil.rules.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import io.vigil.events.ui.ShowEvents;

/**
 * The Alert Rules perspective: the rule library beside its editor and test pane above; the alert
 * queue beside the selected alert below. Show Events switches to the Event Search perspective.
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
		// The queue is the widest part: analysts spend their day in it.
		IFolderLayout library = layout.createFolder("io.vigil.rules.ui.folder.library", IPageLayout.TOP, 0.45f,
				editorArea);
		library.addView(RuleLibraryPart.ID);
		IFolderLayout queue = layout.createFolder("io.vigil.rules.ui.folder.queue", IPageLayout.BOTTOM, 0.45f,
				editorArea);
		queue.addView(AlertQueuePart.ID);
		queue.addPlaceholder(PROGRESS_VIEW);
		queue.addPlaceholder(ERROR_LOG_VIEW);
		IFolderLayout rule = layout.createFolder("io.vigil.rules.ui.folder.rule", IPageLayout.RIGHT, 0.5f,
				"io.vigil.rules.ui.folder.library");
		rule.addView(RuleEditorPart.ID);
		rule.addView(RuleTestPart.ID);
		IFolderLayout detail = layout.createFolder("io.vigil.rules.ui.folder.detail", IPageLayout.RIGHT, 0.6f,
				"io.vigil.rules.ui.folder.queue");
		detail.addView(AlertDetailPart.ID);
		for (String part : new String[] { RuleLibraryPart.ID, RuleEditorPart.ID, RuleTestPart.ID, AlertQueuePart.ID,
				AlertDetailPart.ID }) {
			layout.addShowViewShortcut(part);
		}
		layout.addPerspectiveShortcut("io.vigil.app.perspective.home");
		layout.addPerspectiveShortcut(ShowEvents.PERSPECTIVE_ID);
	}
}
