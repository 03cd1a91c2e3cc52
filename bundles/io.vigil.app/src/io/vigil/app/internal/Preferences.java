package io.vigil.app.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The workbench settings of Vigil. They are stored in the workspace (the Eclipse instance scope),
 * so each workspace keeps its own.
 */
final class Preferences {

	/** Preference node of this bundle. */
	static final String NODE = "io.vigil.app";

	/** Whether quitting Vigil asks for confirmation first. */
	static final String CONFIRM_EXIT = "confirmExit";

	private Preferences() {
	}

	/** Returns a store over the workspace's Vigil settings, with their defaults. */
	static IPreferenceStore store() {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, NODE);
		store.setDefault(CONFIRM_EXIT, false);
		return store;
	}
}
