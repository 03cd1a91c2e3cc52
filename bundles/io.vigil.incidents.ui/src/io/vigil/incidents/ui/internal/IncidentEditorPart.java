package io.vigil.incidents.ui.internal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

import io.vigil.events.ui.ShowEvents;
import io.vigil.incidents.CustodyEntry;
import io.vigil.incidents.Evidence;
import io.vigil.incidents.EvidenceDraft;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentPhase;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.IncidentSeverity;
import io.vigil.incidents.IncidentStatus;
import io.vigil.incidents.IncidentStore;
import io.vigil.incidents.IncidentTask;
import io.vigil.incidents.KeyDate;
import io.vigil.incidents.KeyDates;
import io.vigil.incidents.Note;
import io.vigil.incidents.Observable;
import io.vigil.incidents.ObservableKind;
import io.vigil.incidents.Tlp;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The incident editor: one incident in sections (overview, analysis, notes, tasks, observables,
 * ATT&amp;CK techniques, references, evidence). Save writes the overview and analysis; the lists
 * change one item at a time. Every read and write goes through the store on a job, after which the
 * incident is read again and shown as stored.
 */
public final class IncidentEditorPart {

	/** The part's id. */
	public static final String ID = "io.vigil.incidents.ui.part.editor";
	private static final int MINIMUM_PAGE_WIDTH = 420;

	private final IEventBroker broker;
	private final EPartService parts;
	private final AtomicInteger generation = new AtomicInteger();
	private volatile IncidentService service;

	private Label heading;
	private Label message;
	private Button save;
	private CTabFolder tabs;
	private Text title;
	private Text summary;
	private Combo severity;
	private Combo status;
	private Combo phase;
	private Text owner;
	private Combo tlp;
	private final Map<KeyDate, Text> dates = new EnumMap<>(KeyDate.class);
	private Text theories;
	private Text mitigations;
	private Text lessons;
	private Table notes;
	private Text noteText;
	private Table tasks;
	private Text taskTitle;
	private Text taskAssignee;
	private Text taskDue;
	private Table observables;
	private Combo observableKind;
	private Text observableValue;
	private org.eclipse.swt.widgets.List techniques;
	private Text technique;
	private org.eclipse.swt.widgets.List references;
	private Text reference;
	private Table evidence;
	private Table custody;
	private Incident incident;

	/** Creates the part. */
	@Inject
	public IncidentEditorPart(IEventBroker broker, EPartService parts) {
		this.broker = broker;
		this.parts = parts;
	}

