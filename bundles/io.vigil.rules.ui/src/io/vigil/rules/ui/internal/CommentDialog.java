package io.vigil.rules.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for an optional comment on a triage step. One line: Enter confirms (OK is the default
 * button), Escape cancels.
 */
final class CommentDialog extends TitleAreaDialog {

	private final String title;
	private final String message;
	private Text comment;
	private String value = "";

	CommentDialog(Shell parent, String title, String message) {
		super(parent);
		this.title = title;
		this.message = message;
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
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(body);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(body);
		comment = new Text(body, SWT.SINGLE | SWT.BORDER);
		comment.setMessage(Messages.Comment_hint);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(comment);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		value = comment.getText().strip();
		super.okPressed();
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Point getInitialSize() {
		// As tall as its one line needs: the title area's default leaves a large empty field.
		return getShell().computeSize(convertHorizontalDLUsToPixels(IDialogConstants.MINIMUM_MESSAGE_AREA_WIDTH),
				SWT.DEFAULT, true);
	}

	/** Returns the comment given, empty for none. */
	String comment() {
		return value;
	}

	/** Returns the comment field, for tests. */
	Text field() {
		return comment;
	}
}
