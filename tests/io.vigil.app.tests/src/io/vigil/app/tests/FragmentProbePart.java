package io.vigil.app.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** The part that this test bundle's model fragment contributes; it shows one label. */
public final class FragmentProbePart {

	/** The text of the label, for the test to find. */
	static final String TEXT = "contributed by a model fragment";

	/** Builds the part's one label. */
	@PostConstruct
	public void create(Composite parent) {
		new Label(parent, SWT.NONE).setText(TEXT);
	}
}
