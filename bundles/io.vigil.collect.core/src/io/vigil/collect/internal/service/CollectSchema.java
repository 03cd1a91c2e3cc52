package io.vigil.collect.internal.service;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/**
 * The collectors' records in the workspace database: the workbench's collector connections,
 * without their secrets, which live in secure storage.
 */
public final class CollectSchema implements SchemaContribution {

	/** The component name in {@code VIGIL_SCHEMA}. */
	public static final String COMPONENT = "collect";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of(SchemaMigration.sql(1, "collector connections",
				"CREATE TABLE COLLECTOR_CONNECTION (ID VARCHAR(64) NOT NULL PRIMARY KEY,"
						+ " NAME VARCHAR(256) NOT NULL UNIQUE, URI VARCHAR(4096) NOT NULL, VIRTUAL_HOST VARCHAR(256),"
						+ " USERNAME VARCHAR(256), TRUST_STORE VARCHAR(4096), QUEUE_NAME VARCHAR(256) NOT NULL,"
						+ " BINDINGS CLOB NOT NULL, SILENCE_SECONDS BIGINT NOT NULL, ENABLED BOOLEAN NOT NULL,"
						+ " UPDATED TIMESTAMP NOT NULL)"));
	}
}
