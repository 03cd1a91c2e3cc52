package io.vigil.app.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.StatusLineContributionItem;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

import io.vigil.core.workspace.Workspace;

/**
 * The main menu (File, Edit, View, Window, Help) with the standard workbench actions, and the
 * status line showing the open workspace. Menus carry the standard group markers, so that
 * capabilities contribute their items through model fragments or menu contributions.
 */
final class VigilActionBarAdvisor extends ActionBarAdvisor {

	private final Workspace workspace;

	VigilActionBarAdvisor(IActionBarConfigurer configurer, Workspace workspace) {
		super(configurer);
		this.workspace = workspace;
	}

	@Override
	protected void makeActions(IWorkbenchWindow window) {
		for (ActionFactory factory : new ActionFactory[] { ActionFactory.QUIT, ActionFactory.UNDO,
				ActionFactory.REDO, ActionFactory.CUT, ActionFactory.COPY, ActionFactory.PASTE, ActionFactory.DELETE,
				ActionFactory.SELECT_ALL, ActionFactory.FIND, ActionFactory.RESET_PERSPECTIVE,
				ActionFactory.SAVE_PERSPECTIVE, ActionFactory.PREFERENCES,
				ActionFactory.ABOUT, ActionFactory.SHOW_QUICK_ACCESS, ActionFactory.OPEN_NEW_WINDOW }) {
			register(factory.create(window));
		}
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
		menuBar.add(fileMenu());
		menuBar.add(editMenu());
		menuBar.add(viewMenu(window));
		menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(windowMenu(window));
		menuBar.add(helpMenu(window));
	}

	private MenuManager fileMenu() {
		MenuManager menu = new MenuManager(Messages.Menu_file, IWorkbenchActionConstants.M_FILE);
		menu.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
		menu.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
		menu.add(new Separator(IWorkbenchActionConstants.OPEN_EXT));
		menu.add(new Separator(IWorkbenchActionConstants.IMPORT_EXT));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.QUIT.getId()));
		menu.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));
		return menu;
	}

	private MenuManager editMenu() {
		MenuManager menu = new MenuManager(Messages.Menu_edit, IWorkbenchActionConstants.M_EDIT);
		menu.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		menu.add(getAction(ActionFactory.UNDO.getId()));
		menu.add(getAction(ActionFactory.REDO.getId()));
		menu.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.CUT.getId()));
		menu.add(getAction(ActionFactory.COPY.getId()));
		menu.add(getAction(ActionFactory.PASTE.getId()));
		menu.add(new GroupMarker(IWorkbenchActionConstants.CUT_EXT));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.DELETE.getId()));
		menu.add(getAction(ActionFactory.SELECT_ALL.getId()));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.FIND.getId()));
		menu.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));
		return menu;
	}

	private static MenuManager viewMenu(IWorkbenchWindow window) {
		MenuManager menu = new MenuManager(Messages.Menu_view, "view");
		MenuManager showView = new MenuManager(Messages.Menu_showView, "showView");
		showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		menu.add(showView);
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		return menu;
	}

	private MenuManager windowMenu(IWorkbenchWindow window) {
		MenuManager menu = new MenuManager(Messages.Menu_window, IWorkbenchActionConstants.M_WINDOW);
		menu.add(getAction(ActionFactory.OPEN_NEW_WINDOW.getId()));
		menu.add(new Separator());
		MenuManager perspectives = new MenuManager(Messages.Menu_openPerspective, "openPerspective");
		perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
		menu.add(perspectives);
		menu.add(getAction(ActionFactory.SAVE_PERSPECTIVE.getId()));
		menu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.PREFERENCES.getId()));
		return menu;
	}

	private MenuManager helpMenu(IWorkbenchWindow window) {
		MenuManager menu = new MenuManager(Messages.Menu_help, IWorkbenchActionConstants.M_HELP);
		menu.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
		menu.add(getAction(ActionFactory.SHOW_QUICK_ACCESS.getId()));
		menu.add(command(window, "org.eclipse.ui.window.showKeyAssist"));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
		menu.add(new Separator());
		menu.add(getAction(ActionFactory.ABOUT.getId()));
		return menu;
	}

	private static CommandContributionItem command(IWorkbenchWindow window, String commandId) {
		return new CommandContributionItem(
				new CommandContributionItemParameter(window, "io.vigil.app.menu." + commandId, commandId, SWT.PUSH));
	}

	@Override
	protected void fillCoolBar(ICoolBarManager coolBar) {
		coolBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
	}

	@Override
	protected void fillStatusLine(IStatusLineManager statusLine) {
		StatusLineContributionItem item = new StatusLineContributionItem("io.vigil.app.status.workspace", 60);
		item.setText(NLS.bind(Messages.Status_workspace, workspace.root()));
		statusLine.add(item);
	}
}
