package io.vigil.app.internal;

import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.vigil.core.workspace.Workspace;

/** Workbench-wide decisions: the first perspective, state saving, and confirming exit. */
final class VigilWorkbenchAdvisor extends WorkbenchAdvisor {

	/** The perspective a new workspace opens with. */
	static final String HOME_PERSPECTIVE = "io.vigil.app.perspective.home";

	private final Workspace workspace;

	VigilWorkbenchAdvisor(Workspace workspace) {
		this.workspace = workspace;
	}

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		configurer.setSaveAndRestore(true);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return HOME_PERSPECTIVE;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new VigilWorkbenchWindowAdvisor(configurer, workspace);
	}

	@Override
	public boolean preShutdown() {
		IPreferenceStore preferences = Preferences.store();
		if (!preferences.getBoolean(Preferences.CONFIRM_EXIT)) {
			return true;
		}
		MessageDialogWithToggle dialog = MessageDialogWithToggle.openOkCancelConfirm(null,
				Messages.VigilWorkbenchAdvisor_confirmExitTitle, Messages.VigilWorkbenchAdvisor_confirmExitMessage,
				Messages.VigilWorkbenchAdvisor_confirmExitToggle, false, null, null);
		if (dialog.getReturnCode() != Window.OK) {
			return false;
		}
		if (dialog.getToggleState()) {
			preferences.setValue(Preferences.CONFIRM_EXIT, false);
		}
		return true;
	}
}