	/** Takes the incident service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional IncidentService newService) {
		service = newService;
	}

	/** Builds the part, empty until an incident is opened. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
		heading = new Label(parent, SWT.NONE);
		heading.setFont(JFaceResources.getBannerFont());
		heading.setText(Messages.Editor_none);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
		save = new Button(parent, SWT.PUSH);
		save.setText(Messages.Editor_save);
		save.setToolTipText(Messages.Editor_saveTip);
		save.addListener(SWT.Selection, event -> saveFields());
		message = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(message);
		tabs = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tabs);
		overview(tab(Messages.Editor_overview));
		analysis(tab(Messages.Editor_analysis));
		notes(tab(Messages.Editor_notes));
		tasks(tab(Messages.Editor_tasks));
		observables(tab(Messages.Editor_observables));
		techniques(tab(Messages.Editor_techniques));
		references(tab(Messages.Editor_references));
		evidence(tab(Messages.Editor_evidence));
		tabs.setSelection(0);
		enable(false);
	}

	private Composite tab(String name) {
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(name);
		// A section taller than the part scrolls rather than cutting its last fields off.
		ScrolledComposite scrolled = new ScrolledComposite(tabs, SWT.V_SCROLL | SWT.H_SCROLL);
		Composite page = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(4).applyTo(page);
		scrolled.setContent(page);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, event -> scrolled.setMinSize(page.computeSize(
				Math.max(MINIMUM_PAGE_WIDTH, scrolled.getClientArea().width), SWT.DEFAULT)));
		item.setControl(scrolled);
		return page;
	}

	// ---- sections

	private void overview(Composite page) {
		title = text(page, Messages.Editor_title, SWT.BORDER, 3);
		summary = text(page, Messages.Editor_summary, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL, 3);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(SWT.DEFAULT, 60).applyTo(summary);
		severity = combo(page, Messages.List_severity, IncidentSeverity.values());
		status = combo(page, Messages.List_status, IncidentStatus.values());
		phase = combo(page, Messages.List_phase, IncidentPhase.values());
		tlp = new Combo(label(page, Messages.List_tlp), SWT.READ_ONLY);
		for (Tlp level : Tlp.values()) {
			tlp.add(level.label());
		}
		owner = text(page, Messages.List_owner, SWT.BORDER, 3);
		for (KeyDate date : KeyDate.values()) {
			Text field = text(page, Labels.words(date), SWT.BORDER, 1);
			field.setMessage(Messages.Editor_timeHint);
			dates.put(date, field);
		}
	}

	private void analysis(Composite page) {
		int style = SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL;
		theories = text(page, Messages.Editor_theories, style, 3);
		mitigations = text(page, Messages.Editor_mitigations, style, 3);
		lessons = text(page, Messages.Editor_lessons, style, 3);
		for (Text area : List.of(theories, mitigations, lessons)) {
			GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(area);
		}
	}

	private void notes(Composite page) {
		notes = table(page, Messages.Editor_time, 140, Messages.Editor_author, 90, Messages.Editor_text, 400);
		noteText = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		noteText.setMessage(Messages.Editor_noteHint);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(SWT.DEFAULT, 50).applyTo(noteText);
		button(page, Messages.Editor_addNote, this::addNote);
		button(page, Messages.Editor_remove, () -> removeSelected(notes,
				(store, id, childId) -> store.removeNote(id, childId)));
	}

	private void tasks(Composite page) {
		tasks = styledTable(page, SWT.CHECK, Messages.Editor_task, 260, Messages.Editor_assignee, 100, Messages.Editor_due,
				140, Messages.Editor_done, 140);
		tasks.addListener(SWT.Selection, event -> {
			if (event.detail == SWT.CHECK && event.item instanceof TableItem item) {
				boolean done = item.getChecked();
				String taskId = (String) item.getData();
				change(Messages.Editor_taskJob, (store, id) -> store.setTaskDone(id, taskId, done));
			}
		});
		taskTitle = new Text(page, SWT.BORDER);
		taskTitle.setMessage(Messages.Editor_task);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(taskTitle);
		taskAssignee = new Text(page, SWT.BORDER);
		taskAssignee.setMessage(Messages.Editor_assignee);
		taskDue = new Text(page, SWT.BORDER);
		taskDue.setMessage(Messages.Editor_dueHint);
		GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(taskDue);
		button(page, Messages.Editor_addTask, this::addTask);
		button(page, Messages.Editor_remove, () -> removeSelected(tasks,
				(store, id, childId) -> store.removeTask(id, childId)));
	}

	private void observables(Composite page) {
		observables = table(page, Messages.Editor_kind, 80, Messages.Editor_value, 260, Messages.Editor_comment, 200);
		observables.addListener(SWT.DefaultSelection, event -> searchEvents());
		observableKind = new Combo(page, SWT.READ_ONLY);
		for (ObservableKind kind : ObservableKind.values()) {
			observableKind.add(kind.name().toLowerCase(java.util.Locale.ROOT));
		}
		observableKind.select(0);
		observableValue = new Text(page, SWT.BORDER);
		observableValue.setMessage(Messages.Editor_value);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(observableValue);
		button(page, Messages.Editor_addObservable, this::addObservable);
		Button search = button(page, Messages.Editor_searchEvents, this::searchEvents);
		search.setToolTipText(Messages.Editor_searchEventsTip);
		button(page, Messages.Editor_remove, () -> removeSelected(observables,
				(store, id, childId) -> store.removeObservable(id, childId)));
	}

	private void techniques(Composite page) {
		techniques = list(page);
		technique = new Text(page, SWT.BORDER);
		technique.setMessage(Messages.Editor_techniqueHint);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(technique);
		button(page, Messages.Editor_add, () -> addListed(technique, IncidentStore::addTechnique));
		button(page, Messages.Editor_remove, () -> removeListed(techniques, IncidentStore::removeTechnique));
	}

	private void references(Composite page) {
		references = list(page);
		reference = new Text(page, SWT.BORDER);
		reference.setMessage(Messages.Editor_referenceHint);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(reference);
		button(page, Messages.Editor_add, () -> addListed(reference, IncidentStore::addReference));
		button(page, Messages.Editor_remove, () -> removeListed(references, IncidentStore::removeReference));
	}

	private void evidence(Composite page) {
		evidence = table(page, Messages.Editor_name, 160, Messages.Editor_hash, 280, Messages.Editor_size, 80,
				Messages.Editor_addedBy, 90, Messages.Editor_addedAt, 140);
		evidence.addListener(SWT.Selection, event -> showCustody());
		custody = table(page, Messages.Editor_time, 140, Messages.Editor_who, 90, Messages.Editor_action, 80,
				Messages.Editor_detail, 260);
		GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(SWT.DEFAULT, 80).applyTo(custody);
		button(page, Messages.Editor_addEvidence, this::addEvidence);
		button(page, Messages.Editor_remove, () -> removeSelected(evidence,
				(store, id, childId) -> store.removeEvidence(id, childId)));
	}

	// ---- widgets

	private static Composite label(Composite page, String text) {
		Label label = new Label(page, SWT.NONE);
		label.setText(text);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
		return page;
	}

	private static Text text(Composite page, String label, int style, int span) {
		Text text = new Text(label(page, label), style);
		GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
		return text;
	}

	private static Combo combo(Composite page, String label, Enum<?>[] values) {
		Combo combo = new Combo(label(page, label), SWT.READ_ONLY);
		for (Enum<?> value : values) {
			combo.add(Labels.words(value));
		}
		return combo;
	}

	private static Table table(Composite page, Object... columns) {
		return styledTable(page, SWT.NONE, columns);
	}

	private static Table styledTable(Composite page, int style, Object... columns) {
		Table table = new Table(page, style | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(table);
		for (int i = 0; i < columns.length; i += 2) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText((String) columns[i]);
			column.setWidth((Integer) columns[i + 1]);
		}
		return table;
	}

	private static org.eclipse.swt.widgets.List list(Composite page) {
		org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(page,
				SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(list);
		return list;
	}

	private static Button button(Composite page, String text, Runnable action) {
		Button button = new Button(page, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, event -> action.run());
		return button;
	}

	private void enable(boolean enabled) {
		save.setEnabled(enabled);
		tabs.setEnabled(enabled);
	}

	// ---- showing

	/** Opens an incident that the list asked for, and reads it. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void open(@UIEventTopic(IncidentsTopics.OPEN) String incidentId) {
		if (tabs == null || tabs.isDisposed() || incidentId == null) {
			return;
		}
		IncidentService current = service;
		if (current == null) {
			message.setText(Messages.List_noService);
			return;
		}
		int ticket = generation.incrementAndGet();
		Background.run(Messages.Editor_loadJob, tabs, monitor -> current.store().require(incidentId), loaded -> {
			if (ticket == generation.get()) {
				show(loaded);
			}
		}, e -> say(NLS.bind(Messages.Editor_loadFailed, Background.message(e))));
	}

	private void show(Incident shown) {
		incident = shown;
		heading.setText(NLS.bind(Messages.Editor_heading, shown.id(), Labels.oneLine(shown.title(), 80)));
		heading.requestLayout();
		fields(shown);
		lists(shown);
		enable(true);
	}

	private void fields(Incident shown) {
		IncidentFields fields = shown.fields();
		title.setText(fields.title());
		summary.setText(fields.summary());
		severity.select(fields.severity().ordinal());
		status.select(shown.status().ordinal());
		phase.select(shown.phase().ordinal());
		tlp.select(fields.tlp().ordinal());
		owner.setText(fields.owner());
		dates.forEach((date, text) -> text.setText(Labels.time(fields.dates().get(date).orElse(null))));
		theories.setText(fields.theories());
		mitigations.setText(fields.mitigations());
		lessons.setText(fields.lessonsLearned());
	}

	private void lists(Incident shown) {
		fill(notes, shown.notes(), (item, note) -> {
			item.setText(new String[] { Labels.time(note.time()), note.author(), Labels.oneLine(note.text(), 200) });
			item.setData(note.id());
		});
		fill(tasks, shown.tasks(), (item, task) -> {
			item.setText(new String[] { task.title(), task.assignee(), Labels.time(task.due()),
					Labels.time(task.doneAt()) });
			item.setChecked(task.done());
			item.setData(task.id());
		});
		fill(observables, shown.observables(), (item, observable) -> {
			item.setText(new String[] { observable.kind().name().toLowerCase(java.util.Locale.ROOT),
					observable.value(), observable.comment() });
			item.setData(observable.id());
		});
		techniques.setItems(shown.techniques().toArray(String[]::new));
		references.setItems(shown.references().toArray(String[]::new));
		fill(evidence, shown.evidence(), (item, kept) -> {
			item.setText(new String[] { kept.name(), kept.sha256(), Long.toString(kept.size()), kept.addedBy(),
					Labels.time(kept.addedAt()) });
			item.setData(kept.id());
		});
		showCustody();
	}

	private static <T> void fill(Table table, List<T> rows, java.util.function.BiConsumer<TableItem, T> row) {
		table.setRedraw(false);
		try {
			table.removeAll();
			for (T value : rows) {
				row.accept(new TableItem(table, SWT.NONE), value);
			}
		} finally {
			table.setRedraw(true);
		}
	}

	private void showCustody() {
		custody.removeAll();
		Evidence selected = selectedEvidence();
		if (selected == null) {
			return;
		}
		for (CustodyEntry entry : selected.custody()) {
			new TableItem(custody, SWT.NONE).setText(new String[] { Labels.time(entry.when()), entry.who(),
					Labels.words(entry.action()), entry.detail() });
		}
	}

	private Evidence selectedEvidence() {
		if (incident == null || evidence.getSelectionCount() == 0) {
			return null;
		}
		return incident.evidence((String) evidence.getSelection()[0].getData()).orElse(null);
	}

	private void say(String text) {
		message.setText(text);
		message.requestLayout();
	}

	// ---- changing

	/** A change to the opened incident, made through the store on a job. */
	@FunctionalInterface
	interface Change {
		void apply(IncidentStore store, String incidentId) throws Exception;
	}

