package io.vigil.incidents.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentSeverity;
import io.vigil.incidents.KeyDates;
import io.vigil.incidents.Tlp;

/** Asks for a new incident's title, severity, TLP level and owner; OK only with a title. */
final class NewIncidentDialog extends Dialog {

	private Text title;
	private Combo severity;
	private Combo tlp;
	private Text owner;
	private IncidentFields fields;

	NewIncidentDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.New_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		title = text(area, Messages.New_incidentTitle, "");
		title.addListener(SWT.Modify, event -> check());
		severity = combo(area, Messages.List_severity, IncidentSeverity.values(), IncidentSeverity.MEDIUM);
		tlp = new Combo(labelled(area, Messages.List_tlp), SWT.READ_ONLY);
		for (Tlp level : Tlp.values()) {
			tlp.add(level.label());
		}
		tlp.select(Tlp.AMBER.ordinal());
		owner = text(area, Messages.List_owner, Labels.analyst());
		return area;
	}

	private static Composite labelled(Composite area, String label) {
		new Label(area, SWT.NONE).setText(label);
		return area;
	}

	private static Text text(Composite area, String label, String initial) {
		Text text = new Text(labelled(area, label), SWT.BORDER);
		text.setText(initial);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
		return text;
	}

	private static Combo combo(Composite area, String label, Enum<?>[] values, Enum<?> initial) {
		Combo combo = new Combo(labelled(area, label), SWT.READ_ONLY);
		for (Enum<?> value : values) {
			combo.add(Labels.words(value));
		}
		combo.select(initial.ordinal());
		return combo;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		check();
	}

	private void check() {
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(!title.getText().isBlank());
		}
	}

	@Override
	protected void okPressed() {
		fields = new IncidentFields(title.getText().strip(), "", IncidentSeverity.values()[severity.getSelectionIndex()],
				owner.getText().strip(), Tlp.values()[tlp.getSelectionIndex()], KeyDates.NONE, "", "", "");
		super.okPressed();
	}

	/** Returns the fields given, after OK. */
	IncidentFields fields() {
		return fields;
	}

	// For the workbench tests.

	Text titleText() {
		return title;
	}
}
