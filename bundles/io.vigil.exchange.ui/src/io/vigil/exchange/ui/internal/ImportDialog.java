package io.vigil.exchange.ui.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.MergeAction;
import io.vigil.exchange.MergeDecision;
import io.vigil.exchange.MergePlan;
import io.vigil.exchange.MergeResult;
import io.vigil.exchange.VerifiedBundle;
import io.vigil.incidents.ui.IncidentExchangeUi;
import io.vigil.ui.Background;

/**
 * Shows a verified bundle: who signed it (with a warning when the workspace does not know the
 * signer), what it holds, and what merging it would do to each object. Conflicts get a choice
 * between the workspace's copy and the bundle's. Close stores nothing; Merge stores the plan in the
 * background and tells the incident parts.
 */
final class ImportDialog extends TitleAreaDialog {

	/** The width the dialog's content asks for; long fingerprints and warnings wrap or scroll. */
	private static final int WIDTH = 720;

	private final ExchangeBundles bundles;
	private final MergePlan plan;
	private final Map<String, CCombo> decisions = new LinkedHashMap<>();

	private Button remember;
	private Table table;

	ImportDialog(Shell parent, ExchangeBundles bundles, MergePlan plan) {
		super(parent);
		this.bundles = bundles;
		this.plan = plan;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Import_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		VerifiedBundle bundle = plan.bundle();
		setTitle(NLS.bind(Messages.Import_heading, bundle.file().getFileName()));
		if (bundle.signerKnown()) {
			setMessage(Messages.Import_known + ": " + bundle.signer().name(), IMessageProvider.INFORMATION);
		} else {
			setMessage(Messages.Import_unknown, IMessageProvider.WARNING);
		}
		Composite form = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
		field(form, Messages.Import_signer, bundle.signer().name() + "   " + bundle.signer().fingerprint() + "   ("
				+ (bundle.signerKnown() ? Messages.Import_knownShort : Messages.Import_unknownShort) + ")");
		field(form, Messages.Import_details, NLS.bind(Messages.Import_detailsText,
				new Object[] { bundle.created(), bundle.vigilVersion(), bundle.redactionProfile(),
						bundle.tlp() == null ? "" : NLS.bind(Messages.Import_tlp, bundle.tlp()),
						bundle.encrypted() ? Messages.Import_encrypted : "" }));
		field(form, Messages.Import_sha, bundle.sha256());
		for (String warning : bundle.warnings()) {
			Label label = new Label(form, SWT.WRAP);
			label.setText(warning);
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(WIDTH, SWT.DEFAULT).applyTo(label);
		}
		if (!bundle.signerKnown()) {
			remember = new Button(form, SWT.CHECK);
			remember.setText(Messages.Import_remember);
			GridDataFactory.fillDefaults().span(2, 1).applyTo(remember);
		}
		Label counts = new Label(form, SWT.NONE);
		counts.setText(NLS.bind(Messages.Import_plan, plan.items().size(), counts()));
		GridDataFactory.fillDefaults().span(2, 1).applyTo(counts);
		table(form);
		return area;
	}

	private static void field(Composite form, String label, String value) {
		new Label(form, SWT.NONE).setText(label);
		Text text = new Text(form, SWT.READ_ONLY);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).hint(WIDTH - 100, SWT.DEFAULT).applyTo(text);
	}

	/** Returns how many objects each action applies to, such as "add 3, conflict 1". */
	private String counts() {
		Map<MergeAction, Long> byAction = new TreeMap<>(
				plan.items().stream().collect(Collectors.groupingBy(MergePlan.Item::action, Collectors.counting())));
		return byAction.entrySet().stream()
				.map(entry -> entry.getKey().name().toLowerCase(Locale.ROOT) + " " + entry.getValue())
				.collect(Collectors.joining(", "));
	}

	private void table(Composite form) {
		table = new Table(form, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(WIDTH, 240).applyTo(table);
		String[] titles = { Messages.Import_objectColumn, Messages.Import_actionColumn, Messages.Import_decisionColumn };
		int[] widths = { 380, 120, 160 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		for (MergePlan.Item item : plan.items()) {
			TableItem row = new TableItem(table, SWT.NONE);
			row.setText(new String[] { item.theirs().ref(), item.action().name(), "" });
			if (item.action() == MergeAction.CONFLICT) {
				decisions.put(item.theirs().ref(), decision(row));
			}
		}
	}

	/** Puts a choice between ours and theirs into the decision cell of a conflict's row. */
	private CCombo decision(TableItem row) {
		TableEditor editor = new TableEditor(table);
		CCombo combo = new CCombo(table, SWT.READ_ONLY | SWT.FLAT);
		combo.setItems(new String[] { Messages.Import_ours, Messages.Import_theirs });
		combo.select(0);
		editor.grabHorizontal = true;
		editor.setEditor(combo, row, 2);
		return combo;
	}

	/** Returns the decision chosen for each conflict, by reference. */
	Map<String, MergeDecision> decisions() {
		Map<String, MergeDecision> chosen = new LinkedHashMap<>();
		decisions.forEach((ref, combo) -> chosen.put(ref,
				combo.getSelectionIndex() == 1 ? MergeDecision.THEIRS : MergeDecision.OURS));
		return chosen;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Import_merge, false);
		createButton(parent, IDialogConstants.CANCEL_ID, Messages.Import_close, true);
	}

	@Override
	protected void okPressed() {
		Map<String, MergeDecision> chosen = decisions();
		boolean rememberSigner = remember != null && remember.getSelection();
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		Background.run(NLS.bind(Messages.Job_merge, plan.bundle().file().getFileName()), getShell(), monitor -> {
			MergeResult result = bundles.merge(plan, chosen);
			if (rememberSigner) {
				bundles.keys().remember(plan.bundle().signer());
			}
			return result;
		}, this::merged, e -> {
			getButton(IDialogConstants.OK_ID).setEnabled(true);
			setErrorMessage(NLS.bind(Messages.Import_mergeFailed, Background.message(e)));
		});
	}

	private void merged(MergeResult result) {
		IEventBroker broker = PlatformUI.getWorkbench().getService(IEventBroker.class);
		String prefix = ExchangeSelection.INCIDENT + ":";
		if (broker != null) {
			result.stored().stream().filter(ref -> ref.startsWith(prefix))
					.forEach(ref -> broker.post(IncidentExchangeUi.INCIDENT_CHANGED_TOPIC, ref.substring(prefix.length())));
		}
		Shell parent = getParentShell();
		setReturnCode(OK);
		close();
		MessageDialog.openInformation(parent, Messages.Import_title, NLS.bind(Messages.Import_merged, new Object[] {
				plan.bundle().file().getFileName(), result.stored().size(), result.keptOurs().size(),
				result.skipped().size() }));
	}

	/** Returns the decision choice of a conflict, by reference; for tests. */
	CCombo decisionCombo(String ref) {
		return decisions.get(ref);
	}

	/** Returns the plan table; for tests. */
	Table planTable() {
		return table;
	}
}
