package io.vigil.core.store;

import java.util.List;

/**
 * The database schema of one Vigil component (the workspace core, the event store, the rules,
 * ...), as an ordered list of migrations. A component keeps every migration it ever shipped, so
 * that any older workspace can be brought up to date.
 */
public interface SchemaContribution {

	/** Returns the component's name, unique in Vigil and never changed, such as {@code core}. */
	String component();

	/** Returns the migrations, with versions 1, 2, 3, ... in order and without gaps. */
	List<SchemaMigration> migrations();

	/** Returns the version the latest migration produces. */
	default int latestVersion() {
		List<SchemaMigration> all = migrations();
		return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
	}
}
