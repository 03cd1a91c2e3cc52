package io.vigil.exchange.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.vigil.core.workspace.Workspace;
import io.vigil.exchange.ExchangeBundles;
import io.vigil.exchange.ExchangeObject;
import io.vigil.exchange.ExchangeParticipant;
import io.vigil.exchange.ExchangeSelection;
import io.vigil.exchange.ExportOptions;
import io.vigil.exchange.HandlerKeys;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentStore;
import io.vigil.tests.support.UiThread;

/**
 * An incident received from a colleague is changed on both sides; the colleague's next bundle
 * shows it as a CONFLICT, and choosing "take theirs" in the dialog stores the colleague's copy.
 */
class ImportConflictTest {

	private static final char[] PASSPHRASE = "colleague's passphrase".toCharArray();

	@TempDir
	Path temporary;

	@AfterEach
	void closeDialogs() {
		UiThread.run(Workbench::closeDialogs);
	}

	@Test
	void aConflictDecidedForTheirsStoresTheirCopy() throws Exception {
		ExchangeUiComponent exchange = Workbench.exchange();
		IncidentStore ours = Workbench.incidents().store();
		try (Workspace colleague = Workspace.open(temporary.resolve("colleague"), "exchange ui test")) {
			IncidentStore theirs = IncidentStore.open(colleague, Clock.systemUTC());
			Incident sent = theirs.create(IncidentFields.titled("Shared case " + UUID.randomUUID()), "colleague");
			HandlerKeys keys = new HandlerKeys(colleague.settingsDirectory().resolve("keys"), Clock.systemUTC(), 1_000);
			String keyName = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
			keys.create(keyName, PASSPHRASE);
			ExchangeBundles bundles = new ExchangeBundles(colleague, keys, Clock.systemUTC());
			Path first = temporary.resolve("first.vigil-bundle");
			export(bundles, colleague, keyName, sent.id(), first);
			merge(exchange, first);
			ours.update(sent.id(), ours.require(sent.id()).fields().withSummary("our reading"), "tester");
			theirs.update(sent.id(), theirs.require(sent.id()).fields().withSummary("their reading"), "colleague");
			Path second = temporary.resolve("second.vigil-bundle");
			export(bundles, colleague, keyName, sent.id(), second);

			UiThread.post(() -> exchange.importFile(Workbench.shell(), second));
			ImportDialog dialog = Workbench.dialog(ImportDialog.class);
			String ref = "incident:" + sent.id();
			assertTrue(rows(dialog).contains(ref + " CONFLICT"), rows(dialog).toString());
			UiThread.run(() -> {
				CCombo decision = dialog.decisionCombo(ref);
				assertNotNull(decision, "the conflict has a decision");
				decision.select(1);
				decision.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
				dialog.okPressed();
			});
			String merged = Workbench.message(Messages.Import_title);
			assertTrue(merged.contains("1 stored"), merged);
			assertEquals("their reading", ours.require(sent.id()).summary());
		}
	}

	private static void merge(ExchangeUiComponent exchange, Path file) {
		UiThread.post(() -> exchange.importFile(Workbench.shell(), file));
		ImportDialog dialog = Workbench.dialog(ImportDialog.class);
		UiThread.run(dialog::okPressed);
		Workbench.message(Messages.Import_title);
	}

	private static List<String> rows(ImportDialog dialog) {
		return UiThread.call(() -> {
			List<String> texts = new ArrayList<>();
			for (TableItem item : dialog.planTable().getItems()) {
				texts.add(item.getText(0) + " " + item.getText(1));
			}
			return texts;
		});
	}

	private static void export(ExchangeBundles bundles, Workspace workspace, String keyName, String id, Path out)
			throws Exception {
		List<ExchangeObject> objects = ExchangeBundles.byType(participants()).get(ExchangeSelection.INCIDENT)
				.collect(ExchangeSelection.incident(id), workspace);
		bundles.export(objects, new ExportOptions(keyName, PASSPHRASE, List.of(), null, null), out);
	}

	private static List<ExchangeParticipant> participants() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ImportConflictTest.class).getBundleContext();
		List<ExchangeParticipant> found = new ArrayList<>();
		for (ServiceReference<ExchangeParticipant> reference : context.getServiceReferences(ExchangeParticipant.class,
				null)) {
			found.add(context.getService(reference));
		}
		return found;
	}
}
