package io.vigil.rules.ui.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.vigil.rules.ImportReport;
import io.vigil.rules.RuleService;
import io.vigil.ui.Background;

/**
 * Imports a rule file or folder into the library, with progress and cancel, then has the engine
 * take up the library; the report goes to a callback (on the job's thread).
 */
final class ImportRulesJob extends Job {

	private final RuleService service;
	private final Path path;
	private final Consumer<ImportReport> done;
	private final Consumer<Exception> failed;

	ImportRulesJob(RuleService service, Path path, Consumer<ImportReport> done, Consumer<Exception> failed) {
		super(NLS.bind(Messages.Import_job, path));
		this.service = service;
		this.path = path;
		this.done = done;
		this.failed = failed;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, 10);
		try {
			ImportReport report = service.library().importPath(path, progress.split(9));
			progress.checkCanceled();
			service.reload();
			progress.split(1);
			done.accept(report);
			return Status.info(NLS.bind(Messages.Import_summary, new Object[] { report.imported(),
					report.unsupported().size(), report.files(), report.unchanged() }));
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (Exception e) {
			failed.accept(e);
			return Status.error(NLS.bind(Messages.Import_failed, path, Background.message(e)), e);
		}
	}
}
