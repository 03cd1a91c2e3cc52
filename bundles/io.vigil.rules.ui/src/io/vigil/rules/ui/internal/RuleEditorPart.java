package io.vigil.rules.ui.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.source.CompositeRuler;
import org.eclipse.jface.text.source.LineNumberRulerColumn;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

import io.vigil.rules.CompileResult;
import io.vigil.rules.ImportReport;
import io.vigil.rules.LibraryRule;
import io.vigil.rules.RuleProblem;
import io.vigil.rules.RuleService;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Rule Editor: the selected rule's YAML with line numbers, checked while it is typed (a short
 * pause after the last key, compiled on a job) with each problem listed below under its line and
 * the line marked; Save puts the text in the library and has the engine take it up.
 */
public final class RuleEditorPart {

	/** The part's id. */
	public static final String ID = "io.vigil.rules.ui.part.editor";
	/** How long typing must pause before the text is checked. */
	static final int CHECK_DELAY_MILLIS = 400;

	private final IEventBroker broker;
	private final IEclipseContext shared;
	private final AtomicInteger generation = new AtomicInteger();
	private final Runnable check = this::check;
	private volatile RuleService service;

	private Display display;
	private Label heading;
	private Label status;
	private ToolItem save;
	private SourceViewer source;
	private IDocument document;
	private TableViewer problems;
	private Color problemLine;
	private String file = RuleLibraryPart.NEW_FILE;
	private String title = "";
	private boolean dirty;
	private boolean loading;
	private List<RuleProblem> shownProblems = List.of();

	/** Creates the part. */
	@Inject
	public RuleEditorPart(IEventBroker broker, MApplication application) {
		this.broker = broker;
		this.shared = application.getContext();
	}

