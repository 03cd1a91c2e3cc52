package io.vigil.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/** Finds widgets the way a user sees them: by type and visible text. Call on the UI thread. */
public final class Widgets {

	private Widgets() {
	}

	/** Returns every control below a root (the root included) that is of a type and matches. */
	public static <T extends Control> List<T> findAll(Control root, Class<T> type, Predicate<? super T> matches) {
		List<T> found = new ArrayList<>();
		collect(root, type, matches, found);
		return found;
	}

	/** Returns the first control below a root that is of a type and matches. */
	public static <T extends Control> Optional<T> find(Control root, Class<T> type, Predicate<? super T> matches) {
		List<T> found = findAll(root, type, matches);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	private static <T extends Control> void collect(Control control, Class<T> type, Predicate<? super T> matches,
			List<T> found) {
		if (type.isInstance(control) && matches.test(type.cast(control))) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, matches, found);
			}
		}
	}

	/** Returns the texts of a menu's items, without mnemonics and accelerators. */
	public static List<String> itemTexts(Menu menu) {
		List<String> texts = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			texts.add(plain(item.getText()));
		}
		return texts;
	}

	/** Returns the item of a menu with a text, ignoring mnemonics and accelerators. */
	public static Optional<MenuItem> item(Menu menu, String text) {
		for (MenuItem item : menu.getItems()) {
			if (plain(item.getText()).equals(text)) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	/** Returns a visible shell with a title, other than the workbench window, if one is open. */
	public static Optional<Shell> shell(Display display, String title) {
		for (Shell shell : display.getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
				return Optional.of(shell);
			}
		}
		return Optional.empty();
	}

	/** Strips the mnemonic ampersand and the accelerator after a tab. */
	public static String plain(String text) {
		int tab = text.indexOf('\t');
		String label = tab < 0 ? text : text.substring(0, tab);
		return label.replace("&", "");
	}
}
