package io.vigil.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

import io.vigil.core.workspace.Workspace;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/** The Vigil workbench as a user first sees it, inside the real product application. */
class WorkbenchShellTest {

	private static final Duration DIALOG_TIMEOUT = Duration.ofSeconds(20);

	@Test
	void windowIsTitledVigilWithTheStandardMenus() {
		IWorkbenchWindow window = activeWindow();

		String title = UiThread.call(() -> window.getShell().getText());
		List<String> menus = UiThread.call(() -> Widgets.itemTexts(window.getShell().getMenuBar()));

		assertEquals("Vigil", title);
		assertEquals(List.of("File", "Edit", "View", "Window", "Help"), menus);
	}

	@Test
	void menusHoldTheStandardActions() {
		IWorkbenchWindow window = activeWindow();

		List<String> file = UiThread.call(() -> subMenu(window, "File"));
		List<String> view = UiThread.call(() -> subMenu(window, "View"));
		List<String> windowMenu = UiThread.call(() -> subMenu(window, "Window"));
		List<String> help = UiThread.call(() -> subMenu(window, "Help"));

		assertTrue(file.contains("Exit"), file.toString());
		assertTrue(view.containsAll(List.of("Show View", "Show Welcome")), view.toString());
		assertTrue(windowMenu.containsAll(List.of("Open Perspective", "Reset Perspective...", "Preferences...")),
				windowMenu.toString());
		assertTrue(help.contains("About Vigil"), help.toString());
	}

	@Test
	void homePerspectiveShowsWelcomeProgressAndErrorLog() {
		IWorkbenchWindow window = activeWindow();
		IWorkbenchPage page = UiThread.call(window::getActivePage);

		assertEquals("io.vigil.app.perspective.home", UiThread.call(() -> page.getPerspective().getId()));
		assertNotNull(UiThread.call(() -> page.findView("org.eclipse.ui.views.ProgressView")), "Progress view");
		assertNotNull(UiThread.call(() -> page.findView("org.eclipse.pde.runtime.LogView")), "Error Log view");
	}

	@Test
	void welcomeNamesTheWorkspaceAndSaysWhatToDoFirst() {
		Workspace workspace = PlatformUI.getWorkbench().getService(Workspace.class);
		assertNotNull(workspace, "the application offers the open workspace as a service");

		Control welcome = UiThread.call(() -> welcomeControl());
		List<String> texts = UiThread.call(() -> Widgets.findAll(welcome, Label.class, label -> true).stream()
				.map(Label::getText).toList());

		assertTrue(texts.contains("Welcome to Vigil"), texts.toString());
		assertTrue(texts.contains("This workspace is empty: " + workspace.root()), texts.toString());
		assertTrue(texts.contains("What to do first"), texts.toString());
	}

	@Test
	void preferencesShowTheVigilPageWithTheWorkspace() {
		Workspace workspace = PlatformUI.getWorkbench().getService(Workspace.class);
		runCommandLater("org.eclipse.ui.window.preferences");
		Shell dialog = awaitShell("Preferences");
		try {
			List<String> vigilPages = UiThread.call(() -> expandedPage(dialog, "Vigil"));
			assertTrue(vigilPages.containsAll(List.of("Appearance", "Keys")), vigilPages.toString());

			UiThread.waitUntil("the Vigil page shows the workspace", DIALOG_TIMEOUT,
					() -> !Widgets.findAll(dialog, Text.class, text -> text.getText().equals(workspace.root().toString()))
							.isEmpty());
		} finally {
			UiThread.run(dialog::close);
		}
	}

	@Test
	void aboutDialogShowsTheVersion() {
		runCommandLater("org.eclipse.ui.help.aboutAction");
		Shell dialog = awaitShell("About Vigil");
		try {
			String about = UiThread.call(() -> String.join("\n",
					Widgets.findAll(dialog, StyledText.class, text -> true).stream().map(StyledText::getText).toList()));
			assertTrue(about.startsWith("Vigil"), about);
			assertTrue(about.matches("(?s).*Version 0\\.1\\.0 \\(build \\d{12}\\).*"), about);
		} finally {
			UiThread.run(dialog::close);
		}
	}

	@Test
	void showWelcomeHasAKeyBinding() {
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);

		String key = UiThread.call(() -> bindings.getBestActiveBindingFormattedFor("io.vigil.app.command.showWelcome"));

		assertEquals("Ctrl+Alt+H", key);
	}

	private static IWorkbenchWindow activeWindow() {
		return Conditions.waitFor("the workbench window is open", Conditions.DEFAULT_TIMEOUT, () -> UiThread.call(() -> {
			IWorkbench workbench = PlatformUI.getWorkbench();
			IWorkbenchWindow[] windows = workbench.getWorkbenchWindows();
			return windows.length == 0 ? null : windows[0];
		}));
	}

	private static Control welcomeControl() {
		MApplication application = PlatformUI.getWorkbench().getService(MApplication.class);
		EModelService models = PlatformUI.getWorkbench().getService(EModelService.class);
		// The perspective holds a placeholder; the part itself is shared by the window.
		List<MPart> parts = models.findElements(application, "io.vigil.app.part.welcome", MPart.class);
		assertEquals(1, parts.size(), "the welcome part is in the model once");
		MPart part = parts.get(0);
		assertTrue(part.isToBeRendered());
		assertFalse(((Composite) part.getWidget()).isDisposed());
		return (Control) part.getWidget();
	}

	private static List<String> subMenu(IWorkbenchWindow window, String name) {
		var item = Widgets.item(window.getShell().getMenuBar(), name).orElseThrow();
		var menu = item.getMenu();
		// Menus fill themselves when shown; ask them to, as opening the menu would.
		menu.notifyListeners(SWT.Show, new Event());
		return Widgets.itemTexts(menu);
	}

	private static void runCommandLater(String commandId) {
		activeWindow();
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		UiThread.post(() -> {
			try {
				handlers.executeCommand(commandId, null);
			} catch (Exception e) {
				throw new IllegalStateException("cannot run " + commandId, e);
			}
		});
	}

	private static Shell awaitShell(String title) {
		return Conditions.waitFor("a shell titled '" + title + "' opens", DIALOG_TIMEOUT,
				() -> UiThread.call(() -> Widgets.shell(UiThread.display(), title).orElse(null)));
	}

	/**
	 * Selects and expands a top-level page of the preferences tree, as clicks on it and on its
	 * arrow do, and lists its children.
	 */
	private static List<String> expandedPage(Shell dialog, String name) {
		Tree tree = Widgets.find(dialog, Tree.class, candidate -> true).orElseThrow();
		TreeItem page = Arrays.stream(tree.getItems()).filter(item -> item.getText().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no page '" + name + "' in " + Arrays.toString(tree.getItems())));
		Event expand = new Event();
		expand.item = page;
		tree.notifyListeners(SWT.Expand, expand);
		page.setExpanded(true);
		tree.setSelection(page);
		Event select = new Event();
		select.item = page;
		tree.notifyListeners(SWT.Selection, select);
		return Arrays.stream(page.getItems()).map(TreeItem::getText).toList();
	}
}
