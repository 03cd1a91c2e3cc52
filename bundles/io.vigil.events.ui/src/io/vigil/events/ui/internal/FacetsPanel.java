package io.vigil.events.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

import io.vigil.events.store.FacetCount;

/**
 * The top values of chosen fields among the current matches. Clicking a value narrows the
 * search to it; fields are added from the fields of the result and removed with their x.
 */
final class FacetsPanel {

	private final ScrolledComposite scrolled;
	private final Composite content;
	private final Combo field;
	private final Composite sections;
	private final BiConsumer<String, String> valueClicked;
	private final Consumer<List<String>> fieldsChanged;
	private final List<String> fields = new ArrayList<>();

	/**
	 * Creates the panel.
	 *
	 * @param valueClicked receives a field and a value the user clicked
	 * @param fieldsChanged receives the fields after one was added or removed
	 */
	FacetsPanel(Composite parent, List<String> initial, BiConsumer<String, String> valueClicked,
			Consumer<List<String>> fieldsChanged) {
		this.valueClicked = valueClicked;
		this.fieldsChanged = fieldsChanged;
		fields.addAll(initial);
		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
		content = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(6, 6).spacing(4, 6).applyTo(content);
		Label title = new Label(content, SWT.NONE);
		title.setText(Messages.Facets_title);
		title.setFont(JFaceResources.getBannerFont());

		Composite add = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(add);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(add);
		field = new Combo(add, SWT.DROP_DOWN);
		field.setToolTipText(Messages.Facets_addTip);
		GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(field);
		field.addListener(SWT.DefaultSelection, event -> addField());
		Button button = new Button(add, SWT.PUSH);
		button.setText(Messages.Facets_add);
		button.addListener(SWT.Selection, event -> addField());

		sections = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().spacing(2, 8).applyTo(sections);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(sections);

		scrolled.setContent(content);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, event -> relayout());
	}

	Control control() {
		return scrolled;
	}

	/** Returns the facet fields. */
	List<String> fields() {
		return List.copyOf(fields);
	}

	/** Offers these fields in the add box. */
	void offer(List<String> available) {
		String typed = field.getText();
		field.setItems(available.toArray(String[]::new));
		field.setText(typed);
	}

	private void addField() {
		add(field.getText().strip());
		field.setText("");
	}

	/** Adds a facet field, unless it is there already. */
	void add(String name) {
		if (name.isEmpty() || fields.contains(name)) {
			return;
		}
		fields.add(name);
		fieldsChanged.accept(fields());
	}

	/** Shows the top values of each field. */
	void show(Map<String, List<FacetCount>> facets) {
		for (Control child : sections.getChildren()) {
			child.dispose();
		}
		for (String name : fields) {
			section(name, facets.getOrDefault(name, List.of()));
		}
		relayout();
	}

	private void section(String name, List<FacetCount> values) {
		Composite section = new Composite(sections, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(4, 1).applyTo(section);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(section);
		Label header = new Label(section, SWT.NONE);
		header.setText(name);
		header.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
		Link remove = new Link(section, SWT.NONE);
		remove.setText("<a>x</a>");
		remove.setToolTipText(Messages.Facets_remove);
		remove.addListener(SWT.Selection, event -> {
			fields.remove(name);
			fieldsChanged.accept(fields());
		});
		if (values.isEmpty()) {
			Label none = new Label(section, SWT.NONE);
			none.setText(Messages.Facets_none);
			GridDataFactory.fillDefaults().span(2, 1).applyTo(none);
		}
		for (FacetCount value : values) {
			Link link = new Link(section, SWT.NONE);
			link.setText("<a>" + escape(shorten(value.value())) + "</a>");
			link.setToolTipText(value.value());
			link.addListener(SWT.Selection, event -> valueClicked.accept(name, value.value()));
			GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(link);
			Label count = new Label(section, SWT.RIGHT);
			count.setText(String.format(Locale.ROOT, "%,d", value.count()));
		}
	}

	/** Returns the values shown for a field, for tests. */
	List<String> shownValues(String name) {
		List<String> values = new ArrayList<>();
		for (Control child : sections.getChildren()) {
			Control[] parts = ((Composite) child).getChildren();
			if (parts.length > 0 && parts[0] instanceof Label label && label.getText().equals(name)) {
				for (Control part : parts) {
					if (part instanceof Link link && !link.getText().equals("<a>x</a>")) {
						values.add(link.getToolTipText());
					}
				}
			}
		}
		return values;
	}

	private void relayout() {
		int width = scrolled.getClientArea().width;
		scrolled.setMinSize(content.computeSize(Math.max(width, 150), SWT.DEFAULT));
		content.layout(true, true);
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 39) + "…";
	}

	private static String escape(String value) {
		return value.replace("&", "&&").replace('<', '‹');
	}
}
