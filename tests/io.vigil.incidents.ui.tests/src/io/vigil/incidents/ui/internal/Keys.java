package io.vigil.incidents.ui.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.opentest4j.AssertionFailedError;

import io.vigil.tests.support.UiThread;

/**
 * Presses keys through the display (XTest), so that they arrive as typed ones do, with the
 * window system's focus rules. Call from the test thread.
 */
final class Keys {

	private final Display display;

	Keys(Display display) {
		this.display = display;
	}

	/**
	 * Waits until a key pressed now reaches a control: the window manager may give the keyboard to
	 * a newly active shell later than SWT moves its focus. Presses Shift (which the canvas ignores)
	 * until one arrives, asking for the keyboard again after every few.
	 */
	void awaitDelivery(Control target, Duration timeout) {
		AtomicBoolean arrived = new AtomicBoolean();
		Listener probe = event -> arrived.compareAndSet(false, event.keyCode == SWT.SHIFT && event.widget == target);
		UiThread.run(() -> display.addFilter(SWT.KeyDown, probe));
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			for (int press = 1; !arrived.get(); press++) {
				if (System.nanoTime() - deadline > 0) {
					throw new AssertionFailedError("pressed keys did not reach the timeline canvas within " + timeout);
				}
				if (press % 4 == 0) {
					UiThread.run(() -> target.getShell().forceActive());
				}
				press(SWT.SHIFT, (char) 0);
				long until = System.nanoTime() + Duration.ofMillis(250).toNanos();
				while (!arrived.get() && System.nanoTime() - until < 0) {
					LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
				}
			}
		} finally {
			UiThread.run(() -> display.removeFilter(SWT.KeyDown, probe));
		}
	}

	/** Presses and releases a key by key code ({@code SWT.ARROW_LEFT}). */
	void key(int keyCode) {
		press(keyCode, (char) 0);
	}

	/** Types a character. */
	void type(char character) {
		press(0, character);
	}

	private void press(int keyCode, char character) {
		post(SWT.KeyDown, keyCode, character);
		post(SWT.KeyUp, keyCode, character);
	}

	private void post(int type, int keyCode, char character) {
		Event event = new Event();
		event.type = type;
		event.keyCode = keyCode;
		event.character = character;
		if (!display.post(event)) {
			throw new AssertionFailedError("the display refused a key event (no XTest extension?)");
		}
	}
}
