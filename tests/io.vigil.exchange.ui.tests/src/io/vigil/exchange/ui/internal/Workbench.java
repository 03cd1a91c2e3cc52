package io.vigil.exchange.ui.internal;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import io.vigil.events.EventWorkspace;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.ui.IncidentExchangeUi;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;
import io.vigil.tests.support.Widgets;

/** The running workbench as the exchange tests use it. Call from the test thread. */
final class Workbench {

	/** How long a test waits for the workbench, a job or the store. */
	static final Duration WAIT = Duration.ofSeconds(60);

	private Workbench() {
	}

	/** Returns the workbench's event workspace, waiting for it. */
	static EventWorkspace events() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		return Conditions.waitFor("the event workspace is up", WAIT, () -> workbench.getService(EventWorkspace.class));
	}

	/** Returns the incident service, waiting for it. */
	static IncidentService incidents() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		return Conditions.waitFor("the incident service is up", WAIT, () -> workbench.getService(IncidentService.class));
	}

	/** Returns this bundle's exchange service, waiting for it. */
	static ExchangeUiComponent exchange() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		return (ExchangeUiComponent) Conditions.waitFor("the exchange service is up", WAIT,
				() -> workbench.getService(IncidentExchangeUi.class));
	}

	/** Returns the first window's shell; call on the UI thread. */
	static Shell shell() {
		return PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
	}

	/** Waits for an open dialog of a type and returns it. */
	static <T> T dialog(Class<T> type) {
		return Conditions.waitFor("a " + type.getSimpleName() + " opens", WAIT,
				() -> UiThread.call(() -> find(type).orElse(null)));
	}

	/** Waits for a message dialog with a title, closes it and returns the texts of its labels. */
	static String message(String title) {
		Shell dialog = Conditions.waitFor("the message '" + title + "' opens", WAIT, () -> UiThread.call(() -> {
			for (Shell shell : Display.getCurrent().getShells()) {
				if (shell.getData() instanceof MessageDialog && title.equals(shell.getText()) && shell.isVisible()) {
					return shell;
				}
			}
			return null;
		}));
		return UiThread.call(() -> {
			String text = String.join("\n", Widgets.findAll(dialog, Label.class, label -> true).stream()
					.map(Label::getText).toList());
			dialog.close();
			return text;
		});
	}

	/** Closes every dialog a test may have left open; call on the UI thread. */
	static void closeDialogs() {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.getData() instanceof org.eclipse.jface.window.Window window && shell != shell()) {
				window.close();
			}
		}
	}

	private static <T> Optional<T> find(Class<T> type) {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (type.isInstance(shell.getData()) && shell.isVisible()) {
				return Optional.of(type.cast(shell.getData()));
			}
		}
		return Optional.empty();
	}
}