	/** A removal of one of the opened incident's children. */
	@FunctionalInterface
	interface Removal {
		void apply(IncidentStore store, String incidentId, String childId) throws Exception;
	}

	/**
	 * Applies a change on a job, then reads the incident again and shows it; tells the other parts.
	 * A failed change is reported in the part and leaves what is shown as it was.
	 */
	void change(String job, Change what) {
		IncidentService current = service;
		Incident opened = incident;
		if (current == null || opened == null) {
			return;
		}
		int ticket = generation.incrementAndGet();
		Background.run(job, tabs, monitor -> {
			what.apply(current.store(), opened.id());
			return current.store().require(opened.id());
		}, changed -> {
			say(NLS.bind(Messages.Editor_saved, Labels.time(changed.updated())));
			if (ticket == generation.get()) {
				show(changed);
			}
			broker.post(IncidentsTopics.CHANGED, changed.id());
		}, e -> say(NLS.bind(Messages.Editor_saveFailed, Background.message(e))));
	}

	/** Saves the overview and analysis: the fields, then the phase and status when they changed. */
	void saveFields() {
		Incident opened = incident;
		if (opened == null) {
			return;
		}
		IncidentFields fields;
		try {
			fields = editedFields();
		} catch (IllegalArgumentException e) {
			say(Background.message(e));
			return;
		}
		IncidentPhase newPhase = IncidentPhase.values()[phase.getSelectionIndex()];
		IncidentStatus newStatus = IncidentStatus.values()[status.getSelectionIndex()];
		String who = Labels.analyst();
		change(Messages.Editor_saveJob, (store, id) -> {
			store.update(id, fields, who);
			if (newPhase != opened.phase()) {
				store.changePhase(id, newPhase, who);
			}
			if (newStatus != opened.status()) {
				store.changeStatus(id, newStatus, who);
			}
		});
	}

