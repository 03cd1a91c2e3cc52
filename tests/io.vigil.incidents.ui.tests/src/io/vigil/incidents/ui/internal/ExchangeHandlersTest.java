package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.incidents.ui.IncidentExchangeUi;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * File &gt; Import Bundle, in a workbench without an exchange service, says that exchange is not
 * installed instead of failing.
 */
class ExchangeHandlersTest {

	@AfterEach
	void closeMessages() {
		UiThread.run(() -> Widgets.shell(Display.getCurrent(), Messages.Exchange_import).ifPresent(Shell::close));
	}

	@Test
	void importWithoutAnExchangeServiceSaysSo() {
		assertTrue(UiThread.call(() -> PlatformUI.getWorkbench().getService(IncidentExchangeUi.class) == null),
				"this workbench has no exchange service");
		Workbench.openPerspective();

		UiThread.post(() -> {
			try {
				PlatformUI.getWorkbench().getService(IHandlerService.class)
						.executeCommand("io.vigil.incidents.ui.command.import", null);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});

		Shell message = Conditions.waitFor("the Import Bundle message opens", Workbench.WAIT,
				() -> UiThread.call(() -> Widgets.shell(Display.getCurrent(), Messages.Exchange_import).orElse(null)));
		String text = UiThread.call(() -> Widgets.find(message, Label.class,
				label -> label.getText().equals(Messages.Exchange_missing)).map(Label::getText).orElse(""));
		assertTrue(text.equals(Messages.Exchange_missing), "the message says exchange is missing: " + text);
	}
}
