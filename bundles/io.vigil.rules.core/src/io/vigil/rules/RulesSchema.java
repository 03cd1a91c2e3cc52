package io.vigil.rules;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/** The rule library's records in the workspace database. */
public final class RulesSchema implements SchemaContribution {

	/** The component name in {@code VIGIL_SCHEMA}. */
	public static final String COMPONENT = "rules";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of(SchemaMigration.sql(1, "the rule library",
				"CREATE TABLE RULE_DEFINITION (ID VARCHAR(128) NOT NULL PRIMARY KEY, TITLE VARCHAR(1024) NOT NULL,"
						+ " KIND VARCHAR(16) NOT NULL, RULE_LEVEL VARCHAR(16) NOT NULL, STATUS VARCHAR(32) NOT NULL,"
						+ " ENABLED BOOLEAN NOT NULL, VERSION INTEGER NOT NULL, FILE_NAME VARCHAR(4096) NOT NULL,"
						+ " RULE_TEXT CLOB NOT NULL, PROBLEMS CLOB NOT NULL, UNMAPPED VARCHAR(1024) NOT NULL,"
						+ " UPDATED TIMESTAMP NOT NULL)"));
	}
}
