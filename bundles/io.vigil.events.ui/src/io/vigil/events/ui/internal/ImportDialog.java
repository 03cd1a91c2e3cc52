package io.vigil.events.ui.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.vigil.events.read.Format;

/** File &gt; Import Events: which files and folders, in which format, with which time zone. */
final class ImportDialog extends TitleAreaDialog {

	private final List<Path> paths = new ArrayList<>();
	private org.eclipse.swt.widgets.List list;
	private Combo format;
	private Combo zone;
	private Optional<Format> chosenFormat = Optional.empty();
	private ZoneId chosenZone = ZoneOffset.UTC;

	ImportDialog(Shell shell) {
		super(shell);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Import_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(Messages.Import_title);
		setMessage(Messages.Import_message);
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);

		list = new org.eclipse.swt.widgets.List(body, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).hint(460, 160).span(1, 3).applyTo(list);
		button(body, Messages.Import_addFiles, this::addFiles);
		button(body, Messages.Import_addFolder, this::addFolder);
		button(body, Messages.Import_remove, this::remove);

		Composite options = new Composite(body, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(options);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(options);
		new Label(options, SWT.NONE).setText(Messages.Import_format);
		format = new Combo(options, SWT.READ_ONLY);
		format.add(Messages.Import_detect);
		for (Format known : Format.values()) {
			format.add(known.id());
		}
		format.select(0);
		new Label(options, SWT.NONE).setText(Messages.Import_zone);
		zone = new Combo(options, SWT.DROP_DOWN);
		zone.setItems("UTC", ZoneId.systemDefault().getId(), "Europe/London", "Europe/Berlin", "America/New_York",
				"America/Los_Angeles", "Asia/Tokyo");
		zone.select(0);
		GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(zone);
		return area;
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(button);
		button.addListener(SWT.Selection, event -> action.run());
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Import_ok, true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
	}

	private void addFiles() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
		dialog.setText(Messages.Import_addFiles);
		if (dialog.open() != null) {
			for (String name : dialog.getFileNames()) {
				add(Path.of(dialog.getFilterPath(), name));
			}
		}
	}

	private void addFolder() {
		DirectoryDialog dialog = new DirectoryDialog(getShell());
		dialog.setText(Messages.Import_addFolder);
		String folder = dialog.open();
		if (folder != null) {
			add(Path.of(folder));
		}
	}

	/** Adds a file or folder to import; for tests too. */
	void add(Path path) {
		if (!paths.contains(path)) {
			paths.add(path);
			list.add(path.toString());
		}
		getButton(IDialogConstants.OK_ID).setEnabled(!paths.isEmpty());
	}

	private void remove() {
		int[] selected = list.getSelectionIndices();
		for (int i = selected.length - 1; i >= 0; i--) {
			paths.remove(selected[i]);
			list.remove(selected[i]);
		}
		getButton(IDialogConstants.OK_ID).setEnabled(!paths.isEmpty());
	}

	@Override
	protected void okPressed() {
		try {
			chosenZone = ZoneId.of(zone.getText().strip());
		} catch (DateTimeException e) {
			setErrorMessage(Messages.Import_badZone);
			return;
		}
		chosenFormat = format.getSelectionIndex() <= 0 ? Optional.empty() : Format.of(format.getText());
		super.okPressed();
	}

	List<Path> paths() {
		return List.copyOf(paths);
	}

	Optional<Format> format() {
		return chosenFormat;
	}

	ZoneId zone() {
		return chosenZone;
	}
}
