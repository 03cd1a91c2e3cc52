package io.vigil.incidents.ui.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.vigil.incidents.timeline.TimelineEntry;

/** Asks for a timeline entry's tags (separated by commas) and comment. */
final class MarkDialog extends Dialog {

	private final TimelineEntry entry;
	private Text tagsText;
	private Text commentText;
	private List<String> tags = List.of();
	private String comment = "";

	MarkDialog(Shell parent, TimelineEntry entry) {
		super(parent);
		this.entry = entry;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Mark_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		Label about = new Label(area, SWT.WRAP);
		about.setText(Labels.oneLine(entry.title(), 120));
		GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(about);
		new Label(area, SWT.NONE).setText(Messages.Mark_tags);
		tagsText = new Text(area, SWT.BORDER);
		tagsText.setText(String.join(", ", entry.tags()));
		tagsText.setMessage(Messages.Mark_tagsHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(tagsText);
		new Label(area, SWT.NONE).setText(Messages.Mark_comment);
		commentText = new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		commentText.setText(entry.comment());
		GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 70).applyTo(commentText);
		return area;
	}

	@Override
	protected void okPressed() {
		tags = Arrays.stream(tagsText.getText().split(",")).map(String::strip).filter(tag -> !tag.isEmpty())
				.distinct().toList();
		comment = commentText.getText().strip();
		super.okPressed();
	}

	List<String> tags() {
		return tags;
	}

	String comment() {
		return comment;
	}
}
