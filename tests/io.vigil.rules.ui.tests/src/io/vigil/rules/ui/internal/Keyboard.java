package io.vigil.rules.ui.internal;

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
 * Types keys through the display, as the keyboard does: the focused control gets them with all
 * its native handling (table navigation, default buttons). Call from the test thread.
 */
final class Keyboard {

	private final Display display;

	Keyboard(Display display) {
		this.display = display;
	}

	/**
	 * Waits until keys typed now reach the given control. SWT moves its focus at once, but the X
	 * server gives a newly activated shell the keyboard only when the window manager has done its
	 * part; a key posted before that goes elsewhere and is lost. This taps Shift, which no control
	 * here acts on, until one tap arrives at the control, activating its shell again now and then.
	 */
	void awaitDelivery(Control target, Duration timeout) {
		AtomicBoolean arrived = new AtomicBoolean();
		Listener probe = event -> {
			if (event.keyCode == SWT.SHIFT && event.widget == target) {
				arrived.set(true);
			}
		};
		UiThread.run(() -> display.addFilter(SWT.KeyDown, probe));
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			int taps = 0;
			while (!arrived.get()) {
				if (System.nanoTime() - deadline > 0) {
					throw new AssertionFailedError("Timed out after " + timeout + " waiting for typed keys to reach "
							+ UiThread.call(target::toString));
				}
				if (++taps % 4 == 0) {
					// A second of taps went elsewhere: ask for the keyboard again, as a person clicks.
					UiThread.run(() -> target.getShell().forceActive());
				}
				key(SWT.SHIFT);
				long tapEnd = System.nanoTime() + Duration.ofMillis(250).toNanos();
				while (!arrived.get() && System.nanoTime() - tapEnd < 0) {
					LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
				}
			}
		} finally {
			UiThread.run(() -> display.removeFilter(SWT.KeyDown, probe));
		}
	}

	/** Presses and releases a key with a key code ({@code SWT.ARROW_DOWN}, {@code SWT.CR}). */
	void key(int keyCode) {
		post(keyCode, (char) 0);
	}

	/** Types a character. */
	void type(char character) {
		post(0, character);
	}

	/** Types each character of a text. */
	void type(String text) {
		for (char character : text.toCharArray()) {
			type(character);
		}
	}

	/** Presses Enter. */
	void enter() {
		post(SWT.CR, SWT.CR);
	}

	private void post(int keyCode, char character) {
		send(SWT.KeyDown, keyCode, character);
		send(SWT.KeyUp, keyCode, character);
	}

	private void send(int type, int keyCode, char character) {
		Event event = new Event();
		event.type = type;
		event.keyCode = keyCode;
		event.character = character;
		// Events reach the UI thread in the order posted; callers wait for what a key causes.
		if (!display.post(event)) {
			throw new AssertionFailedError("the display refused a key event (no XTest on this display?)");
		}
	}
}
