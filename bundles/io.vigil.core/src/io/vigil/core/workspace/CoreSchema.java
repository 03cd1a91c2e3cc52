package io.vigil.core.workspace;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/** The workspace's own tables: its properties and the history of who opened it. */
final class CoreSchema implements SchemaContribution {

	static final String COMPONENT = "core";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of(
				SchemaMigration.sql(1, "workspace properties",
						"CREATE TABLE WORKSPACE_PROPERTY (NAME VARCHAR(128) NOT NULL PRIMARY KEY,"
								+ " PROPERTY_VALUE VARCHAR(4096) NOT NULL)"),
				SchemaMigration.sql(2, "history of workspace opens",
						"CREATE TABLE WORKSPACE_OPEN (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
								+ " OPENED_AT TIMESTAMP NOT NULL, VIGIL_VERSION VARCHAR(64) NOT NULL,"
								+ " PURPOSE VARCHAR(256) NOT NULL)"));
	}
}
