package io.vigil.events.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.events.store.StoredEvent;

/**
 * The whole of one event: as a tree of fields and values, and as JSON. Right-clicking a field in
 * the tree offers to search for its value, to exclude it, or to show it as a column. Fields another
 * part asked to highlight (those a rule matched on) are marked in bold on a yellow background.
 */
final class EventDetail {

	private static final String MARK = "io.vigil.events.ui.marked";

	private final CTabFolder folder;
	private final Tree tree;
	private final StyledText json;
	private final Font bold;
	private final Color marked;
	private Set<String> highlighted = Set.of();
	private StoredEvent shown;

	/**
	 * Creates the detail pane.
	 *
	 * @param menu receives a field path and the screen point when a field's menu is asked for
	 */
	EventDetail(Composite parent, BiConsumer<String, Point> menu) {
		folder = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		tree = new Tree(folder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.setHeaderVisible(true);
		bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		marked = new Color(255, 236, 153);
		tree.addListener(SWT.Dispose, event -> marked.dispose());
		TreeColumn field = new TreeColumn(tree, SWT.LEFT);
		field.setText(Messages.Detail_field);
		field.setWidth(260);
		TreeColumn value = new TreeColumn(tree, SWT.LEFT);
		value.setText(Messages.Detail_value);
		value.setWidth(700);
		tree.addListener(SWT.MenuDetect, event -> {
			TreeItem[] selected = tree.getSelection();
			if (selected.length == 1 && selected[0].getData() instanceof String path) {
				menu.accept(path, new Point(event.x, event.y));
			}
		});
		CTabItem treeTab = new CTabItem(folder, SWT.NONE);
		treeTab.setText(Messages.Detail_fields);
		treeTab.setControl(tree);

		json = new StyledText(folder, SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		json.setFont(JFaceResources.getTextFont());
		CTabItem jsonTab = new CTabItem(folder, SWT.NONE);
		jsonTab.setText(Messages.Detail_json);
		jsonTab.setControl(json);
		folder.setSelection(treeTab);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(folder);
	}

	Composite control() {
		return folder;
	}

	/** Shows an event, or nothing for {@code null}. */
	void show(StoredEvent event) {
		shown = event;
		tree.setRedraw(false);
		try {
			tree.removeAll();
			if (event != null) {
				fill(null, event.json(), "");
			}
		} finally {
			tree.setRedraw(true);
		}
		json.setText(event == null ? "" : event.prettyJson());
	}

	/** Marks these field paths whenever an event is shown (until other fields are asked for). */
	void highlight(Set<String> paths) {
		highlighted = Set.copyOf(paths);
		show(shown);
	}

	/** Returns the paths of the fields marked in the tree now. */
	List<String> markedFields() {
		List<String> found = new ArrayList<>();
		collectMarked(tree.getItems(), found);
		return found;
	}

	private static void collectMarked(TreeItem[] items, List<String> found) {
		for (TreeItem item : items) {
			if (item.getData(MARK) != null) {
				found.add((String) item.getData());
			}
			collectMarked(item.getItems(), found);
		}
	}

	/** Returns the event shown, or {@code null}. */
	StoredEvent shown() {
		return shown;
	}

	/** Returns the JSON text shown. */
	String jsonText() {
		return json.getText();
	}

	/** Returns the tree's top-level field names. */
	String[] topLevelFields() {
		TreeItem[] items = tree.getItems();
		String[] names = new String[items.length];
		for (int i = 0; i < items.length; i++) {
			names[i] = items[i].getText(0);
		}
		return names;
	}

	private void fill(TreeItem parent, JsonNode node, String prefix) {
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			String path = prefix.isEmpty() ? member.getKey() : prefix + '.' + member.getKey();
			TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
			item.setText(0, member.getKey());
			JsonNode value = member.getValue();
			if (value.isObject()) {
				fill(item, value, path);
				item.setExpanded(true);
			} else {
				item.setText(1, value.isValueNode() ? value.asText() : value.toString());
				item.setData(path);
				if (highlighted.contains(path)) {
					item.setData(MARK, Boolean.TRUE);
					item.setFont(bold);
					item.setBackground(marked);
				}
			}
		}
	}
}
