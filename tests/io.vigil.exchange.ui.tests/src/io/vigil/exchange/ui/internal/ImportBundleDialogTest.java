package io.vigil.exchange.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
 * A colleague's workspace exports an incident with the core API; the workbench imports the file
 * through Import Bundle. A copy with one byte flipped is refused and stores nothing; the bundle
 * itself shows its unknown signer and the plan (ADD), and Merge puts the incident into the store.
 */
class ImportBundleDialogTest {

	private static final char[] PASSPHRASE = "colleague's passphrase".toCharArray();

	@TempDir
	Path temporary;

	@AfterEach
	void closeDialogs() {
		UiThread.run(Workbench::closeDialogs);
	}

	@Test
	void aColleaguesBundleIsRefusedWhenDamagedAndMergedWhenWhole() throws Exception {
		Path file = temporary.resolve("from-colleague.vigil-bundle");
		String id = exportFromColleague(temporary.resolve("colleague"), file);
		Path damaged = temporary.resolve("damaged.vigil-bundle");
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(damaged, bytes);
		ExchangeUiComponent exchange = Workbench.exchange();
		IncidentStore store = Workbench.incidents().store();

		UiThread.post(() -> exchange.importFile(Workbench.shell(), damaged));
		String refusal = Workbench.message(Messages.Import_title);
		assertTrue(refusal.contains("refused"), refusal);
		assertFalse(store.get(id).isPresent(), "nothing from a refused bundle is stored");

		UiThread.post(() -> exchange.importFile(Workbench.shell(), file));
		ImportDialog dialog = Workbench.dialog(ImportDialog.class);
		List<String> rows = UiThread.call(() -> {
			List<String> texts = new ArrayList<>();
			for (TableItem item : dialog.planTable().getItems()) {
				texts.add(item.getText(0) + " " + item.getText(1));
			}
			return texts;
		});
		assertTrue(rows.contains("incident:" + id + " ADD"), rows.toString());
		assertEquals(Messages.Import_unknown, UiThread.call(dialog::getMessage));
		assertFalse(store.get(id).isPresent(), "showing a bundle stores nothing");

		UiThread.run(dialog::okPressed);
		String merged = Workbench.message(Messages.Import_title);
		assertTrue(merged.contains("1 stored"), merged);
		assertEquals("Sent by a colleague", store.require(id).title());
	}

	/** Makes a colleague's workspace with an incident and a key, and exports the incident signed. */
	private static String exportFromColleague(Path directory, Path out) throws Exception {
		try (Workspace colleague = Workspace.open(directory, "exchange ui test")) {
			Incident incident = IncidentStore.open(colleague, Clock.systemUTC())
					.create(IncidentFields.titled("Sent by a colleague"), "colleague");
			HandlerKeys keys = new HandlerKeys(colleague.settingsDirectory().resolve("keys"), Clock.systemUTC(), 1_000);
			String keyName = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
			keys.create(keyName, PASSPHRASE);
			ExchangeBundles bundles = new ExchangeBundles(colleague, keys, Clock.systemUTC());
			List<ExchangeObject> objects = ExchangeBundles.byType(participants()).get(ExchangeSelection.INCIDENT)
					.collect(ExchangeSelection.incident(incident.id()), colleague);
			bundles.export(objects, new ExportOptions(keyName, PASSPHRASE, List.of(), null, null), out);
			return incident.id();
		}
	}

	private static List<ExchangeParticipant> participants() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ImportBundleDialogTest.class).getBundleContext();
		List<ExchangeParticipant> found = new ArrayList<>();
		for (ServiceReference<ExchangeParticipant> reference : context.getServiceReferences(ExchangeParticipant.class,
				null)) {
			found.add(context.getService(reference));
		}
		return found;
	}
}
