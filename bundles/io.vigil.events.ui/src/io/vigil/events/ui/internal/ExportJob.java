package io.vigil.events.ui.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.progress.IProgressConstants;

import io.vigil.events.EventWorkspace;
import io.vigil.events.export.CsvWriter;
import io.vigil.events.export.EventColumns;
import io.vigil.events.search.QuerySyntaxException;
import io.vigil.events.search.SearchRequest;
import io.vigil.events.search.SearchResult;
import io.vigil.events.store.Hits;
import io.vigil.events.store.StoredEvent;

/**
 * Exports every match of a search with every field: JSON lines (one event per line) or CSV
 * (one column per field any match has, which takes a first pass over the matches). The file is
 * written beside its target and moved into place at the end, so a cancelled or failed export
 * leaves no half file.
 */
final class ExportJob extends Job {

	private static final int PAGE = 1000;

	private final EventWorkspace events;
	private final SearchRequest request;
	private final Path target;
	private final Clock clock;

	ExportJob(EventWorkspace events, SearchRequest request, Path target, Clock clock) {
		super(NLS.bind(Messages.Export_job, target.getFileName()));
		this.events = events;
		this.request = request;
		this.target = target;
		this.clock = clock;
		setUser(true);
		setProperty(IProgressConstants.KEEP_PROPERTY, Boolean.TRUE);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		try (SearchResult result = SearchResult.run(events.store(), request, clock, null)) {
			Hits hits = result.hits();
			boolean csv = !target.getFileName().toString().endsWith(".jsonl");
			SubMonitor progress = SubMonitor.convert(monitor, getName(), hits.size() * (csv ? 2 : 1) + 1);
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				if (csv) {
					writeCsv(result, hits, out, progress);
				} else {
					writeJsonLines(result, hits, out, progress);
				}
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			return Status.info(NLS.bind(Messages.Export_done, hits.size(), target));
		} catch (OperationCanceledException e) {
			deleteQuietly(partial);
			return Status.CANCEL_STATUS;
		} catch (IOException | QuerySyntaxException e) {
			deleteQuietly(partial);
			return Status.error(NLS.bind(Messages.Export_failed, target, e.getMessage()), e);
		}
	}

	private static void writeJsonLines(SearchResult result, Hits hits, Writer out, SubMonitor progress)
			throws IOException {
		for (int from = 0; from < hits.size(); from += PAGE) {
			List<StoredEvent> page = result.rows(hits, from, PAGE);
			for (StoredEvent event : page) {
				out.write(event.json().toString());
				out.write('\n');
			}
			progress.split(page.size());
		}
	}

	private static void writeCsv(SearchResult result, Hits hits, Writer out, SubMonitor progress) throws IOException {
		Set<String> paths = new LinkedHashSet<>();
		for (int from = 0; from < hits.size(); from += PAGE) {
			List<StoredEvent> page = result.rows(hits, from, PAGE);
			page.forEach(event -> EventColumns.collect(event.json(), paths));
			progress.split(page.size());
		}
		List<String> columns = EventColumns.order(paths);
		CsvWriter csv = new CsvWriter(out);
		csv.row(columns);
		for (int from = 0; from < hits.size(); from += PAGE) {
			List<StoredEvent> page = result.rows(hits, from, PAGE);
			for (StoredEvent event : page) {
				csv.row(columns.stream().map(event::text).toList());
			}
			progress.split(page.size());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			// The export already failed; a leftover .part file is named as such.
		}
	}
}
