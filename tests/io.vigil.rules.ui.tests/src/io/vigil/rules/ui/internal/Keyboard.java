package io.vigil.rules.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.opentest4j.AssertionFailedError;

/**
 * Types keys through the display, as the keyboard does: the focused control gets them with all
 * its native handling (table navigation, default buttons). Call from the test thread.
 */
final class Keyboard {

	private final Display display;

	Keyboard(Display display) {
		this.display = display;
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
