package io.vigil.events.ui.internal;

import java.sql.SQLException;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.vigil.events.EventWorkspace;
import io.vigil.events.records.SavedSearch;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The saved searches of the workspace: open one in Event Search with a double-click, or delete it. */
public final class SavedSearchesPart {

	/** The part's id. */
	public static final String ID = "io.vigil.events.ui.part.saved";

	private final EventWorkspace events;
	private final IEventBroker broker;
	private final EPartService parts;
	private Table table;
	private Label problem;

	/** Creates the part. */
	@Inject
	public SavedSearchesPart(@org.eclipse.e4.core.di.annotations.Optional EventWorkspace events, IEventBroker broker,
			EPartService parts) {
		this.events = events;
		this.broker = broker;
		this.parts = parts;
	}

	/** Builds the list. */
	@PostConstruct
	public void create(Composite parent) {
		GridLayoutFactory.fillDefaults().applyTo(parent);
		problem = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(problem);
		problem.setVisible(false);
		table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		column(Messages.Saved_name, 140);
		column(Messages.Saved_query, 260);
		column(Messages.Saved_range, 90);
		table.addListener(SWT.DefaultSelection, event -> open());
		Menu menu = new Menu(table);
		item(menu, Messages.Saved_open, this::open);
		item(menu, Messages.Saved_delete, this::delete);
		table.setMenu(menu);
		reload();
	}

	private void column(String text, int width) {
		TableColumn column = new TableColumn(table, SWT.LEFT);
		column.setText(text);
		column.setWidth(width);
	}

	private static void item(Menu menu, String text, Runnable action) {
		MenuItem item = new MenuItem(menu, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, event -> action.run());
	}

	/** Reloads the list when searches change. */
	@jakarta.inject.Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void changed(@UIEventTopic(UiTopics.SAVED_SEARCHES_CHANGED) Object name) {
		if (table != null && !table.isDisposed()) {
			reload();
		}
	}

	void reload() {
		table.removeAll();
		if (events == null) {
			showProblem(Messages.Search_noStore);
			return;
		}
		try {
			List<SavedSearch> searches = events.records().savedSearches();
			for (SavedSearch search : searches) {
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(new String[] { search.name(), search.query(), range(search) });
				item.setData(search);
			}
		} catch (SQLException e) {
			ILog.of(getClass()).error(Messages.Saved_readFailed, e);
			showProblem(NLS.bind(Messages.Saved_readFailedShown, e.getMessage()));
		}
	}

	private void showProblem(String text) {
		problem.setText(text);
		problem.setVisible(true);
		((org.eclipse.swt.layout.GridData) problem.getLayoutData()).exclude = false;
		problem.getParent().requestLayout();
	}

	private static String range(SavedSearch search) {
		if (search.from() == null && search.to() == null) {
			return Messages.Time_all;
		}
		return (search.from() == null ? "…" : search.from()) + " – " + (search.to() == null ? Messages.Saved_now : search.to());
	}

	private SavedSearch selected() {
		TableItem[] selection = table.getSelection();
		return selection.length == 1 ? (SavedSearch) selection[0].getData() : null;
	}

	/** Opens the selected search in Event Search. */
	void open() {
		SavedSearch search = selected();
		if (search == null) {
			return;
		}
		parts.showPart(EventSearchPart.ID, EPartService.PartState.ACTIVATE);
		broker.send(UiTopics.RUN_SEARCH, search);
	}

	private void delete() {
		SavedSearch search = selected();
		if (search == null || !MessageDialog.openConfirm(table.getShell(), Messages.Saved_deleteTitle,
				NLS.bind(Messages.Saved_deleteMessage, search.name()))) {
			return;
		}
		try {
			events.records().deleteSavedSearch(search.name());
			broker.post(UiTopics.SAVED_SEARCHES_CHANGED, search.name());
		} catch (SQLException e) {
			ILog.of(getClass()).error(Messages.Saved_deleteFailed, e);
			showProblem(NLS.bind(Messages.Saved_deleteFailedShown, e.getMessage()));
		}
	}

	/** Returns the names listed, for tests. */
	List<String> names() {
		return java.util.Arrays.stream(table.getItems()).map(item -> item.getText(0)).toList();
	}

	/** Selects a search by name, for tests. */
	void select(String name) {
		for (TableItem item : table.getItems()) {
			if (item.getText(0).equals(name)) {
				table.setSelection(item);
			}
		}
	}

	/** Gives the list the focus. */
	@Focus
	public void focus() {
		table.setFocus();
	}
}
