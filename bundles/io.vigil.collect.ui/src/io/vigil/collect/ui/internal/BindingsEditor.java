package io.vigil.collect.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import io.vigil.collect.amqp.AmqpSettings;

/** The exchanges and routing keys a connection's queue is bound to, edited in place in a table. */
final class BindingsEditor {

	private static final String[] TYPES = { "direct", "topic", "fanout", "headers" };

	/** One binding being edited. */
	static final class Row {
		String exchange;
		String type;
		String routingKey;

		Row(AmqpSettings.Binding binding) {
			exchange = binding.exchange();
			type = binding.type();
			routingKey = binding.routingKey();
		}
	}

	private final List<Row> rows = new ArrayList<>();
	private final TableViewer viewer;

	BindingsEditor(Composite parent, List<AmqpSettings.Binding> bindings) {
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(area);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(area);
		viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, table.getItemHeight() * 5).applyTo(table);
		textColumn(Messages.Binding_exchange, 150, row -> row.exchange, (row, value) -> row.exchange = value);
		typeColumn();
		textColumn(Messages.Binding_routingKey, 150, row -> row.routingKey, (row, value) -> row.routingKey = value);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Composite buttons = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		button(buttons, Messages.Binding_add, () -> {
			rows.add(new Row(new AmqpSettings.Binding("", "topic", "#")));
			viewer.refresh();
			viewer.editElement(rows.get(rows.size() - 1), 0);
		});
		button(buttons, Messages.Binding_remove, () -> {
			Object selected = viewer.getStructuredSelection().getFirstElement();
			rows.remove(selected);
			viewer.refresh();
		});
		button(buttons, Messages.Binding_defaults, () -> set(AmqpSettings.DEFAULT_BINDINGS));
		set(bindings);
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().applyTo(button);
		button.addListener(SWT.Selection, event -> action.run());
	}

	private void textColumn(String title, int width, Function<Row, String> get, BiConsumer<Row, String> set) {
		TableViewerColumn column = column(title, width, get);
		column.setEditingSupport(new EditingSupport(viewer) {
			@Override
			protected CellEditor getCellEditor(Object element) {
				return new TextCellEditor(viewer.getTable());
			}

			@Override
			protected boolean canEdit(Object element) {
				return true;
			}

			@Override
			protected Object getValue(Object element) {
				return get.apply((Row) element);
			}

			@Override
			protected void setValue(Object element, Object value) {
				set.accept((Row) element, String.valueOf(value).strip());
				viewer.update(element, null);
			}
		});
	}

	private void typeColumn() {
		TableViewerColumn column = column(Messages.Binding_type, 90, row -> row.type);
		column.setEditingSupport(new EditingSupport(viewer) {
			@Override
			protected CellEditor getCellEditor(Object element) {
				return new ComboBoxCellEditor(viewer.getTable(), TYPES, SWT.READ_ONLY);
			}

			@Override
			protected boolean canEdit(Object element) {
				return true;
			}

			@Override
			protected Object getValue(Object element) {
				return Math.max(0, List.of(TYPES).indexOf(((Row) element).type));
			}

			@Override
			protected void setValue(Object element, Object value) {
				((Row) element).type = TYPES[(Integer) value];
				viewer.update(element, null);
			}
		});
	}

	private TableViewerColumn column(String title, int width, Function<Row, String> get) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return get.apply((Row) element);
			}
		});
		return column;
	}

	/** Shows these bindings. */
	void set(List<AmqpSettings.Binding> bindings) {
		rows.clear();
		bindings.forEach(binding -> rows.add(new Row(binding)));
		viewer.setInput(rows);
	}

	/**
	 * Returns the bindings.
	 *
	 * @throws IllegalArgumentException with a message to show, if one has no exchange
	 */
	List<AmqpSettings.Binding> bindings() {
		List<AmqpSettings.Binding> bindings = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.exchange == null || row.exchange.isBlank()) {
				throw new IllegalArgumentException(NLS.bind(Messages.Binding_noExchange, i + 1));
			}
			bindings.add(new AmqpSettings.Binding(row.exchange, row.type, row.routingKey == null ? "" : row.routingKey));
		}
		return bindings;
	}
}
