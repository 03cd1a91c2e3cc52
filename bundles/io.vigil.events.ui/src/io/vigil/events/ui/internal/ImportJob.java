package io.vigil.events.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.progress.IProgressConstants;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.events.ingest.IngestReport;
import io.vigil.events.ingest.Ingester;
import io.vigil.events.read.Format;
import io.vigil.events.read.ReaderOptions;

/**
 * Imports files and folders into the event store, with progress and cancel. Events stored before
 * a cancel stay stored. The result (counts and the rejects file) is the job's status, kept in the
 * Progress view.
 */
final class ImportJob extends Job {

	private final EventWorkspace events;
	private final List<Path> paths;
	private final Optional<Format> format;
	private final ZoneId zone;
	private volatile IngestReport report;

	ImportJob(EventWorkspace events, List<Path> paths, Optional<Format> format, ZoneId zone) {
		super(Messages.Import_job);
		this.events = events;
		this.paths = List.copyOf(paths);
		this.format = format;
		this.zone = zone;
		setUser(true);
		setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Ingester.Settings defaults = Ingester.Settings.defaults();
		Ingester.Settings settings = new Ingester.Settings(format, new ReaderOptions(zone, Instant.now(), ""),
				defaults.threads(), defaults.commitInterval(), null);
		try {
			IngestReport done = events.ingester(settings).ingest(paths.stream().map(Ingester.Source::of).toList(),
					monitor);
			report = done;
			events.store().refresh();
			record(done);
			return status(done);
		} catch (IOException | WorkspaceException e) {
			return Status.error(NLS.bind(Messages.Import_failed, e.getMessage()), e);
		}
	}

	private void record(IngestReport done) {
		try {
			events.records().recordImport(done, "workbench");
		} catch (SQLException e) {
			ILog.of(getClass()).warn(Messages.Import_recordFailed, e);
		}
	}

	private static IStatus status(IngestReport done) {
		String summary = NLS.bind(Messages.Import_done, done.stored(), done.rejected());
		if (done.rejects() != null) {
			return Status.warning(summary + " " + NLS.bind(Messages.Import_rejects, done.rejects()));
		}
		if (done.cancelled()) {
			return Status.info(summary + " " + Messages.Import_cancelled);
		}
		return Status.info(summary);
	}

	/** Returns what the import did, once it is done; {@code null} before. */
	IngestReport report() {
		return report;
	}
}
