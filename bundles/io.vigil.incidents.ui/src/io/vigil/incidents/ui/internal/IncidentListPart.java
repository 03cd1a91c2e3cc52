package io.vigil.incidents.ui.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFilter;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.IncidentSeverity;
import io.vigil.incidents.IncidentStatus;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The incident list: every incident of the workspace with its state, filtered by status, owner
 * and severity. New Incident asks for a title and the first fields; Enter or a double-click opens
 * the selected incident in the editor and the timeline.
 */
public final class IncidentListPart {

	/** The part's id. */
	public static final String ID = "io.vigil.incidents.ui.part.list";

	private final IEventBroker broker;
	private final EPartService parts;
	private volatile IncidentService service;

	private Combo status;
	private Text owner;
	private Combo severity;
	private Label count;
	private TableViewer viewer;
	private List<Incident> shown = List.of();
	private int generation;

	/** Creates the part. */
	@Inject
	public IncidentListPart(IEventBroker broker, EPartService parts) {
		this.broker = broker;
		this.parts = parts;
	}

	/** Takes the incident service when it comes, and lists its incidents. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional IncidentService newService) {
		service = newService;
		if (viewer != null && !viewer.getControl().isDisposed()) {
			refresh();
		}
	}

	/** Builds the part and lists the incidents. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(parent);
		Button create = new Button(parent, SWT.PUSH);
		create.setText(Messages.List_new);
		create.setToolTipText(Messages.List_newTip);
		create.addListener(SWT.Selection, event -> newIncident());
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(5, 1).align(SWT.FILL, SWT.CENTER).applyTo(count);
		status = combo(parent, Messages.List_status, Messages.List_any, IncidentStatus.values());
		status.select(1 + IncidentStatus.OPEN.ordinal());
		new Label(parent, SWT.NONE).setText(Messages.List_owner);
		owner = new Text(parent, SWT.BORDER | SWT.SEARCH);
		owner.setMessage(Messages.List_ownerHint);
		GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(owner);
		owner.addListener(SWT.DefaultSelection, event -> refresh());
		owner.addListener(SWT.Modify, event -> refresh());
		severity = combo(parent, Messages.List_severity, Messages.List_any, IncidentSeverity.values());
		severity.select(0);
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(viewer.getControl());
		column(Messages.List_id, 130, Incident::id);
		column(Messages.List_title, 260, Incident::title);
		column(Messages.List_severity, 70, incident -> Labels.words(incident.severity()));
		column(Messages.List_status, 60, incident -> Labels.words(incident.status()));
		column(Messages.List_phase, 110, incident -> Labels.words(incident.phase()));
		column(Messages.List_owner, 90, Incident::owner);
		column(Messages.List_tlp, 90, incident -> incident.tlp().label());
		column(Messages.List_updated, 140, incident -> Labels.time(incident.updated()));
		viewer.getTable().addListener(SWT.DefaultSelection, event -> openSelected());
		refresh();
	}

	private Combo combo(Composite parent, String label, String any, Enum<?>[] values) {
		new Label(parent, SWT.NONE).setText(label);
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		combo.add(any);
		for (Enum<?> value : values) {
			combo.add(Labels.words(value));
		}
		combo.addListener(SWT.Selection, event -> refresh());
		return combo;
	}

	private void column(String title, int width, Function<Incident, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Incident) element);
			}
		});
	}

	/** Returns the filter the controls say. */
	IncidentFilter filter() {
		Set<IncidentStatus> statuses = status.getSelectionIndex() <= 0 ? Set.of()
				: Set.of(IncidentStatus.values()[status.getSelectionIndex() - 1]);
		Set<IncidentSeverity> severities = severity.getSelectionIndex() <= 0 ? Set.of()
				: Set.of(IncidentSeverity.values()[severity.getSelectionIndex() - 1]);
		return new IncidentFilter(statuses, owner.getText().strip(), severities, Set.of(), "");
	}

	/** Lists the incidents again, in the background. */
	void refresh() {
		IncidentService current = service;
		if (current == null) {
			count.setText(Messages.List_noService);
			count.requestLayout();
			return;
		}
		IncidentFilter filter = filter();
		int ticket = ++generation;
		Background.run(Messages.List_job, viewer.getControl(), monitor -> current.store().list(filter), incidents -> {
			if (ticket == generation) {
				show(incidents);
			}
		}, e -> {
			count.setText(NLS.bind(Messages.List_failed, Background.message(e)));
			count.requestLayout();
		});
	}

	private void show(List<Incident> incidents) {
		Incident selected = selected();
		shown = incidents;
		viewer.setInput(incidents);
		if (selected != null) {
			incidents.stream().filter(incident -> incident.id().equals(selected.id())).findFirst()
					.ifPresent(incident -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(
							incident), true));
		}
		count.setText(NLS.bind(Messages.List_count, incidents.size()));
		count.requestLayout();
	}

	/** Lists again when an incident was created or changed. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void changed(@UIEventTopic(IncidentsTopics.CHANGED) String incidentId) {
		if (viewer != null && !viewer.getControl().isDisposed()) {
			refresh();
		}
	}

	private Incident selected() {
		return (Incident) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	/** Opens the selected incident in the editor and the timeline. */
	void openSelected() {
		Incident incident = selected();
		if (incident != null) {
			open(parts, broker, incident.id());
		}
	}

	/** Shows the editor and the timeline, then asks them to show an incident. */
	static void open(EPartService parts, IEventBroker broker, String incidentId) {
		// The broker reaches only parts that exist: create them first.
		parts.showPart(IncidentTimelineView.ID, EPartService.PartState.VISIBLE);
		parts.showPart(IncidentEditorPart.ID, EPartService.PartState.ACTIVATE);
		broker.send(IncidentsTopics.OPEN, incidentId);
	}

	/** Asks for a new incident's fields and creates it in the background. */
	void newIncident() {
		IncidentService current = service;
		if (current == null) {
			MessageDialog.openInformation(viewer.getControl().getShell(), Messages.List_new, Messages.List_noService);
			return;
		}
		NewIncidentDialog dialog = new NewIncidentDialog(viewer.getControl().getShell());
		if (dialog.open() != Window.OK) {
			return;
		}
		Background.run(Messages.List_createJob, viewer.getControl(),
				monitor -> current.store().create(dialog.fields(), Labels.analyst()), incident -> {
					broker.post(IncidentsTopics.CHANGED, incident.id());
					open(parts, broker, incident.id());
				}, e -> MessageDialog.openError(viewer.getControl().getShell(), Messages.List_new,
						NLS.bind(Messages.List_createFailed, Background.message(e))));
	}

	/** Gives the table the focus. */
	@Focus
	public void focus() {
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.getControl().setFocus();
		}
	}

	// Package-private views of the part, for the workbench tests.

	List<Incident> shown() {
		return shown;
	}

	TableViewer viewer() {
		return viewer;
	}

	Combo statusCombo() {
		return status;
	}
}
