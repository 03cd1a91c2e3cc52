package io.vigil.events.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.vigil.events.search.QuerySyntaxException;

/**
 * The query bar: the query with its history, the time range (presets or From and To), and the
 * Search, Save and Export buttons. A query error shows below it, with the caret put where the
 * problem is.
 */
final class QueryBar {

	/** What the bar's buttons do. */
	interface Actions {
		/** Runs the search in the bar. */
		void search();

		/** Saves the search in the bar under a name. */
		void save();

		/** Exports the current matches. */
		void export();
	}

	private static final String HISTORY_KEY = "query.history";
	private static final int HISTORY_SIZE = 25;

	private final Composite control;
	private final Combo query;
	private final Combo range;
	private final Text from;
	private final Text to;
	private final Label error;
	private final List<Composite> customParts = new ArrayList<>();

	QueryBar(Composite parent, Actions actions) {
		control = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(7).margins(4, 4).spacing(6, 2).applyTo(control);

		query = new Combo(control, SWT.DROP_DOWN);
		query.setToolTipText(Messages.QueryBar_queryTip);
		query.setItems(history().toArray(String[]::new));
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(query);
		query.addListener(SWT.DefaultSelection, event -> actions.search());

		range = new Combo(control, SWT.READ_ONLY);
		TimeChoice.PRESETS.forEach(choice -> range.add(choice.label()));
		range.select(0);
		range.addListener(SWT.Selection, event -> {
			updateCustomVisibility();
			if (choice() != TimeChoice.CUSTOM) {
				actions.search();
			}
		});
		from = timeField(Messages.QueryBar_from, actions);
		to = timeField(Messages.QueryBar_to, actions);

		button(Messages.QueryBar_search, actions::search);
		button(Messages.QueryBar_save, actions::save);
		button(Messages.QueryBar_export, actions::export);

		error = new Label(control, SWT.WRAP);
		error.setForeground(control.getDisplay().getSystemColor(SWT.COLOR_RED));
		GridDataFactory.fillDefaults().span(7, 1).grab(true, false).exclude(true).applyTo(error);
		error.setVisible(false);
		updateCustomVisibility();
	}

	private Text timeField(String label, Actions actions) {
		Composite part = new Composite(control, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(3, 0).applyTo(part);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).applyTo(part);
		new Label(part, SWT.NONE).setText(label);
		Text text = new Text(part, SWT.BORDER);
		text.setMessage(Messages.QueryBar_timeHint);
		text.setToolTipText(Messages.QueryBar_timeTip);
		GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(text);
		text.addListener(SWT.DefaultSelection, event -> actions.search());
		customParts.add(part);
		return text;
	}

	private void button(String label, Runnable action) {
		Button button = new Button(control, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private void updateCustomVisibility() {
		boolean custom = choice() == TimeChoice.CUSTOM;
		for (Composite part : customParts) {
			part.setVisible(custom);
			((GridData) part.getLayoutData()).exclude = !custom;
		}
		control.requestLayout();
	}

	Composite control() {
		return control;
	}

	/** Returns the query text. */
	String query() {
		return query.getText().strip();
	}

	/** Sets the query text. */
	void setQuery(String text) {
		query.setText(text);
		query.setSelection(new Point(text.length(), text.length()));
	}

	/** Returns the chosen time range. */
	TimeChoice choice() {
		int index = range.getSelectionIndex();
		return TimeChoice.PRESETS.get(Math.max(0, index));
	}

	/** Returns the start of the range as typed, or {@code null}. */
	String fromExpression() {
		TimeChoice choice = choice();
		return choice == TimeChoice.CUSTOM ? blankToNull(from.getText()) : choice.from();
	}

	/** Returns the end of the range as typed, or {@code null}. */
	String toExpression() {
		TimeChoice choice = choice();
		return choice == TimeChoice.CUSTOM ? blankToNull(to.getText()) : choice.to();
	}

	/** Sets the time range from its expressions: a preset when one matches, else the custom fields. */
	void setRange(String fromText, String toText) {
		TimeChoice choice = TimeChoice.of(fromText, toText);
		range.select(TimeChoice.PRESETS.indexOf(choice));
		if (choice == TimeChoice.CUSTOM) {
			from.setText(fromText == null ? "" : fromText);
			to.setText(toText == null ? "" : toText);
		}
		updateCustomVisibility();
	}

	/** Shows a query error and puts the caret where it is. */
	void showError(QuerySyntaxException problem) {
		showError(NLS.bind(Messages.QueryBar_queryError, problem.position() + 1, problem.getMessage()));
		query.setFocus();
		query.setSelection(new Point(problem.position(), Math.min(problem.position() + 1, problem.query().length())));
	}

	/** Shows a problem under the bar. */
	void showError(String message) {
		error.setText(message);
		error.setVisible(true);
		((GridData) error.getLayoutData()).exclude = false;
		control.requestLayout();
	}

	/** Returns the problem shown, or an empty string. */
	String errorText() {
		return error.getVisible() ? error.getText() : "";
	}

	/** Hides the problem line. */
	void clearError() {
		error.setVisible(false);
		((GridData) error.getLayoutData()).exclude = true;
		control.requestLayout();
	}

	/** Adds the query to the history (most recent first) and keeps it in the preferences. */
	void remember(String text) {
		if (text.isBlank()) {
			return;
		}
		List<String> items = new ArrayList<>(List.of(query.getItems()));
		items.remove(text);
		items.add(0, text);
		while (items.size() > HISTORY_SIZE) {
			items.remove(items.size() - 1);
		}
		String current = query.getText();
		query.setItems(items.toArray(String[]::new));
		query.setText(current);
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(EventSearchPart.PREFERENCES);
		preferences.put(HISTORY_KEY, String.join("\n", items));
	}

	private static List<String> history() {
		String stored = InstanceScope.INSTANCE.getNode(EventSearchPart.PREFERENCES).get(HISTORY_KEY, "");
		return stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
