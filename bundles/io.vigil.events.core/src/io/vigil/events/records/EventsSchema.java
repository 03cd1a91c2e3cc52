package io.vigil.events.records;

import java.util.List;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;

/**
 * The event store's records in the workspace database: import runs and their inputs, the sources
 * events came from, saved searches and dashboards. The events themselves live in Lucene.
 */
public final class EventsSchema implements SchemaContribution {

	/** The component name in {@code VIGIL_SCHEMA}. */
	public static final String COMPONENT = "events";

	@Override
	public String component() {
		return COMPONENT;
	}

	@Override
	public List<SchemaMigration> migrations() {
		return List.of(SchemaMigration.sql(1, "import runs, sources, saved searches and dashboards",
				"CREATE TABLE EVENT_IMPORT (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
						+ " STARTED TIMESTAMP NOT NULL, FINISHED TIMESTAMP NOT NULL, ORIGIN VARCHAR(64) NOT NULL,"
						+ " STORED BIGINT NOT NULL, REJECTED BIGINT NOT NULL, REJECTS_FILE VARCHAR(4096),"
						+ " CANCELLED BOOLEAN NOT NULL)",
				"CREATE TABLE EVENT_IMPORT_INPUT (IMPORT_ID BIGINT NOT NULL REFERENCES EVENT_IMPORT (ID) ON DELETE CASCADE,"
						+ " NAME VARCHAR(4096) NOT NULL, FORMAT VARCHAR(32), EVENTS BIGINT NOT NULL,"
						+ " REJECTED BIGINT NOT NULL, OLDEST TIMESTAMP, NEWEST TIMESTAMP)",
				"CREATE TABLE EVENT_SOURCE (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
						+ " NAME_KEY CHAR(64) NOT NULL UNIQUE, KIND VARCHAR(32) NOT NULL, NAME VARCHAR(4096) NOT NULL,"
						+ " FORMAT VARCHAR(32), EVENTS BIGINT NOT NULL, FIRST_SEEN TIMESTAMP NOT NULL,"
						+ " LAST_SEEN TIMESTAMP NOT NULL, OLDEST_EVENT TIMESTAMP, NEWEST_EVENT TIMESTAMP)",
				"CREATE TABLE SAVED_SEARCH (NAME VARCHAR(256) NOT NULL PRIMARY KEY, QUERY_TEXT CLOB NOT NULL,"
						+ " TIME_FROM VARCHAR(64), TIME_TO VARCHAR(64), COLUMNS VARCHAR(4096),"
						+ " CREATED TIMESTAMP NOT NULL, UPDATED TIMESTAMP NOT NULL)",
				"CREATE TABLE DASHBOARD (NAME VARCHAR(256) NOT NULL PRIMARY KEY, TILES CLOB NOT NULL,"
						+ " UPDATED TIMESTAMP NOT NULL)"));
	}
}
