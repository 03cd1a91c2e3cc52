package io.vigil.events.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.vigil.events.records.Dashboard;

/** Asks for a new tile: which saved search, what to show of it, and for top values, which field. */
final class TileDialog extends Dialog {

	private static final Dashboard.Kind[] KINDS = Dashboard.Kind.values();

	private final List<String> searches;
	private Combo search;
	private Combo kind;
	private Text field;
	private Label problem;
	private Dashboard.Tile tile;

	TileDialog(Shell shell, List<String> searches) {
		super(shell);
		this.searches = searches;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Tile_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		new Label(area, SWT.NONE).setText(Messages.Tile_search);
		search = new Combo(area, SWT.READ_ONLY);
		search.setItems(searches.toArray(String[]::new));
		search.select(0);
		GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(search);
		new Label(area, SWT.NONE).setText(Messages.Tile_kind);
		kind = new Combo(area, SWT.READ_ONLY);
		for (Dashboard.Kind each : KINDS) {
			kind.add(label(each));
		}
		kind.select(0);
		kind.addListener(SWT.Selection, event -> field.setEnabled(selectedKind() == Dashboard.Kind.TOP_VALUES));
		new Label(area, SWT.NONE).setText(Messages.Tile_field);
		field = new Text(area, SWT.BORDER);
		field.setMessage("hostname");
		field.setEnabled(false);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
		problem = new Label(area, SWT.NONE);
		problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_RED));
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(problem);
		return area;
	}

	static String label(Dashboard.Kind kind) {
		return switch (kind) {
		case COUNT -> Messages.Tile_count;
		case TOP_VALUES -> Messages.Tile_top;
		case HISTOGRAM -> Messages.Tile_histogram;
		case LATEST -> Messages.Tile_latest;
		};
	}

	private Dashboard.Kind selectedKind() {
		return KINDS[Math.max(0, kind.getSelectionIndex())];
	}

	@Override
	protected void okPressed() {
		if (search.getSelectionIndex() < 0) {
			problem.setText(Messages.Tile_noSearch);
			return;
		}
		Dashboard.Kind chosen = selectedKind();
		String name = field.getText().strip();
		if (chosen == Dashboard.Kind.TOP_VALUES && name.isEmpty()) {
			problem.setText(Messages.Tile_noField);
			return;
		}
		tile = new Dashboard.Tile(search.getText(), chosen, chosen == Dashboard.Kind.TOP_VALUES ? name : null);
		super.okPressed();
	}

	Dashboard.Tile tile() {
		return tile;
	}
}
