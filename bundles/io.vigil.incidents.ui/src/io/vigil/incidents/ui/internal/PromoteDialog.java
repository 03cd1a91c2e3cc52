package io.vigil.incidents.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.vigil.incidents.Incident;

/**
 * Asks where promoted items go: a new incident with a title, or one of the existing incidents.
 * OK only when the choice is complete.
 */
final class PromoteDialog extends TitleAreaDialog {

	private final String title;
	private final String message;
	private final List<Incident> incidents;

	private Button createNew;
	private Text newTitle;
	private Button useExisting;
	private Table existing;
	private String chosenTitle;
	private String chosenId;

	PromoteDialog(Shell parent, String title, String message, List<Incident> incidents) {
		super(parent);
		this.title = title;
		this.message = message;
		this.incidents = incidents;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(title);
		setMessage(message);
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		createNew = new Button(form, SWT.RADIO);
		createNew.setText(Messages.Promote_new);
		newTitle = new Text(form, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(newTitle);
		useExisting = new Button(form, SWT.RADIO);
		useExisting.setText(Messages.Promote_existing);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(useExisting);
		existing = new Table(form, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(480, 160).applyTo(existing);
		for (Incident incident : incidents) {
			TableItem item = new TableItem(existing, SWT.NONE);
			item.setText(incident.id() + "  " + incident.title() + "  (" + Labels.words(incident.status()) + ")");
			item.setData(incident.id());
		}
		createNew.setSelection(true);
		useExisting.setEnabled(!incidents.isEmpty());
		newTitle.addListener(SWT.Modify, event -> {
			choose(createNew);
			validate();
		});
		existing.addListener(SWT.Selection, event -> {
			choose(useExisting);
			validate();
		});
		createNew.addListener(SWT.Selection, event -> validate());
		useExisting.addListener(SWT.Selection, event -> validate());
		return area;
	}

	private void choose(Button radio) {
		createNew.setSelection(radio == createNew);
		useExisting.setSelection(radio == useExisting);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
	}

	private void validate() {
		boolean complete = createNew.getSelection() ? !newTitle.getText().isBlank()
				: existing.getSelectionCount() == 1;
		setErrorMessage(createNew.getSelection() && newTitle.getText().isBlank() ? Messages.Promote_needTitle : null);
		getButton(IDialogConstants.OK_ID).setEnabled(complete);
	}

	@Override
	protected void okPressed() {
		if (createNew.getSelection()) {
			chosenTitle = newTitle.getText().strip();
		} else {
			chosenId = (String) existing.getSelection()[0].getData();
		}
		super.okPressed();
	}

	/** Returns the new incident's title, or {@code null} when an existing one was chosen. */
	String newTitle() {
		return chosenTitle;
	}

	/** Returns the chosen existing incident's id, or {@code null} for a new incident. */
	String existingId() {
		return chosenId;
	}

	/** Returns the new incident's title field; for tests. */
	Text titleField() {
		return newTitle;
	}
}
