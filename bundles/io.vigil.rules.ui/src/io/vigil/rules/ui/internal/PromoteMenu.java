package io.vigil.rules.ui.internal;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

import io.vigil.ui.ContributedCommand;

/**
 * The context menu of the alert parts: Promote to Incident, when the incidents UI defines that
 * command. The menu is built when it opens, so it follows the bundles installed at the time.
 */
final class PromoteMenu {

	private PromoteMenu() {
	}

	/**
	 * Gives a control the menu.
	 *
	 * @param enabled whether there is something selected to promote
	 */
	static void attach(Control control, BooleanSupplier enabled) {
		Menu menu = new Menu(control);
		menu.addListener(SWT.Show, event -> {
			for (MenuItem item : menu.getItems()) {
				item.dispose();
			}
			if (ContributedCommand.defined(ContributedCommand.PROMOTE)) {
				MenuItem promote = new MenuItem(menu, SWT.PUSH);
				promote.setText(Messages.Menu_promote);
				promote.setEnabled(enabled.getAsBoolean());
				promote.addListener(SWT.Selection, selected -> ContributedCommand.execute(ContributedCommand.PROMOTE));
			}
		});
		control.setMenu(menu);
	}
}
