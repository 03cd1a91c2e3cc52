package io.vigil.ui;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the workbench foundations. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.vigil.ui.messages";

	public static String Job_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
