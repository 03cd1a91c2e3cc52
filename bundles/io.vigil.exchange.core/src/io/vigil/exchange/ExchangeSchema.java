package io.vigil.exchange;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/**
 * The exchange's records in the workspace database: for each object last exported or imported,
 * the hash of its content at that time (the base a later import compares both sides with to tell
 * an update from a conflict). Times are UTC timestamps.
 */
public final class ExchangeSchema implements SchemaContribution {

	/** The component name in {@code VIGIL_SCHEMA}. */
	public static final String COMPONENT = "exchange";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of(SchemaMigration.sql(1, "content hash of each object as last exchanged",
				"CREATE TABLE EXCHANGE_BASE (OBJECT_TYPE VARCHAR(64) NOT NULL, OBJECT_ID VARCHAR(512) NOT NULL,"
						+ " CONTENT_HASH CHAR(64) NOT NULL, DIRECTION VARCHAR(8) NOT NULL,"
						+ " BUNDLE_SHA256 CHAR(64) NOT NULL, EXCHANGED_AT TIMESTAMP NOT NULL,"
						+ " PRIMARY KEY (OBJECT_TYPE, OBJECT_ID))"));
	}
}
