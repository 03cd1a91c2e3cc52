package io.vigil.events.store;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The field paths present in a snapshot and the forms each is indexed in, read from Lucene's
 * field infos. The query parser uses it to pick the right query for a field: a CIDR against an
 * address field, a range against a numeric one.
 */
public final class FieldCatalog {

	private final Set<String> names;
	private final Set<String> paths;
	private final Set<String> textFields;

	private FieldCatalog(Set<String> names) {
		this.names = names;
		Set<String> keywordPaths = new TreeSet<>();
		for (String name : names) {
			if (IndexFields.isKeywordPath(name)) {
				keywordPaths.add(name);
			}
		}
		this.paths = Collections.unmodifiableSet(keywordPaths);
		Set<String> text = new TreeSet<>();
		for (String name : names) {
			if (name.endsWith(IndexFields.TEXT_SUFFIX)) {
				text.add(name);
			}
		}
		this.textFields = Collections.unmodifiableSet(text);
	}

	/** Returns the Lucene names of every text form ({@code summary#t}, ...), sorted. */
	public Set<String> textFields() {
		return textFields;
	}

	/** Reads the catalog of a reader. */
	public static FieldCatalog of(IndexReader reader) {
		return new FieldCatalog(names(reader));
	}

	/** Returns the union of the catalogs of several readers, whose field names are cached. */
	static FieldCatalog union(List<Set<String>> fieldNames) {
		Set<String> names = new TreeSet<>();
		fieldNames.forEach(names::addAll);
		return new FieldCatalog(names);
	}

	/** Returns the field names of every segment of a reader. */
	static Set<String> names(IndexReader reader) {
		Set<String> names = new HashSet<>();
		for (LeafReaderContext leaf : reader.leaves()) {
			for (FieldInfo info : leaf.reader().getFieldInfos()) {
				names.add(info.name);
			}
		}
		return names;
	}

	/** Returns a catalog of the given Lucene field names, for tests. */
	public static FieldCatalog of(Set<String> fieldNames) {
		return new FieldCatalog(new TreeSet<>(fieldNames));
	}

	/** Returns every event field path, sorted. */
	public Set<String> paths() {
		return paths;
	}

	/** Returns whether any event has the path as a keyword (every leaf has one). */
	public boolean hasKeyword(String path) {
		return names.contains(path);
	}

	/** Returns whether any event has a string at the path. */
	public boolean hasText(String path) {
		return names.contains(IndexFields.text(path));
	}

	/** Returns whether any event has a number at the path. */
	public boolean hasNumber(String path) {
		return names.contains(IndexFields.number(path));
	}

	/** Returns whether any event has an IP address at the path. */
	public boolean hasIp(String path) {
		return names.contains(IndexFields.ip(path));
	}
}