	/** Takes the rule service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional RuleService newService) {
		service = newService;
	}

	/** Builds the editor, empty until a rule is selected. */
	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
		heading = new Label(parent, SWT.NONE);
		heading.setText(Messages.Editor_none);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
		ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT);
		save = new ToolItem(bar, SWT.PUSH);
		save.setText(Messages.Editor_save);
		save.setToolTipText(Messages.Editor_saveTip);
		save.setEnabled(false);
		save.addListener(SWT.Selection, event -> save());

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sash);
		CompositeRuler ruler = new CompositeRuler();
		ruler.addDecorator(0, new LineNumberRulerColumn());
		source = new SourceViewer(sash, ruler, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER | SWT.MULTI);
		source.getTextWidget().setFont(JFaceResources.getTextFont());
		source.getTextWidget().setLeftMargin(6);
		document = new Document("");
		source.setDocument(document);
		source.setEditable(false);
		document.addDocumentListener(new IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(DocumentEvent event) {
				// Only the change itself matters.
			}

			@Override
			public void documentChanged(DocumentEvent event) {
				typed();
			}
		});
		source.getTextWidget().addListener(SWT.KeyDown, event -> {
			if ((event.stateMask & SWT.MOD1) != 0 && (event.character == 's' || event.character == 0x13)) {
				event.doit = false;
				save();
			}
		});
		problemLine = new Color(255, 228, 225);
		source.getTextWidget().addListener(SWT.Dispose, event -> problemLine.dispose());
		createProblems(sash);
		sash.setWeights(75, 25);
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(status);
	}

	private void createProblems(Composite parent) {
		problems = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
		problems.getTable().setHeaderVisible(true);
		problems.getTable().setLinesVisible(true);
		problemColumn(Messages.Editor_line, 60, problem -> problem.line() > 0 ? Integer.toString(problem.line()) : "");
		problemColumn(Messages.Import_rule, 180, RuleProblem::rule);
		problemColumn(Messages.Editor_problem, 520, RuleProblem::message);
		problems.setContentProvider(ArrayContentProvider.getInstance());
		problems.getTable().addListener(SWT.DefaultSelection, event -> goToProblem());
	}

	private void problemColumn(String text, int width, Function<RuleProblem, String> label) {
		TableViewerColumn column = new TableViewerColumn(problems, SWT.LEFT);
		column.getColumn().setText(text);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return label.apply((RuleProblem) element);
			}
		});
	}

	/** Shows a rule from the library, or a new one; asks first when the text shown has unsaved changes. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void show(@UIEventTopic(RulesTopics.RULE_SELECTED) LibraryRule rule) {
		if (source == null || source.getTextWidget().isDisposed() || rule == null) {
			return;
		}
		if (dirty && !MessageDialog.openQuestion(source.getTextWidget().getShell(), Messages.Editor_discardTitle,
				NLS.bind(Messages.Editor_discard, title))) {
			return;
		}
		open(rule.title(), rule.file().isBlank() ? RuleLibraryPart.NEW_FILE : fileName(rule.file()), rule.text());
		dirty = rule.id().isEmpty();
		save.setEnabled(dirty);
	}

	private static String fileName(String path) {
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		return slash < 0 ? path : path.substring(slash + 1);
	}

	/** Puts a text in the editor and checks it. */
	void open(String ruleTitle, String fileName, String text) {
		title = ruleTitle;
		file = fileName;
		heading.setText(NLS.bind(Messages.Editor_heading, ruleTitle, fileName));
		heading.requestLayout();
		loading = true;
		try {
			document.set(text);
		} finally {
			loading = false;
		}
		source.setEditable(true);
		dirty = false;
		check();
	}

	private void typed() {
		if (!loading) {
			dirty = true;
			save.setEnabled(true);
		}
		display.timerExec(CHECK_DELAY_MILLIS, check);
	}

	/** Compiles the text on a job and shows its problems, unless the text changed meanwhile. */
	void check() {
		RuleService current = service;
		if (current == null || source.getTextWidget().isDisposed()) {
			return;
		}
		String text = document.get();
		String name = file;
		int ticket = generation.incrementAndGet();
		status.setText(Messages.Editor_checking);
		Background.run(Messages.Editor_checkJob, source.getTextWidget(), monitor -> current.compiler().compile(text, name),
				result -> {
					if (ticket == generation.get()) {
						showResult(result);
						shared.set(EditedRule.class, new EditedRule(title, text, name));
					}
				}, e -> status.setText(NLS.bind(Messages.Editor_checkFailed, Background.message(e))));
	}

	private void showResult(CompileResult result) {
		shownProblems = result.problems();
		problems.setInput(shownProblems);
		StyledText widget = source.getTextWidget();
		widget.setLineBackground(0, widget.getLineCount(), null);
		for (RuleProblem problem : shownProblems) {
			if (problem.line() > 0 && problem.line() <= widget.getLineCount()) {
				widget.setLineBackground(problem.line() - 1, 1, problemLine);
			}
		}
		status.setText(shownProblems.isEmpty() ? NLS.bind(Messages.Editor_ok, result.rules().size())
				: NLS.bind(Messages.Editor_problems, shownProblems.size(), result.rules().size()));
	}

	private void goToProblem() {
		Object selected = problems.getStructuredSelection().getFirstElement();
		if (!(selected instanceof RuleProblem problem) || problem.line() <= 0) {
			return;
		}
		try {
			int offset = document.getLineOffset(Math.min(problem.line(), document.getNumberOfLines()) - 1);
			source.setSelectedRange(offset, 0);
			source.revealRange(offset, 0);
			source.getTextWidget().setFocus();
		} catch (BadLocationException e) {
			// The text changed under the list; the next check lists the problems again.
		}
	}

	/** Saves the text in the library, then has the engine take it up, on a job. */
	void save() {
		RuleService current = service;
		if (current == null || !source.isEditable()) {
			return;
		}
		String text = document.get();
		String name = file;
		status.setText(Messages.Editor_saving);
		Background.run(Messages.Editor_saveJob, source.getTextWidget(), monitor -> {
			ImportReport report = current.library().save(text, name);
			current.reload();
			return report;
		}, report -> {
			if (text.equals(document.get()) && report.unsupported().isEmpty()) {
				dirty = false;
				save.setEnabled(false);
			}
			status.setText(report.unsupported().isEmpty()
					? NLS.bind(Messages.Editor_saved, report.imported(), report.unchanged())
					: NLS.bind(Messages.Editor_notSaved, new Object[] { report.imported(), report.unsupported().size(),
							report.unsupported().get(0) }));
			broker.post(RulesTopics.LIBRARY_CHANGED, "");
		}, e -> status.setText(NLS.bind(Messages.Editor_saveFailed, Background.message(e))));
	}

	/** Gives the text the focus. */
	@Focus
	public void focus() {
		if (source != null && !source.getTextWidget().isDisposed()) {
			source.getTextWidget().setFocus();
		}
	}

	// Package-private views of the part, for the workbench tests.

	IDocument document() {
		return document;
	}

	List<RuleProblem> problems() {
		return shownProblems;
	}

	String statusText() {
		return status.getText();
	}
}
