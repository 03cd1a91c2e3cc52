package io.vigil.rules.ui.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.TimeRange;
import io.vigil.events.search.TimeExpressions;
import io.vigil.events.store.FacetCount;
import io.vigil.rules.CompileResult;
import io.vigil.rules.Rule;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Rule Test: runs the rule in the editor (or the one selected in the library) on events pasted as
 * JSON lines, or over the stored events of a time range as a backtest on a job with progress and
 * cancel; shows the alerts it would raise, per day, and its top grouped values. Nothing is stored.
 */
public final class RuleTestPart {

	/** The part's id. */
	public static final String ID = "io.vigil.rules.ui.part.test";
	/** How many grouped values the pane lists. */
	static final int TOP_GROUPS = 10;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Clock clock = Clock.systemUTC();
	private volatile RuleService service;

	private Label subject;
	private Text events;
	private Text from;
	private Text to;
	private Button backtest;
	private Button cancel;
	private Label summary;
	private TableViewer perDay;
	private TableViewer groups;
	private TableViewer alerts;
	private EditedRule rule;
	private Job running;
	private List<AlertDraft> shown = List.of();

	/** Takes the rule service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional RuleService newService) {
		service = newService;
	}

	/** Builds the pane. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		subject = new Label(parent, SWT.NONE);
		subject.setText(Messages.Test_noRule);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(subject);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		CTabFolder folder = new CTabFolder(sash, SWT.TOP | SWT.FLAT | SWT.BORDER);
		CTabItem pasted = new CTabItem(folder, SWT.NONE);
		pasted.setText(Messages.Test_pasted);
		pasted.setControl(createPasted(folder));
		CTabItem range = new CTabItem(folder, SWT.NONE);
		range.setText(Messages.Test_backtest);
		range.setControl(createBacktest(folder));
		folder.setSelection(pasted);
		createResults(sash);
		sash.setWeights(40, 60);
		if (rule != null) {
			showSubject();
		}
	}

	private Composite createPasted(Composite parent) {
		Composite pane = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(pane);
		events = new Text(pane, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		events.setFont(JFaceResources.getTextFont());
		events.setMessage(Messages.Test_pasteHint);
		GridDataFactory.fillDefaults().grab(true, true).span(1, 2).applyTo(events);
		Button run = new Button(pane, SWT.PUSH);
		run.setText(Messages.Test_run);
		run.setToolTipText(Messages.Test_runTip);
		run.addListener(SWT.Selection, event -> testPasted());
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(run);
		return pane;
	}

	private Composite createBacktest(Composite parent) {
		Composite pane = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(6).applyTo(pane);
		new Label(pane, SWT.NONE).setText(Messages.Test_from);
		from = new Text(pane, SWT.SINGLE | SWT.BORDER);
		from.setText("-24h");
		GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(from);
		new Label(pane, SWT.NONE).setText(Messages.Test_to);
		to = new Text(pane, SWT.SINGLE | SWT.BORDER);
		to.setText("now");
		GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(to);
		backtest = new Button(pane, SWT.PUSH);
		backtest.setText(Messages.Test_runBacktest);
		backtest.addListener(SWT.Selection, event -> runBacktest());
		cancel = new Button(pane, SWT.PUSH);
		cancel.setText(Messages.Test_cancel);
		cancel.setEnabled(false);
		cancel.addListener(SWT.Selection, event -> cancelBacktest());
		Label hint = new Label(pane, SWT.WRAP);
		hint.setText(Messages.Test_timeHint);
		GridDataFactory.fillDefaults().span(6, 1).grab(true, false).applyTo(hint);
		return pane;
	}

	private void createResults(Composite parent) {
		Composite results = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(results);
		summary = new Label(results, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		SashForm tables = new SashForm(results, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(tables);
		perDay = table(tables);
		column(perDay, Messages.Test_day, 100, (Map.Entry<?, ?> entry) -> entry.getKey().toString());
		column(perDay, Messages.Test_alerts, 70, (Map.Entry<?, ?> entry) -> entry.getValue().toString());
		groups = table(tables);
		column(groups, Messages.Test_group, 150, FacetCount::value);
		column(groups, Messages.Test_alerts, 70, (FacetCount count) -> Long.toString(count.count()));
		alerts = table(tables);
		column(alerts, Messages.Queue_time, 140, (AlertDraft draft) -> Labels.time(draft.time()));
		column(alerts, Messages.Queue_severity, 70, (AlertDraft draft) -> Labels.level(draft.severity()));
		column(alerts, Messages.Queue_summary, 300, (AlertDraft draft) -> Labels.oneLine(draft.summary(), 200));
		column(alerts, Messages.Queue_group, 120, AlertDraft::groupValue);
		tables.setWeights(18, 24, 58);
	}

	private static TableViewer table(Composite parent) {
		TableViewer viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer;
	}

	@SuppressWarnings("unchecked")
	private static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((T) element);
			}
		});
	}

	/** Takes the editor's text as it was last checked. */
	@Inject
	void ruleEdited(@org.eclipse.e4.core.di.annotations.Optional EditedRule edited) {
		rule = edited;
		if (edited != null && subject != null && !subject.isDisposed()) {
			showSubject();
		}
	}

	private void showSubject() {
		subject.setText(NLS.bind(Messages.Test_subject, rule.title(), rule.file()));
		subject.requestLayout();
	}

