package io.vigil.app.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.vigil.core.workspace.Workspace;

/** The look of a Vigil window: title, size, and which bars it shows. */
final class VigilWorkbenchWindowAdvisor extends WorkbenchWindowAdvisor {

	private final Workspace workspace;

	VigilWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer, Workspace workspace) {
		super(configurer);
		this.workspace = workspace;
	}

	@Override
	public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
		return new VigilActionBarAdvisor(configurer, workspace);
	}

	@Override
	public void preWindowOpen() {
		IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
		configurer.setTitle(Messages.VigilWorkbenchWindowAdvisor_title);
		configurer.setInitialSize(new Point(1280, 800));
		configurer.setShowMenuBar(true);
		configurer.setShowCoolBar(true);
		configurer.setShowStatusLine(true);
		configurer.setShowPerspectiveBar(true);
		configurer.setShowProgressIndicator(true);
	}
}