	private IncidentFields editedFields() {
		KeyDates known = KeyDates.NONE;
		for (Map.Entry<KeyDate, Text> date : dates.entrySet()) {
			known = known.with(date.getKey(), Labels.parseTime(date.getValue().getText(), Labels.words(date.getKey())));
		}
		return new IncidentFields(title.getText().strip(), summary.getText(),
				IncidentSeverity.values()[severity.getSelectionIndex()], owner.getText().strip(),
				Tlp.values()[tlp.getSelectionIndex()], known, theories.getText(), mitigations.getText(),
				lessons.getText());
	}

	/** Adds the typed note. */
	void addNote() {
		String text = noteText.getText().strip();
		if (text.isEmpty()) {
			return;
		}
		String who = Labels.analyst();
		noteText.setText("");
		change(Messages.Editor_noteJob, (store, id) -> store.addNote(id, who, text));
	}

	private void addTask() {
		String text = taskTitle.getText().strip();
		if (text.isEmpty()) {
			return;
		}
		java.time.Instant due;
		try {
			due = Labels.parseTime(taskDue.getText(), Messages.Editor_due);
		} catch (IllegalArgumentException e) {
			say(Background.message(e));
			return;
		}
		String assignee = taskAssignee.getText().strip();
		taskTitle.setText("");
		taskDue.setText("");
		change(Messages.Editor_taskJob, (store, id) -> store.addTask(id, text, assignee, due));
	}

