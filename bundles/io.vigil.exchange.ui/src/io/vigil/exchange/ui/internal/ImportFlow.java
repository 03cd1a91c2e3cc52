package io.vigil.exchange.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import io.vigil.exchange.BundleRejectedException;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.MergePlan;
import io.vigil.ui.Background;

/**
 * Import Bundle: asks for the file, verifies it and plans its merge in the background (asking for
 * a passphrase when it is encrypted for an own key), then shows the {@link ImportDialog}. A refused
 * bundle shows why; nothing from it is stored.
 */
final class ImportFlow {

	private final Shell shell;
	private final ExchangeBundles bundles;
	private final List<ExchangeParticipant> participants;

	ImportFlow(Shell shell, ExchangeBundles bundles, List<ExchangeParticipant> participants) {
		this.shell = shell;
		this.bundles = bundles;
		this.participants = participants;
	}

	/** Asks for the file and opens it. Call on the UI thread. */
	void start() {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText(Messages.Import_fileTitle);
		dialog.setFilterExtensions(new String[] { "*.vigil-bundle;*.zip", "*" });
		String chosen = dialog.open();
		if (chosen != null) {
			open(Path.of(chosen));
		}
	}

	/** Verifies a bundle file and plans its merge, then shows both. Call on the UI thread. */
	void open(Path file) {
		Background.run(NLS.bind(Messages.Job_open, file.getFileName()), shell, monitor -> {
			var bundle = bundles.open(file, PassphraseDialog.asking(shell));
			return bundles.plan(bundle, participants);
		}, this::show, this::failed);
	}

	private void show(MergePlan plan) {
		new ImportDialog(shell, bundles, plan).open();
	}

	private void failed(Exception e) {
		String text = e instanceof BundleRejectedException ? NLS.bind(Messages.Import_rejected, Background.message(e))
				: NLS.bind(Messages.Import_failed, Background.message(e));
		MessageDialog.openError(shell, Messages.Import_title, text);
	}
}
