package io.vigil.events.ui.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;

/**
 * Window &gt; Preferences &gt; Vigil &gt; Events: how long the workspace keeps events. The setting
 * lives in the workspace, beside the events, and applies as soon as it is saved: older days are
 * dropped whole.
 */
public final class EventsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private EventWorkspace events;
	private Button forever;
	private Spinner days;

	@Override
	public void init(IWorkbench workbench) {
		events = workbench.getService(EventWorkspace.class);
		setDescription(Messages.Preferences_description);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(page);
		if (events == null) {
			new Label(page, SWT.WRAP).setText(Messages.Search_noStore);
			return page;
		}
		forever = new Button(page, SWT.CHECK);
		forever.setText(Messages.Preferences_forever);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(forever);
		new Label(page, SWT.NONE).setText(Messages.Preferences_keep);
		days = new Spinner(page, SWT.BORDER);
		days.setValues(10, 1, 36500, 0, 1, 10);
		new Label(page, SWT.NONE).setText(Messages.Preferences_days);
		Label stored = new Label(page, SWT.WRAP);
		List<LocalDate> held = events.store().days();
		stored.setText(held.isEmpty() ? Messages.Preferences_noDays
				: NLS.bind(Messages.Preferences_stored, new Object[] { held.size(), held.get(0), held.get(held.size() - 1) }));
		GridDataFactory.fillDefaults().span(3, 1).indent(0, 10).applyTo(stored);
		forever.addListener(SWT.Selection, event -> days.setEnabled(!forever.getSelection()));
		load();
		return page;
	}

	private void load() {
		try {
			OptionalInt retention = events.retentionDays();
			forever.setSelection(retention.isEmpty());
			days.setEnabled(retention.isPresent());
			if (retention.isPresent()) {
				days.setSelection(retention.getAsInt());
			}
		} catch (WorkspaceException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	protected void performDefaults() {
		if (forever != null) {
			forever.setSelection(true);
			days.setEnabled(false);
		}
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		if (events == null || forever == null) {
			return true;
		}
		try {
			List<LocalDate> dropped = events.setRetentionDays(forever.getSelection() ? null : days.getSelection());
			if (!dropped.isEmpty()) {
				ILog.of(getClass()).info(NLS.bind(Messages.Preferences_dropped, dropped.size()));
			}
			return true;
		} catch (WorkspaceException | IOException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}
}
