package io.vigil.rules.ui.internal;

import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

import io.vigil.rules.ImportReport;
import io.vigil.rules.RuleProblem;

/** What an import did: how many rules came in, and each rule that could not, with its reason. */
final class ImportReportDialog extends TitleAreaDialog {

	private final ImportReport report;

	ImportReportDialog(Shell parent, ImportReport report) {
		super(parent);
		this.report = report;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Import_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.Import_heading, report.imported(), report.unsupported().size()));
		setMessage(NLS.bind(Messages.Import_details, report.files(), report.unchanged()));
		TableViewer viewer = new TableViewer(area, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column(viewer, Messages.Import_file, 220, problem -> problem.file());
		column(viewer, Messages.Import_line, 50, problem -> problem.line() > 0 ? Integer.toString(problem.line()) : "");
		column(viewer, Messages.Import_rule, 200, RuleProblem::rule);
		column(viewer, Messages.Import_reason, 420, RuleProblem::message);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setInput(report.unsupported());
		GridDataFactory.fillDefaults().grab(true, true).hint(900, report.unsupported().isEmpty() ? 60 : 300)
				.applyTo(viewer.getTable());
		return area;
	}

	private static void column(TableViewer viewer, String title, int width,
			Function<RuleProblem, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((RuleProblem) element);
			}
		});
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	/** Returns the report shown. */
	ImportReport report() {
		return report;
	}

	@Override
	protected boolean isResizable() {
		return true;
	}
}
