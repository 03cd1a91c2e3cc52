package io.vigil.app.internal;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the Vigil workbench shell. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.vigil.app.internal.messages";

	public static String VigilApplication_workspaceErrorTitle;
	public static String VigilWorkbenchWindowAdvisor_title;
	public static String VigilWorkbenchAdvisor_confirmExitTitle;
	public static String VigilWorkbenchAdvisor_confirmExitMessage;
	public static String VigilWorkbenchAdvisor_confirmExitToggle;
	public static String Menu_file;
	public static String Menu_edit;
	public static String Menu_view;
	public static String Menu_showView;
	public static String Menu_window;
	public static String Menu_openPerspective;
	public static String Menu_help;
	public static String Status_workspace;
	public static String GeneralPreferencePage_description;
	public static String GeneralPreferencePage_workspace;
	public static String GeneralPreferencePage_schemas;
	public static String GeneralPreferencePage_workspaceHint;
	public static String GeneralPreferencePage_confirmExit;
	public static String WelcomePart_title;
	public static String WelcomePart_emptyWorkspace;
	public static String WelcomePart_workspace;
	public static String WelcomePart_firstSteps;
	public static String WelcomePart_stepPreferences;
	public static String WelcomePart_stepCommandLine;
	public static String WelcomePart_stepViews;
	public static String WelcomePart_stepImport;
	public static String WelcomePart_stepCollect;
	public static String WelcomePart_capabilities;
	public static String WelcomePart_capabilitiesText;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