	/**
	 * Returns the rules of the text, or empty after saying why there are none; the job adds the
	 * library rules its correlations name, so that they run as they will once saved.
	 */
	private Optional<List<Rule>> compiled(RuleService current) {
		if (rule == null) {
			summary.setText(Messages.Test_noRule);
			return Optional.empty();
		}
		CompileResult result = current.compiler().compile(rule.text(), rule.file());
		if (result.rules().isEmpty()) {
			summary.setText(result.problems().isEmpty() ? Messages.Test_noRules
					: NLS.bind(Messages.Test_cannotRun, result.problems().get(0)));
			return Optional.empty();
		}
		return Optional.of(result.rules());
	}

	/** Runs the rule on the pasted events, one JSON object per line. */
	void testPasted() {
		RuleService current = service;
		if (current == null) {
			summary.setText(Messages.Rules_noService);
			return;
		}
		List<ObjectNode> parsed = new ArrayList<>();
		String[] lines = events.getText().split("\\R");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			try {
				JsonNode node = JSON.readTree(lines[i]);
				if (!(node instanceof ObjectNode object)) {
					summary.setText(NLS.bind(Messages.Test_notObject, i + 1));
					return;
				}
				parsed.add(object);
			} catch (JsonProcessingException e) {
				summary.setText(NLS.bind(Messages.Test_badJson, i + 1, Labels.oneLine(e.getOriginalMessage(), 160)));
				return;
			}
		}
		if (parsed.isEmpty()) {
			summary.setText(Messages.Test_noEvents);
			return;
		}
		Optional<List<Rule>> rules = compiled(current);
		if (rules.isEmpty()) {
			return;
		}
		summary.setText(Messages.Test_running);
		Background.run(Messages.Test_job, summary,
				monitor -> current.test(current.library().withReferences(rules.get()), parsed),
				drafts -> {
					show(drafts, perDay(drafts), topGroups(drafts));
					summary.setText(NLS.bind(Messages.Test_pastedResult, drafts.size(), parsed.size()));
				}, e -> summary.setText(NLS.bind(Messages.Test_failed, Background.message(e))));
	}

	/** Runs the rule over the stored events of the range on a job, with progress and cancel. */
	void runBacktest() {
		RuleService current = service;
		if (current == null) {
			summary.setText(Messages.Rules_noService);
			return;
		}
		Optional<Instant> start = TimeExpressions.parse(from.getText().strip(), clock);
		Optional<Instant> end = TimeExpressions.parse(to.getText().strip(), clock);
		if (start.isEmpty() || end.isEmpty()) {
			summary.setText(NLS.bind(Messages.Test_badTime, start.isEmpty() ? from.getText() : to.getText()));
			return;
		}
		if (!start.get().isBefore(end.get())) {
			summary.setText(Messages.Test_reversed);
			return;
		}
		Optional<List<Rule>> rules = compiled(current);
		if (rules.isEmpty()) {
			return;
		}
		TimeRange range = new TimeRange(start.get(), end.get());
		summary.setText(NLS.bind(Messages.Test_backtesting, Labels.time(range.from()), Labels.time(range.to())));
		backtest.setEnabled(false);
		cancel.setEnabled(true);
		running = Background.create(Messages.Test_backtestJob, summary,
				monitor -> current.backtest(current.library().withReferences(rules.get()), range, monitor), result -> {
					finished();
					show(result.alerts(), result.perDay(), result.topGroups());
					summary.setText(NLS.bind(result.cancelled() ? Messages.Test_backtestCancelled : Messages.Test_backtestResult,
							result.alerts().size(), result.scanned()));
				}, e -> {
					finished();
					summary.setText(NLS.bind(Messages.Test_failed, Background.message(e)));
				});
		running.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getResult().getSeverity() == IStatus.CANCEL) {
					summary.getDisplay().asyncExec(() -> {
						if (!summary.isDisposed()) {
							finished();
							summary.setText(Messages.Test_cancelled);
						}
					});
				}
			}
		});
		running.schedule();
	}

	private void cancelBacktest() {
		if (running != null) {
			running.cancel();
		}
	}

	private void finished() {
		running = null;
		backtest.setEnabled(true);
		cancel.setEnabled(false);
	}

	private void show(List<AlertDraft> drafts, SortedMap<LocalDate, Long> days, List<FacetCount> top) {
		shown = List.copyOf(drafts);
		alerts.setInput(shown);
		perDay.setInput(days.entrySet().toArray());
		groups.setInput(top);
	}

	private static SortedMap<LocalDate, Long> perDay(List<AlertDraft> drafts) {
		SortedMap<LocalDate, Long> days = new TreeMap<>();
		for (AlertDraft draft : drafts) {
			days.merge(LocalDate.ofInstant(draft.time(), ZoneOffset.UTC), 1L, Long::sum);
		}
		return days;
	}

	private static List<FacetCount> topGroups(List<AlertDraft> drafts) {
		Map<String, Long> counts = new HashMap<>();
		for (AlertDraft draft : drafts) {
			if (!draft.groupValue().isEmpty()) {
				counts.merge(draft.groupValue(), 1L, Long::sum);
			}
		}
		return counts.entrySet().stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(TOP_GROUPS).map(entry -> new FacetCount(entry.getKey(), entry.getValue())).toList();
	}

	/** Cancels a backtest still running. */
	@PreDestroy
	void dispose() {
		cancelBacktest();
	}

	// Package-private views of the part, for the workbench tests.

	Text eventsText() {
		return events;
	}

	List<AlertDraft> shown() {
		return shown;
	}

	String summaryText() {
		return summary.getText();
	}
}
