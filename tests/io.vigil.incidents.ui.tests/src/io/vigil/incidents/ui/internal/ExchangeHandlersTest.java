package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.incidents.ui.IncidentExchangeUi;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * The export and import handlers, when the workbench has no exchange service, say that exchange
 * is not installed instead of failing. The product has one, so the test hands the handlers'
 * lookup none (turning the service's component off disturbed the tests after it).
 */
class ExchangeHandlersTest {

	@AfterEach
	void closeMessages() {
		UiThread.run(() -> Widgets.shell(Display.getCurrent(), Messages.Exchange_import).ifPresent(Shell::close));
	}

	@Test
	void withoutAnExchangeServiceTheHandlersSaySo() {
		Workbench.openPerspective();
		AtomicReference<IncidentExchangeUi> found = new AtomicReference<>();

		UiThread.post(() -> found.set(ExchangeHandlers.orSayMissing(null,
				PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell(), Messages.Exchange_import)));

		Shell message = Conditions.waitFor("the Import Bundle message opens", Workbench.WAIT,
				() -> UiThread.call(() -> Widgets.shell(Display.getCurrent(), Messages.Exchange_import).orElse(null)));
		String text = UiThread.call(() -> Widgets.find(message, Label.class,
				label -> label.getText().equals(Messages.Exchange_missing)).map(Label::getText).orElse(""));
		assertTrue(text.equals(Messages.Exchange_missing), "the message says exchange is missing: " + text);
		UiThread.run(message::close);
		assertNull(found.get(), "no service is handed on");
	}
}
