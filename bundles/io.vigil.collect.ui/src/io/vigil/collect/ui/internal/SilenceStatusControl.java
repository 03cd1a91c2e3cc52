package io.vigil.collect.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;

import io.vigil.collect.CollectorService;
import io.vigil.collect.SourceHealth;

/**
 * The status line's collector warning: empty while every source is fine, "source X silent for N
 * min" otherwise, wherever the analyst is. A click opens Collector Health.
 */
public final class SilenceStatusControl extends WorkbenchWindowControlContribution {

	private static final int REFRESH_MILLIS = 2000;

	private CLabel label;
	private final Runnable refresh = this::refresh;

	/** Creates the contribution. */
	public SilenceStatusControl() {
		super("io.vigil.collect.ui.status.silence");
	}

	@Override
	protected Control createControl(Composite parent) {
		label = new CLabel(parent, SWT.NONE);
		label.addListener(SWT.MouseUp, event -> showHealth());
		refresh();
		return label;
	}

	private void refresh() {
		if (label == null || label.isDisposed()) {
			return;
		}
		CollectorService service = PlatformUI.getWorkbench().getService(CollectorService.class);
		List<SourceHealth> rows = service == null ? List.of() : service.health();
		String text = HealthLabels.warning(rows);
		String shown = text == null ? "" : text;
		if (!shown.equals(label.getText())) {
			label.setText(shown);
			label.setToolTipText(text);
			label.setImage(text == null ? null : JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_WARNING));
			fitItem();
		}
		label.getDisplay().timerExec(REFRESH_MILLIS, refresh);
	}

	/** The status line holds the label in a tool item whose width is fixed; it follows the text. */
	private void fitItem() {
		if (label.getParent() instanceof ToolBar bar) {
			for (ToolItem item : bar.getItems()) {
				if (item.getControl() == label) {
					item.setWidth(label.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x);
				}
			}
		}
		label.requestLayout();
	}

	private void showHealth() {
		if (getWorkbenchWindow() != null) {
			getWorkbenchWindow().getService(EPartService.class).showPart(CollectorHealthPart.ID,
					EPartService.PartState.ACTIVATE);
		}
	}

	@Override
	public void dispose() {
		if (label != null && !label.isDisposed()) {
			label.getDisplay().timerExec(-1, refresh);
		}
		super.dispose();
	}
}
