package io.vigil.incidents.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.vigil.incidents.ui.IncidentExchangeUi;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/**
 * File &gt; Import Bundle, in a workbench without an exchange service, says that exchange is not
 * installed instead of failing. The product has one; the test turns its components off meanwhile.
 */
class ExchangeHandlersTest {

	private final List<ComponentDescriptionDTO> disabled = new ArrayList<>();

	@AfterEach
	void closeMessagesAndEnableExchange() throws Exception {
		UiThread.run(() -> Widgets.shell(Display.getCurrent(), Messages.Exchange_import).ifPresent(Shell::close));
		ServiceComponentRuntime runtime = runtime();
		for (ComponentDescriptionDTO component : disabled) {
			runtime.enableComponent(component).getValue();
		}
	}

	@Test
	void importWithoutAnExchangeServiceSaysSo() throws Exception {
		ServiceComponentRuntime runtime = runtime();
		for (ComponentDescriptionDTO component : runtime.getComponentDescriptionDTOs()) {
			if (Arrays.asList(component.serviceInterfaces).contains(IncidentExchangeUi.class.getName())) {
				runtime.disableComponent(component).getValue();
				disabled.add(component);
			}
		}
		UiThread.waitUntil("this workbench has no exchange service", Workbench.WAIT,
				() -> PlatformUI.getWorkbench().getService(IncidentExchangeUi.class) == null);
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

	private static ServiceComponentRuntime runtime() {
		BundleContext context = FrameworkUtil.getBundle(ExchangeHandlersTest.class).getBundleContext();
		return context.getService(context.getServiceReference(ServiceComponentRuntime.class));
	}
}
