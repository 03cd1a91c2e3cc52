package io.vigil.collect.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
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

	/**
	 * The width the warning has in the status line. The trim sizes a contribution once, when it is
	 * created, so the room is kept even while there is nothing to say; longer warnings are cut
	 * and shown whole in the tool tip.
	 */
	private static final int WIDTH = 420;

	private CLabel label;
	private final Runnable refresh = this::refresh;

	/** Creates the contribution. */
	public SilenceStatusControl() {
		super("io.vigil.collect.ui.status.silence");
	}

	@Override
	protected Control createControl(Composite parent) {
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		label = new CLabel(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).align(SWT.FILL, SWT.CENTER).hint(WIDTH, SWT.DEFAULT).applyTo(label);
		label.addListener(SWT.MouseUp, event -> showHealth());
		refresh();
		return area;
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
		}
		label.getDisplay().timerExec(REFRESH_MILLIS, refresh);
	}

	private void showHealth() {
		if (getWorkbenchWindow() != null) {
			getWorkbenchWindow().getService(EPartService.class).showPart(CollectorHealthPart.ID,
					EPartService.PartState.ACTIVATE);
		}
	}

	/** Returns the warning shown, or an empty text, for tests. */
	String text() {
		return label == null || label.isDisposed() ? "" : label.getText();
	}

	@Override
	public void dispose() {
		if (label != null && !label.isDisposed()) {
			label.getDisplay().timerExec(-1, refresh);
		}
		super.dispose();
	}
}