	private void addObservable() {
		String value = observableValue.getText().strip();
		if (value.isEmpty()) {
			return;
		}
		ObservableKind kind = ObservableKind.values()[observableKind.getSelectionIndex()];
		observableValue.setText("");
		change(Messages.Editor_observableJob, (store, id) -> store.addObservable(id, kind, value, ""));
	}

	@FunctionalInterface
	private interface Listed {
		void apply(IncidentStore store, String incidentId, String value) throws Exception;
	}

	private void addListed(Text field, Listed add) {
		String value = field.getText().strip();
		if (!value.isEmpty()) {
			field.setText("");
			change(Messages.Editor_saveJob, (store, id) -> add.apply(store, id, value));
		}
	}

	private void removeListed(org.eclipse.swt.widgets.List list, Listed remove) {
		if (list.getSelectionCount() == 1) {
			String value = list.getSelection()[0];
			change(Messages.Editor_saveJob, (store, id) -> remove.apply(store, id, value));
		}
	}

	private void removeSelected(Table table, Removal remove) {
		if (table.getSelectionCount() == 1) {
			String childId = (String) table.getSelection()[0].getData();
			change(Messages.Editor_saveJob, (store, id) -> remove.apply(store, id, childId));
		}
	}

	/** Asks for a file and adds it as evidence; the store copies and hashes it on the job. */
	private void addEvidence() {
		FileDialog dialog = new FileDialog(tabs.getShell(), SWT.OPEN);
		dialog.setText(Messages.Editor_addEvidence);
		String chosen = dialog.open();
		if (chosen != null) {
			addEvidence(Path.of(chosen));
		}
	}

	/** Adds a file as evidence, hashed on a job. */
	void addEvidence(Path file) {
		EvidenceDraft draft = new EvidenceDraft(file.getFileName().toString(), "", "", file.toString(),
				Labels.analyst());
		change(Messages.Editor_evidenceJob, (store, id) -> store.addEvidence(id, file, draft));
	}

	/** Opens Event Search with the selected observable's pivot query. */
	void searchEvents() {
		if (incident == null || observables.getSelectionCount() != 1) {
			return;
		}
		String observableId = (String) observables.getSelection()[0].getData();
		incident.observables().stream().filter(observable -> observable.id().equals(observableId)).findFirst()
				.ifPresent(this::searchEvents);
	}

	private void searchEvents(Observable observable) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window != null) {
			try {
				window.getWorkbench().showPerspective(ShowEvents.PERSPECTIVE_ID, window);
			} catch (WorkbenchException e) {
				ILog.of(getClass()).warn(e.getMessage(), e);
			}
		}
		parts.showPart(ShowEvents.PART_ID, EPartService.PartState.ACTIVATE);
		broker.send(ShowEvents.TOPIC, new ShowEvents(observable.pivotQuery(), null, null, java.util.Set.of()));
	}

	/** Gives the tabs the focus. */
	@Focus
	public void focus() {
		if (tabs != null && !tabs.isDisposed()) {
			tabs.setFocus();
		}
	}

	// Package-private views of the part, for the workbench tests and the handlers.

	Incident incident() {
		return incident;
	}

	Text noteText() {
		return noteText;
	}

	List<Note> shownNotes() {
		return incident == null ? List.of() : incident.notes();
	}

	List<IncidentTask> shownTasks() {
		return incident == null ? List.of() : incident.tasks();
	}
}
