package io.vigil.incidents.ui.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

import io.vigil.events.ui.ShowEvents;
import io.vigil.incidents.EntryMark;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentService;
import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.Lane;
import io.vigil.incidents.timeline.LaneKey;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.incidents.timeline.TimelineExport;
import io.vigil.incidents.timeline.TimelineViewport;
import io.vigil.rules.RuleService;
import io.vigil.rules.alerts.Alert;
import io.vigil.ui.Background;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The opened incident's timeline: its entries in swim lanes by host, user or source, on a time
 * axis the analyst zooms and pans (see {@link TimelineCanvas}). Toggle buttons filter by kind;
 * S stars the selected entry, T tags and comments it (kept through the store's marks); Enter or a
 * double-click opens it where it came from. Exports what is shown as PNG, CSV or JSON lines.
 * The model is read once per incident on a job; paints only ask it for the visible range.
 */
public final class IncidentTimelineView {

	/** The part's id. */
	public static final String ID = "io.vigil.incidents.ui.part.timeline";
	/** The Alert Rules UI's topic and part for showing one alert; its data is an {@code Alert}. */
	static final String ALERT_SELECTED_TOPIC = "io/vigil/rules/ui/alert/selected";
	static final String ALERT_DETAIL_PART = "io.vigil.rules.ui.part.detail";
	static final String ALERT_PERSPECTIVE = "io.vigil.rules.ui.perspective";
	/** How far around an event Event Search looks. */
	private static final Duration EVENT_MARGIN = Duration.ofHours(1);
	private static final int PNG_WIDTH = 1600;

	private final IEventBroker broker;
	private final EPartService parts;
	private final AtomicInteger generation = new AtomicInteger();
	private volatile IncidentService service;
	private volatile RuleService rules;

	private Label heading;
	private Combo laneKey;
	private final Map<EntryKind, Button> kindButtons = new EnumMap<>(EntryKind.class);
	private TimelineCanvas canvas;
	private Label details;
	private String incidentId;
	private Timeline timeline;
	private Timeline shown;
	private TimelineViewport viewport;
	private TimelineEntry selected;

	/** Creates the part. */
	@Inject
	public IncidentTimelineView(IEventBroker broker, EPartService parts) {
		this.broker = broker;
		this.parts = parts;
	}

	/** Takes the incident service when it comes, and drops it when it goes. */
	@Inject
	void service(@org.eclipse.e4.core.di.annotations.Optional IncidentService newService) {
		service = newService;
	}

	/** Takes the rule service, for opening alerts, when it comes. */
	@Inject
	void rules(@org.eclipse.e4.core.di.annotations.Optional RuleService newRules) {
		rules = newRules;
	}

	/** Builds the part, empty until an incident is opened. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
		toolbar(parent);
		canvas = new TimelineCanvas(parent, this::selected, this::openOrigin);
		canvas.control().setToolTipText(Messages.Timeline_keys);
		canvas.control().addListener(SWT.KeyDown, event -> {
			if (event.character == 's' || event.character == 'S') {
				toggleStar();
			} else if (event.character == 't' || event.character == 'T') {
				editMarks();
			} else if (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR) {
				openOrigin(selected);
			}
		});
		GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas.control());
		details = new Label(parent, SWT.WRAP);
		details.setText(Messages.Timeline_noSelection);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 36).applyTo(details);
	}

	private void toolbar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(9).spacing(3, 0).applyTo(bar);
		heading = new Label(bar, SWT.NONE);
		heading.setText(Messages.Timeline_none);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
		new Label(bar, SWT.NONE).setText(Messages.Timeline_lanes);
		laneKey = new Combo(bar, SWT.READ_ONLY);
		for (LaneKey key : LaneKey.values()) {
			laneKey.add(Labels.words(key));
		}
		laneKey.select(0);
		laneKey.addListener(SWT.Selection, event -> relayout());
		button(bar, Messages.Timeline_fit, () -> {
			if (viewport != null) {
				viewport.fitAll();
				canvas.requestRedraw();
			}
		});
		button(bar, Messages.Timeline_star, this::toggleStar);
		button(bar, Messages.Timeline_mark, this::editMarks);
		button(bar, Messages.Timeline_png, this::exportPng);
		button(bar, Messages.Timeline_csv, () -> exportText(false));
		button(bar, Messages.Timeline_json, () -> exportText(true));
		kinds(parent);
	}

	private void kinds(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(2 + EntryKind.values().length).spacing(3, 0).applyTo(bar);
		new Label(bar, SWT.NONE).setText(Messages.Timeline_show);
		for (EntryKind kind : EntryKind.values()) {
			Button toggle = new Button(bar, SWT.TOGGLE);
			toggle.setText(Labels.words(kind));
			toggle.setForeground(TimelinePainter.color(kind));
			toggle.setSelection(true);
			toggle.setToolTipText(NLS.bind(Messages.Timeline_kindTip, Labels.words(kind)));
			toggle.addListener(SWT.Selection, event -> relayout());
			kindButtons.put(kind, toggle);
		}
		Label legend = new Label(bar, SWT.NONE);
		legend.setText(Messages.Timeline_axes);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(legend);
	}

	private static void button(Composite bar, String text, Runnable action) {
		Button button = new Button(bar, SWT.PUSH);
		button.setText(text);
		button.addListener(SWT.Selection, event -> action.run());
	}

	// ---- the model

	/** Opens an incident's timeline that the list asked for, read on a job. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void open(@UIEventTopic(IncidentsTopics.OPEN) String id) {
		if (canvas == null || canvas.control().isDisposed() || id == null) {
			return;
		}
		load(id, true);
	}

	/** Reads the timeline again when the opened incident changed (a note, a task, a state). */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void changed(@UIEventTopic(IncidentsTopics.CHANGED) String id) {
		if (canvas != null && !canvas.control().isDisposed() && id != null && id.equals(incidentId)) {
			load(id, false);
		}
	}

	private void load(String id, boolean fit) {
		IncidentService current = service;
		if (current == null) {
			heading.setText(Messages.List_noService);
			return;
		}
		int ticket = generation.incrementAndGet();
		Background.run(Messages.Timeline_loadJob, canvas.control(), monitor -> {
			Incident incident = current.store().require(id);
			return new Loaded(incident, Timeline.of(incident));
		}, loaded -> {
			if (ticket == generation.get()) {
				show(loaded, fit || !id.equals(incidentId));
			}
		}, e -> heading.setText(NLS.bind(Messages.Timeline_loadFailed, Background.message(e))));
	}

	private record Loaded(Incident incident, Timeline timeline) {
	}

	private void show(Loaded loaded, boolean fit) {
		incidentId = loaded.incident().id();
		timeline = loaded.timeline();
		heading.setText(NLS.bind(Messages.Timeline_heading,
				new Object[] { incidentId, Labels.oneLine(loaded.incident().title(), 60), timeline.size() }));
		heading.requestLayout();
		int width = Math.max(1, canvas.control().getClientArea().width - TimelinePainter.NAMES_WIDTH);
		if (fit || viewport == null) {
			viewport = TimelineViewport.of(timeline, width);
			viewport.setLanes(TimelinePainter.RULER_HEIGHT, TimelinePainter.LANE_HEIGHT);
		}
		if (selected != null) {
			selected = timeline.find(selected.key()).orElse(null);
		}
		relayout();
	}

	/** Applies the kind filter and lane key to the timeline, and shows the lanes. */
	private void relayout() {
		if (timeline == null) {
			return;
		}
		Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
		kindButtons.forEach((kind, button) -> {
			if (button.getSelection()) {
				kinds.add(kind);
			}
		});
		// The core reads an empty set as every kind: with all toggled off, show nothing.
		shown = kinds.isEmpty() ? Timeline.of(List.of()) : timeline.filter(kinds, "");
		List<Lane> lanes = shown.lanes(LaneKey.values()[laneKey.getSelectionIndex()]);
		canvas.show(viewport, lanes);
		canvas.select(selected == null ? null : selected.key());
		describe(selected);
	}

	// ---- selection and marks

	private void selected(TimelineEntry entry) {
		selected = entry;
		describe(entry);
	}

	private void describe(TimelineEntry entry) {
		if (entry == null) {
			details.setText(Messages.Timeline_noSelection);
			return;
		}
		String marks = (entry.starred() ? "\u2605 " : "") + String.join(", ", entry.tags())
				+ (entry.comment().isEmpty() ? "" : " \u2014 " + entry.comment());
		details.setText(NLS.bind(Messages.Timeline_details, new Object[] { Labels.words(entry.kind()),
				TimelineRuler.full(entry.occurred()), TimelineRuler.full(entry.discovered()), entry.title(),
				lanesOf(entry), entry.originKind() + " " + entry.originId(), marks }));
	}

	private static String lanesOf(TimelineEntry entry) {
		return String.join(" / ", entry.host().isEmpty() ? "-" : entry.host(),
				entry.user().isEmpty() ? "-" : entry.user(), entry.source().isEmpty() ? "-" : entry.source());
	}

	/** Stars or unstars the selected entry. */
	void toggleStar() {
		if (selected != null) {
			mark(new EntryMark(selected.key(), !selected.starred(), selected.tags(), selected.comment(), Instant.now()));
		}
	}

	private void editMarks() {
		if (selected == null) {
			return;
		}
		MarkDialog dialog = new MarkDialog(canvas.control().getShell(), selected);
		if (dialog.open() == Window.OK) {
			mark(new EntryMark(selected.key(), selected.starred(), dialog.tags(), dialog.comment(), Instant.now()));
		}
	}

	/**
	 * Stores marks on a job; once stored, merges them into the timeline shown (without reading the
	 * incident again) and tells the other parts.
	 */
	void mark(EntryMark mark) {
		IncidentService current = service;
		String id = incidentId;
		if (current == null || id == null) {
			return;
		}
		Background.run(Messages.Timeline_markJob, canvas.control(), monitor -> {
			current.store().mark(id, mark);
			return mark;
		}, stored -> {
			if (id.equals(incidentId)) {
				timeline = timeline.withMarks(List.of(stored));
				selected = selected == null ? null : timeline.find(selected.key()).orElse(null);
				relayout();
			}
		}, e -> details.setText(NLS.bind(Messages.Timeline_markFailed, Background.message(e))));
	}

	// ---- opening entries where they came from

	/** Opens an entry where it came from: an event in Event Search, an alert in Alert Detail. */
	void openOrigin(TimelineEntry entry) {
		if (entry == null) {
			return;
		}
		switch (entry.originKind()) {
			case "event" -> showEvent(entry);
			case "alert" -> showAlert(entry);
			default -> {
				// Notes, tasks, evidence and state changes live in the incident itself.
				IncidentListPart.open(parts, broker, incidentId);
			}
		}
	}

	private void showEvent(TimelineEntry entry) {
		perspective(ShowEvents.PERSPECTIVE_ID);
		parts.showPart(ShowEvents.PART_ID, EPartService.PartState.ACTIVATE);
		broker.send(ShowEvents.TOPIC, new ShowEvents(ShowEvents.idQuery(List.of(entry.originId())),
				entry.occurred().minus(EVENT_MARGIN).toString(), entry.occurred().plus(EVENT_MARGIN).toString(),
				Set.of()));
	}

	private void showAlert(TimelineEntry entry) {
		RuleService current = rules;
		long alertId;
		try {
			alertId = Long.parseLong(entry.originId());
		} catch (NumberFormatException e) {
			details.setText(NLS.bind(Messages.Timeline_noAlert, entry.originId()));
			return;
		}
		if (current == null) {
			details.setText(NLS.bind(Messages.Timeline_noAlert, entry.originId()));
			return;
		}
		Background.run(Messages.Timeline_alertJob, canvas.control(), monitor -> current.alerts().get(alertId),
				alert -> alert.ifPresentOrElse(this::showAlert,
						() -> details.setText(NLS.bind(Messages.Timeline_noAlert, entry.originId()))),
				e -> details.setText(NLS.bind(Messages.Timeline_noAlert, entry.originId())));
	}

	private void showAlert(Alert alert) {
		perspective(ALERT_PERSPECTIVE);
		parts.showPart(ALERT_DETAIL_PART, EPartService.PartState.ACTIVATE);
		broker.send(ALERT_SELECTED_TOPIC, alert);
	}

	private void perspective(String id) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window != null && window.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(id) != null) {
			try {
				window.getWorkbench().showPerspective(id, window);
			} catch (WorkbenchException e) {
				ILog.of(getClass()).warn(e.getMessage(), e);
			}
		}
	}

	// ---- exports

	/** Draws every lane of what is shown, over the visible time range, into a PNG image data. */
	ImageData image() {
		TimelineViewport range = new TimelineViewport(viewport.start(), viewport.end(),
				PNG_WIDTH - TimelinePainter.NAMES_WIDTH);
		range.show(viewport.start(), viewport.end());
		Point size = TimelinePainter.size(PNG_WIDTH, canvas.lanes().size());
		Image image = new Image(canvas.control().getDisplay(), size.x, size.y);
		GC gc = new GC(image);
		try {
			TimelinePainter.paint(gc, new Rectangle(0, 0, size.x, size.y), range, canvas.lanes(), 0,
					selected == null ? null : selected.key());
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	private void exportPng() {
		if (viewport == null) {
			return;
		}
		Path file = saveAs("*.png", "timeline.png");
		if (file != null) {
			exportPng(file);
		}
	}

	/** Draws the PNG on the UI thread and writes it on a job. */
	Job exportPng(Path file) {
		ImageData data = image();
		return Background.run(Messages.Timeline_exportJob, canvas.control(), monitor -> {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		}, this::exported, this::exportFailed);
	}

	private void exportText(boolean json) {
		if (shown == null) {
			return;
		}
		Path file = saveAs(json ? "*.jsonl" : "*.csv", json ? "timeline.jsonl" : "timeline.csv");
		if (file != null) {
			exportText(file, json);
		}
	}

	/** Writes the entries shown (all lanes, filtered by kind) as CSV or JSON lines on a job. */
	Job exportText(Path file, boolean json) {
		List<TimelineEntry> entries = shown.entries();
		return Background.run(Messages.Timeline_exportJob, canvas.control(), monitor -> {
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				if (json) {
					TimelineExport.jsonLines(entries, out);
				} else {
					TimelineExport.csv(entries, out);
				}
			} catch (IOException e) {
				throw new IOException("cannot write the timeline to " + file + ": " + e.getMessage(), e);
			}
			return file;
		}, this::exported, this::exportFailed);
	}

	private Path saveAs(String extension, String name) {
		FileDialog dialog = new FileDialog(canvas.control().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { extension });
		dialog.setFileName(name);
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}

	private void exported(Path file) {
		details.setText(NLS.bind(Messages.Timeline_exported, file));
	}

	private void exportFailed(Exception e) {
		details.setText(NLS.bind(Messages.Timeline_exportFailed, Background.message(e)));
	}

	/** Gives the canvas the focus. */
	@Focus
	public void focus() {
		if (canvas != null && !canvas.control().isDisposed()) {
			canvas.control().setFocus();
		}
	}

	// Package-private views of the part, for the workbench tests.

	TimelineCanvas canvas() {
		return canvas;
	}

	Timeline timeline() {
		return timeline;
	}

	String incidentId() {
		return incidentId;
	}

	TimelineEntry selectedEntry() {
		return selected;
	}

	void select(TimelineEntry entry) {
		selected(entry);
		canvas.select(entry == null ? null : entry.key());
	}

	Map<EntryKind, Button> kindButtons() {
		return kindButtons;
	}
}
