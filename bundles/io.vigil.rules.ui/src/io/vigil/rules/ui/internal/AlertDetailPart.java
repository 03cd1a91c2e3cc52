package io.vigil.rules.ui.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.store.StoredEvent;
import io.vigil.events.ui.ShowEvents;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertNote;
import io.vigil.rules.response.ActionRun;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Alert Detail: every field of the selected alert, its ATT&amp;CK techniques, the events that
 * contributed (with the fields the rule matched on), the automated responses run for it and its
 * triage history. Show Events opens the contributing events in the Event Search perspective with
 * the matched fields highlighted: why the rule fired.
 */
public final class AlertDetailPart {

	/** The part's id. */
	public static final String ID = "io.vigil.rules.ui.part.detail";
	/** The most event ids put in one Event Search query (Lucene allows 1024 clauses). */
	static final int MAX_QUERY_IDS = 500;
	/** How far before and after the alert's window Event Search looks. */
	private static final Duration MARGIN = Duration.ofMinutes(1);
	private static final String VIGIL_ID = "vigil.id";

	private final IEventBroker broker;
	private final EPartService parts;
	private final AtomicInteger generation = new AtomicInteger();
	private volatile RuleService service;

	private Label heading;
	private Button showEvents;
	private Tree tree;
	private Alert alert;

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	private ESelectionService selectionService;

	/** Creates the part. */
	@Inject
	public AlertDetailPart(IEventBroker broker, EPartService parts) {
		this.broker = broker;
		this.parts = parts;
	}

