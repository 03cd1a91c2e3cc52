package io.vigil.rules.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.rules.LibraryRule;
import io.vigil.rules.RuleService;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * The library and the editor: a folder of rules is imported (the report names what could not be),
 * a rule is enabled with its check box, and the editor checks the text while it is typed, naming
 * the line of each problem, and saves it as a new version.
 */
class RuleLibraryEditorTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static IWorkbench workbench;
	private static RuleService service;
	private static RuleLibraryPart library;
	private static RuleEditorPart editor;

	@TempDir
	Path folder;

	private String id;

	@BeforeAll
	static void openParts() {
		workbench = PlatformUI.getWorkbench();
		service = Conditions.waitFor("the rule service is up", WAIT, () -> workbench.getService(RuleService.class));
		UiThread.run(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(AlertRulesPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			EPartService parts = window.getService(EPartService.class);
			library = (RuleLibraryPart) parts.showPart(RuleLibraryPart.ID, EPartService.PartState.ACTIVATE).getObject();
			editor = (RuleEditorPart) parts.showPart(RuleEditorPart.ID, EPartService.PartState.VISIBLE).getObject();
		});
	}

	@AfterEach
	void cleanUp() throws Exception {
		UiThread.run(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof ImportReportDialog) {
					shell.close();
				}
			}
		});
		if (id != null) {
			service.library().delete(id);
			service.reload();
		}
	}

	private String rule(String title) {
		id = UUID.randomUUID().toString();
		return """
				title: %s
				id: %s
				status: test
				logsource:
				    category: authentication
				detection:
				    selection:
				        details.success: false
				    condition: selection
				level: high
				""".formatted(title, id);
	}

	@Test
	void importsAFolderAndReportsWhatItCouldNot() throws Exception {
		String title = "Failed login " + UUID.randomUUID();
		Files.writeString(folder.resolve("good.yml"), rule(title));
		Files.writeString(folder.resolve("bad.yml"), "title: broken\ndetection:\n    condition: nothing\n");

		UiThread.run(() -> library.importPath(folder));

		Shell report = Conditions.waitFor("the import report opens", WAIT, () -> UiThread.call(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.isVisible() && shell.getData() instanceof ImportReportDialog) {
					return shell;
				}
			}
			return null;
		}));
		ImportReportDialog dialog = (ImportReportDialog) UiThread.call(report::getData);
		assertEquals(1, dialog.report().imported());
		assertEquals("bad.yml", dialog.report().unsupported().get(0).file());
		UiThread.waitUntil("the library says what was imported", WAIT,
				() -> library.statusText().contains("imported 1 rules, unsupported 1"));
		UiThread.run(report::close);
		LibraryRow row = awaitRow(title);
		assertFalse(row.rule().enabled(), "imported rules start disabled");

		UiThread.run(() -> library.setEnabled(row.rule(), true));

		Conditions.waitUntil("the rule is enabled in the library", WAIT, () -> enabled(id));
		UiThread.waitUntil("the check box shows it", WAIT, () -> UiThread.call(() -> library.viewer().getChecked(
				library.rows().stream().filter(r -> r.rule().id().equals(id)).findFirst().orElseThrow())));
	}

	@Test
	void theEditorNamesTheLineOfAProblemWhileTyping() throws Exception {
		String title = "Edited " + UUID.randomUUID();
		service.library().save(rule(title), "edited.yml");
		UiThread.run(() -> library.refresh());
		LibraryRow row = awaitRow(title);

		UiThread.run(() -> library.viewer().setSelection(new StructuredSelection(row), true));
		UiThread.waitUntil("the editor shows the rule", WAIT, () -> editor.document().get().contains(title));
		UiThread.waitUntil("the rule checks clean", WAIT, () -> editor.statusText().startsWith("No problems"));

		UiThread.run(() -> {
			String text = editor.document().get();
			editor.document().set(text.replace("condition: selection", "condition: selection and missing"));
		});

		UiThread.waitUntil("the problem is listed with its line", WAIT,
				() -> editor.problems().stream().anyMatch(problem -> problem.line() > 0));
		UiThread.run(() -> editor.document().set(editor.document().get().replace(" and missing", "")
				.replace("level: high", "level: critical")));
		UiThread.waitUntil("the problem is gone", WAIT, () -> editor.problems().isEmpty());

		UiThread.run(editor::save);

		Conditions.waitUntil("the library has the new version", WAIT, () -> version(id) == 2);
		assertEquals("critical", service.library().get(id).orElseThrow().level().sigmaName());
	}

	@Test
	void newStartsFromATemplateThatChecksClean() {
		UiThread.run(() -> library.newRule());

		UiThread.waitUntil("the editor shows the template", WAIT,
				() -> editor.document().get().startsWith("title: New rule"));
		UiThread.waitUntil("the template checks clean", WAIT, () -> editor.statusText().startsWith("No problems"));
		assertEquals(List.of(), UiThread.call(editor::problems));
		String text = UiThread.call(() -> editor.document().get());
		id = text.lines().filter(line -> line.startsWith("id: ")).findFirst().orElseThrow().substring(4).strip();

		UiThread.run(editor::save);

		Conditions.waitUntil("the new rule is in the library", WAIT, () -> version(id) == 1);
		awaitRow("New rule");
	}

	private LibraryRow awaitRow(String title) {
		return Conditions.waitFor("the library lists " + title, WAIT, () -> UiThread.call(
				() -> library.rows().stream().filter(row -> row.rule().title().equals(title)).findFirst().orElse(null)));
	}

	private static boolean enabled(String ruleId) {
		try {
			return service.library().get(ruleId).map(LibraryRule::enabled).orElse(false);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static int version(String ruleId) {
		try {
			return service.library().get(ruleId).map(LibraryRule::version).orElse(0);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
