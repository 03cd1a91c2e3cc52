package io.vigil.app.internal;

import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

/** Window &gt; Preferences &gt; Vigil: the open workspace and general workbench settings. */
public final class GeneralPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	private Workspace workspace;

	/** Creates the page; the workbench calls {@link #init(IWorkbench)} next. */
	public GeneralPreferencePage() {
		super(GRID);
		setDescription(Messages.GeneralPreferencePage_description);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(Preferences.store());
		workspace = workbench.getService(Workspace.class);
	}

	@Override
	protected void createFieldEditors() {
		Composite parent = getFieldEditorParent();
		if (workspace != null) {
			addReadOnly(parent, Messages.GeneralPreferencePage_workspace, workspace.root().toString());
			addReadOnly(parent, Messages.GeneralPreferencePage_schemas, schemaSummary());
			Label hint = new Label(parent, SWT.WRAP);
			hint.setText(Messages.GeneralPreferencePage_workspaceHint);
			GridDataFactory.fillDefaults().span(2, 1).hint(400, SWT.DEFAULT).grab(true, false).applyTo(hint);
		}
		addField(new BooleanFieldEditor(Preferences.CONFIRM_EXIT, Messages.GeneralPreferencePage_confirmExit,
				parent));
	}

	private String schemaSummary() {
		try {
			StringBuilder text = new StringBuilder();
			for (Map.Entry<String, Integer> schema : workspace.schemaVersions().entrySet()) {
				text.append(text.isEmpty() ? "" : ", ").append(schema.getKey()).append(' ').append(schema.getValue());
			}
			return text.toString();
		} catch (WorkspaceException e) {
			return e.getMessage();
		}
	}

	private static void addReadOnly(Composite parent, String label, String value) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.READ_ONLY);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
	}
}