	/** Takes the rule service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional RuleService newService) {
		service = newService;
	}

	/** Builds the part, empty until an alert is selected. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
		heading = new Label(parent, SWT.NONE);
		heading.setFont(JFaceResources.getBannerFont());
		heading.setText(Messages.Detail_none);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
		showEvents = new Button(parent, SWT.PUSH);
		showEvents.setText(Messages.Detail_showEvents);
		showEvents.setToolTipText(Messages.Detail_showEventsTip);
		showEvents.setEnabled(false);
		showEvents.addListener(SWT.Selection, event -> showEvents());
		tree = new Tree(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		tree.setHeaderVisible(true);
		tree.setToolTipText(Messages.Detail_keys);
		tree.addListener(SWT.KeyDown, event -> {
			if (event.keyCode == SWT.ESC) {
				// Back to the queue, so that triage goes on from the keyboard.
				parts.showPart(AlertQueuePart.ID, EPartService.PartState.ACTIVATE);
			}
		});
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tree);
		PromoteMenu.attach(tree, () -> alert != null);
		TreeColumn field = new TreeColumn(tree, SWT.LEFT);
		field.setText(Messages.Detail_field);
		field.setWidth(230);
		TreeColumn value = new TreeColumn(tree, SWT.LEFT);
		value.setText(Messages.Detail_value);
		value.setWidth(560);
	}

	/** Shows an alert that the queue selected, then reads its history and actions. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void show(@UIEventTopic(RulesTopics.ALERT_SELECTED) Alert selected) {
		if (tree == null || tree.isDisposed() || selected == null) {
			return;
		}
		alert = selected;
		fill(selected, null);
		if (selectionService != null) {
			selectionService.setSelection(new StructuredSelection(selected));
		}
		RuleService current = service;
		if (current == null) {
			return;
		}
		int ticket = generation.incrementAndGet();
		Background.run(Messages.Detail_loadJob, tree, monitor -> {
			Alert fresh = current.alerts().get(selected.id()).orElse(selected);
			return new Loaded(fresh, current.alerts().history(selected.id()));
		}, loaded -> {
			if (ticket == generation.get()) {
				alert = loaded.alert();
				fill(loaded.alert(), loaded.history());
			}
		}, e -> item(null, Messages.Detail_history, NLS.bind(Messages.Detail_loadFailed, Background.message(e))));
	}

	private record Loaded(Alert alert, List<AlertNote> history) {
	}

	private void fill(Alert shown, List<AlertNote> history) {
		AlertDraft draft = shown.draft();
		heading.setText(NLS.bind(Messages.Detail_heading, shown.id(), Labels.oneLine(draft.ruleTitle(), 80)));
		heading.requestLayout();
		showEvents.setEnabled(!draft.eventIds().isEmpty());
		tree.setRedraw(false);
		try {
			tree.removeAll();
			fields(shown);
			attack(draft);
			events(draft);
			actions(shown.actions());
			history(history);
		} finally {
			tree.setRedraw(true);
		}
	}

	private void fields(Alert shown) {
		AlertDraft draft = shown.draft();
		TreeItem section = item(null, Messages.Detail_alert, "");
		item(section, Messages.Detail_summary, draft.summary());
		item(section, Messages.Detail_severity, Labels.level(draft.severity()));
		item(section, Messages.Queue_status, Labels.status(shown.status()));
		item(section, Messages.Queue_disposition, Labels.disposition(shown.disposition()));
		item(section, Messages.Detail_assignee, shown.assignee());
		item(section, Messages.Queue_rule, NLS.bind(Messages.Detail_ruleValue,
				new Object[] { draft.ruleTitle(), draft.ruleId(), draft.ruleVersion() }));
		item(section, Messages.Detail_category, draft.category());
		item(section, Messages.Detail_time, Labels.time(draft.time()));
		item(section, Messages.Detail_raised, Labels.time(shown.raised()));
		item(section, Messages.Detail_window, Labels.time(draft.windowStart()) + " \u2013 " + Labels.time(draft.windowEnd()));
		item(section, Messages.Detail_eventCount, Long.toString(draft.eventCount()));
		if (!draft.groupField().isEmpty()) {
			item(section, Messages.Detail_group, draft.groupField() + " = " + draft.groupValue());
		}
		item(section, Messages.Detail_tags, String.join(", ", draft.tags()));
		item(section, Messages.Detail_key, draft.key());
		section.setExpanded(true);
	}

	private void attack(AlertDraft draft) {
		TreeItem section = item(null, Messages.Detail_attack, draft.attackIds().isEmpty() ? Messages.Detail_noneShort
				: String.join(", ", draft.attackIds()));
		for (String technique : draft.attackIds()) {
			item(section, technique, "https://attack.mitre.org/techniques/" + technique.replace('.', '/') + "/");
		}
	}

	private void events(AlertDraft draft) {
		TreeItem section = item(null, Messages.Detail_events,
				NLS.bind(Messages.Detail_eventsValue, draft.eventCount(), draft.eventIds().size()));
		for (String id : draft.eventIds()) {
			ObjectNode sample = sample(draft, id);
			List<String> matched = draft.matchedFields().getOrDefault(id, List.of());
			TreeItem event = item(section, id, sample == null ? String.join(", ", matched)
					: Labels.oneLine(text(sample, "summary"), 160));
			for (String path : matched) {
				item(event, path, sample == null ? Messages.Detail_matched : text(sample, path));
			}
		}
		section.setExpanded(draft.eventIds().size() <= 20);
	}

	private static ObjectNode sample(AlertDraft draft, String id) {
		for (ObjectNode sample : draft.samples()) {
			if (id.equals(text(sample, VIGIL_ID))) {
				return sample;
			}
		}
		return null;
	}

	private static String text(ObjectNode event, String path) {
		JsonNode node = StoredEvent.resolve(event, path);
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		return node.isValueNode() ? node.asText() : node.toString();
	}

	private void actions(List<ActionRun> runs) {
		TreeItem section = item(null, Messages.Detail_actions, Integer.toString(runs.size()));
		for (ActionRun run : runs) {
			TreeItem one = item(section, run.kind() + " \u2192 " + run.target(),
					(run.succeeded() ? Messages.Detail_succeeded : Messages.Detail_failed) + ": " + run.outcome());
			item(one, Messages.Detail_started, Labels.time(run.started()));
		}
		section.setExpanded(!runs.isEmpty());
	}

	private void history(List<AlertNote> notes) {
		if (notes == null) {
			item(null, Messages.Detail_history, Messages.Detail_loading);
			return;
		}
		TreeItem section = item(null, Messages.Detail_history, Integer.toString(notes.size()));
		for (AlertNote note : notes) {
			item(section, Labels.time(note.time()) + "  " + note.who(),
					note.change() + (note.comment().isEmpty() ? "" : " \u2014 " + note.comment()));
		}
		section.setExpanded(true);
	}

	private TreeItem item(TreeItem parent, String field, String value) {
		TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
		item.setText(0, field == null ? "" : field);
		item.setText(1, value == null ? "" : value);
		return item;
	}

	/** Opens the contributing events in Event Search, with the fields the rule matched on marked. */
	void showEvents() {
		Alert current = alert;
		if (current == null || current.draft().eventIds().isEmpty()) {
			return;
		}
		// Event Search needs room: it opens in its own perspective, where the part is large.
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window != null) {
			try {
				window.getWorkbench().showPerspective(ShowEvents.PERSPECTIVE_ID, window);
			} catch (WorkbenchException e) {
				ILog.of(getClass()).warn(e.getMessage(), e);
			}
		}
		// The broker reaches only a part that exists: show it first.
		parts.showPart(ShowEvents.PART_ID, EPartService.PartState.ACTIVATE);
		broker.send(ShowEvents.TOPIC, request(current.draft()));
	}

	/** Returns the Event Search request for an alert's events. */
	static ShowEvents request(AlertDraft draft) {
		List<String> ids = draft.eventIds().subList(0, Math.min(MAX_QUERY_IDS, draft.eventIds().size()));
		Set<String> fields = new LinkedHashSet<>();
		for (Map.Entry<String, List<String>> matched : draft.matchedFields().entrySet()) {
			fields.addAll(matched.getValue());
		}
		String from = draft.windowStart() == null ? null : draft.windowStart().minus(MARGIN).toString();
		String to = draft.windowEnd() == null ? null : draft.windowEnd().plus(MARGIN).toString();
		return new ShowEvents(ShowEvents.idQuery(ids), from, to, fields);
	}

	/** Gives the tree the focus. */
	@Focus
	public void focus() {
		if (tree != null && !tree.isDisposed()) {
			tree.setFocus();
		}
	}

	// Package-private views of the part, for the workbench tests.

	Alert alert() {
		return alert;
	}

	Tree tree() {
		return tree;
	}
}
