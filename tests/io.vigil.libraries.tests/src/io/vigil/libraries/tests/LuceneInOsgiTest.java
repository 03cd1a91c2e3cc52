package io.vigil.libraries.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lucene finds codecs and analysis factories through {@code ServiceLoader} on lucene-core's class
 * loader. The other Lucene modules are wrapped as fragments of lucene-core, so their services
 * must be visible there: this test fails if the wrapping breaks that.
 */
class LuceneInOsgiTest {

	@TempDir
	Path temp;

	@Test
	void codecLookupSeesCoreAndBackwardCodecs() {
		Set<String> codecs = Codec.availableCodecs();

		assertTrue(codecs.contains(Codec.getDefault().getName()), codecs.toString());
		boolean backward = codecs.stream().map(Codec::forName)
				.anyMatch(codec -> codec.getClass().getPackageName().startsWith("org.apache.lucene.backward_codecs"));
		assertTrue(backward, "no codec from lucene-backward-codecs in " + codecs);
	}

	@Test
	void analysisFactoriesFromTheAnalysisModuleAreFound() {
		Set<String> tokenizers = TokenizerFactory.availableTokenizers();

		assertTrue(tokenizers.contains("standard"), tokenizers.toString());
		assertTrue(tokenizers.contains("whitespace"), "analysis-common is not visible: " + tokenizers);
	}

	@Test
	void indexWrittenToDiskIsReadBackAndSearched() throws Exception {
		FacetsConfig facets = new FacetsConfig();
		try (Directory directory = FSDirectory.open(temp.resolve("index"))) {
			write(directory, facets);

			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				QueryParser parser = new QueryParser("summary", new EnglishAnalyzer());
				TopDocs hits = searcher.search(parser.parse("summary:(login AND failures)"), 10);
				assertEquals(1, hits.totalHits.value());
				assertEquals("e1", searcher.storedFields().document(hits.scoreDocs[0].doc).get("id"));

				FacetsCollector collector = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
				SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
						new DefaultSortedSetDocValuesReaderState(reader, facets), collector);
				FacetResult top = counts.getTopChildren(10, "category");
				assertEquals(2, top.childCount);
				assertEquals("authentication", top.labelValues[0].label);
				assertEquals(2, top.labelValues[0].value.intValue());
			}
		}
	}

	private static void write(Directory directory, FacetsConfig facets) throws IOException {
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()))) {
			writer.addDocument(facets.build(event("e1", "authentication", "repeated login failures for root")));
			writer.addDocument(facets.build(event("e2", "authentication", "successful login for alice")));
			writer.addDocument(facets.build(event("e3", "network", "port scan failures detected")));
			writer.commit();
		}
	}

	private static Document event(String id, String category, String summary) {
		Document document = new Document();
		document.add(new StringField("id", id, Field.Store.YES));
		document.add(new StringField("category", category, Field.Store.YES));
		document.add(new TextField("summary", summary, Field.Store.YES));
		document.add(new SortedSetDocValuesFacetField("category", category));
		return document;
	}
}
