package io.vigil.rules.alerts;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/** The alerts' records in the workspace database. */
public final class AlertsSchema implements SchemaContribution {

	/** The component name in {@code VIGIL_SCHEMA}. */
	public static final String COMPONENT = "alerts";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of();
	}
}
