package io.vigil.events.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.core.runtime.NullProgressMonitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.Normalizer;
import io.vigil.events.TimeRange;
import io.vigil.events.Timestamps;
import io.vigil.events.ingest.IngestReport;
import io.vigil.events.ingest.Ingester;
import io.vigil.events.internal.read.JsonSupport;
import io.vigil.events.search.EventQueryParser;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.EventIds;
import io.vigil.events.store.EventStore;
import io.vigil.events.store.IndexFields;
import io.vigil.events.store.StoreSnapshot;

/**
 * Measures Vigil's event store against bare Lucene on the same machine in the same run: ingest
 * through Vigil's whole path against an {@link IndexWriter} indexing the same prepared documents,
 * a fixed set of searches through Vigil against the equivalent {@link IndexSearcher} calls, and
 * how soon an event becomes searchable during continuous ingest.
 */
public final class EventBenchmark {

	private static final Sort NEWEST = new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG, true));
	private static final int PREPARED_BATCH = 20_000;
	private static final int PAGE = 20;
	private static final int WARM_UP_RUNS = 50;
	private static final int ROUNDS = 6;

	/**
	 * What to measure.
	 *
	 * @param events how many events to generate
	 * @param seed the generator's seed
	 * @param runs how many times each search runs (after five warm-up runs)
	 * @param work an empty folder for the generated file, the workspace and the bare index
	 * @param freshnessFor how long the freshness measurement runs
	 * @param threads Vigil's ingest worker threads
	 */
	public record Settings(long events, long seed, int runs, Path work, Duration freshnessFor, int threads) {
	}

	/** Latencies of one search, in milliseconds. */
	public record Latency(String name, double vigilMedian, double vigilP99, double bareMedian, double bareP99) {

		/** Returns Vigil's median over bare Lucene's. */
		public double ratio() {
			return vigilMedian / bareMedian;
		}
	}

	/**
	 * The measurements.
	 *
	 * @param events events ingested
	 * @param vigilRate Vigil's ingest rate, events per second
	 * @param bareRate bare Lucene's indexing rate, events per second
	 * @param searches the searches' latencies
	 * @param freshnessMedian the median delay until an event was searchable, milliseconds
	 * @param freshnessP99 the 99th percentile of that delay, milliseconds
	 * @param probes how many events the freshness measurement timed
	 */
	public record Result(long events, double vigilRate, double bareRate, List<Latency> searches,
			double freshnessMedian, double freshnessP99, int probes) {

		/** Returns Vigil's ingest rate over bare Lucene's. */
		public double ingestRatio() {
			return vigilRate / bareRate;
		}
	}

	private final Settings settings;
	private final Consumer<String> log;

	/**
	 * Creates a benchmark.
	 *
	 * @param log receives a line per step, for progress
	 */
	public EventBenchmark(Settings settings, Consumer<String> log) {
		this.settings = settings;
		this.log = log;
	}

	/** Runs every measurement. */
	public Result run() throws Exception {
		List<Path> chunks = generateChunks();
		warmUp();
		try (Workspace workspace = Workspace.open(settings.work().resolve("workspace"), "benchmark");
				EventWorkspace events = EventWorkspace.open(workspace, Clock.systemUTC());
				Directory bareDirectory = FSDirectory.open(settings.work().resolve("bare"));
				IndexWriter bareWriter = new IndexWriter(bareDirectory, bareConfig())) {
			double[] rates = ingestInRounds(chunks, events, bareWriter);
			double vigilRate = rates[0];
			double bareRate = rates[1];
			bareWriter.close();
			events.store().refresh();
			List<Latency> searches = searches(events.store());
			double[] freshness = freshness(events.store());
			return new Result(settings.events(), vigilRate, bareRate, searches, percentile(freshness, 50),
					percentile(freshness, 99), freshness.length);
		}
	}

	/**
	 * Writes the events as chunks, one per round. The generator runs once over all of them, so
	 * the chunks together are exactly the events of the seed and count.
	 */
	private List<Path> generateChunks() throws IOException {
		int rounds = (int) Math.max(1, Math.min(ROUNDS, settings.events() / 10_000));
		log.accept("generating " + settings.events() + " events (seed " + settings.seed() + ") in " + rounds
				+ " chunks");
		EventGenerator generator = new EventGenerator(settings.seed());
		List<Path> chunks = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			long count = settings.events() / rounds + (round < settings.events() % rounds ? 1 : 0);
			Path chunk = settings.work().resolve("events-" + (round + 1) + ".jsonl");
			try (Writer out = Files.newBufferedWriter(chunk, StandardCharsets.UTF_8)) {
				generator.write(count, out);
			}
			chunks.add(chunk);
		}
		return chunks;
	}

	/**
	 * Ingests the chunks through Vigil and indexes them bare, round by round and alternating
	 * which goes first, so that a machine that slows down or speeds up during the run affects
	 * both alike.
	 *
	 * @return Vigil's rate and bare Lucene's, in events per second
	 */
	private double[] ingestInRounds(List<Path> chunks, EventWorkspace events, IndexWriter bare) throws Exception {
		log.accept("ingesting through Vigil (read, parse, normalize, index, durable commits) and indexing the"
				+ " same documents with a bare IndexWriter, in " + chunks.size() + " alternating rounds");
		double vigilSeconds = 0;
		double bareSeconds = 0;
		for (int round = 0; round < chunks.size(); round++) {
			Path chunk = chunks.get(round);
			long count = lines(chunk);
			double vigil;
			double plain;
			if (round % 2 == 0) {
				vigil = count / ingestThroughVigil(events, chunk, count);
				plain = count / indexBare(chunk, bare, count);
			} else {
				plain = count / indexBare(chunk, bare, count);
				vigil = count / ingestThroughVigil(events, chunk, count);
			}
			// Neither side's leftover merges may run into the other's next timing.
			events.store().awaitMerges();
			((ConcurrentMergeScheduler) bare.getConfig().getMergeScheduler()).sync();
			vigilSeconds += vigil;
			bareSeconds += plain;
			log.accept(String.format(Locale.ROOT, "  round %d: vigil %,.0f events/s, bare %,.0f events/s", round + 1,
					count / vigil, count / plain));
		}
		return new double[] { settings.events() / vigilSeconds, settings.events() / bareSeconds };
	}

	private static long lines(Path file) throws IOException {
		try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
			return stream.count();
		}
	}

	private static IndexWriterConfig bareConfig() {
		IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
		config.setRAMBufferSizeMB(64);
		return config;
	}

	private Path generate(String name, long seed, long count) throws IOException {
		Path file = settings.work().resolve(name);
		log.accept("generating " + count + " events (seed " + seed + ") into " + file);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new EventGenerator(seed).write(count, out);
		}
		return file;
	}

	/**
	 * Runs both ingest paths once on other events, so that neither is measured while the JIT
	 * compiler is still at work on code the other already warmed.
	 */
	private void warmUp() throws Exception {
		long count = Math.max(1000, Math.min(100_000, settings.events() / 5));
		Path file = generate("warm-up.jsonl", settings.seed() + 7, count);
		log.accept("warming up both paths");
		try (Workspace workspace = Workspace.open(settings.work().resolve("warm-up-workspace"), "benchmark warm-up");
				EventWorkspace events = EventWorkspace.open(workspace, Clock.systemUTC());
				Directory directory = FSDirectory.open(settings.work().resolve("warm-up-bare"));
				IndexWriter writer = new IndexWriter(directory, bareConfig())) {
			ingestThroughVigil(events, file, count);
			indexBare(file, writer, count);
		}
	}

	private double ingestThroughVigil(EventWorkspace events, Path file, long count) throws Exception {
		Ingester.Settings defaults = Ingester.Settings.defaults();
		Ingester.Settings ingest = new Ingester.Settings(defaults.format(), defaults.options(), settings.threads(),
				defaults.commitInterval(), null);
		long start = System.nanoTime();
		IngestReport report = events.ingester(ingest).ingest(List.of(Ingester.Source.of(file)), new NullProgressMonitor());
		double seconds = (System.nanoTime() - start) / 1e9;
		events.store().awaitMerges();
		if (report.stored() != count || report.rejected() != 0) {
			throw new IllegalStateException("Vigil stored " + report.stored() + " events and rejected "
					+ report.rejected() + "; expected " + count + " and 0");
		}
		return count / seconds;
	}

	/**
	 * Indexes a file's events with a bare writer and commits; times only the writer's work, then
	 * waits (untimed) for its merges so that they do not slow the next measurement.
	 */
	private static double indexBare(Path file, IndexWriter writer, long count) throws IOException {
		Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.systemUTC());
		long nanos = 0;
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<Document> prepared = new ArrayList<>(PREPARED_BATCH);
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				prepared.add(prepare(normalizer, line));
				if (prepared.size() == PREPARED_BATCH) {
					nanos += add(writer, prepared);
				}
			}
			nanos += add(writer, prepared);
			long start = System.nanoTime();
			writer.commit();
			nanos += System.nanoTime() - start;
		}
		((ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler()).sync();
		return count / (nanos / 1e9);
	}

	private static Document prepare(Normalizer normalizer, String line) throws IOException {
		ObjectNode event = (ObjectNode) JsonSupport.MAPPER.readTree(line);
		Normalizer.Result result = normalizer.normalize(event, "mozdef", "benchmark", 0);
		String id = EventIds.of("mozdef", line, event.get("utctimestamp").asText());
		return EventDocuments.build(id, result.utcTimestamp().toEpochMilli(), result.event(),
				JsonSupport.MAPPER.writeValueAsBytes(result.event()));
	}

	private static long add(IndexWriter writer, List<Document> documents) throws IOException {
		long start = System.nanoTime();
		for (Document document : documents) {
			writer.addDocument(document);
		}
		long elapsed = System.nanoTime() - start;
		documents.clear();
		return elapsed;
	}

	/** A search as Vigil runs it and as bare Lucene runs it. */
	private interface Operation {
		void run() throws Exception;
	}

	private List<Latency> searches(EventStore store) throws Exception {
		log.accept("timing searches (" + settings.runs() + " runs each after " + WARM_UP_RUNS + " warm-up runs)");
		try (Directory directory = FSDirectory.open(settings.work().resolve("bare"));
				DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher bare = new IndexSearcher(reader);
			bare.setQueryCache(null);
			Instant lastHourEnd = EventGenerator.START.plus(EventGenerator.SPAN);
			Instant lastHourStart = lastHourEnd.minus(Duration.ofHours(1));
			List<Latency> latencies = new ArrayList<>();
			latencies.add(measure("term", vigilPage(store, "category:authentication", TimeRange.ALL),
					barePage(bare, new TermQuery(new Term("category", "authentication")))));
			latencies.add(measure("cidr", vigilPage(store, "details.sourceipaddress:10.0.0.0/8", TimeRange.ALL),
					barePage(bare, InetAddressPoint.newPrefixQuery(IndexFields.ip("details.sourceipaddress"),
							InetAddress.getByName("10.0.0.0"), 8))));
			latencies.add(measure("time range", vigilPage(store, "", new TimeRange(lastHourStart, lastHourEnd)),
					barePage(bare, LongPoint.newRangeQuery(IndexFields.TIME, lastHourStart.toEpochMilli(),
							lastHourEnd.toEpochMilli() - 1))));
			latencies.add(measure("phrase", vigilPage(store, "summary:\"failed password\"", TimeRange.ALL),
					barePage(bare, new PhraseQuery(IndexFields.text("summary"), "failed", "password"))));
			latencies.add(measure("newest 100", () -> {
				try (StoreSnapshot snapshot = store.snapshot(TimeRange.ALL)) {
					snapshot.top(new MatchAllDocsQuery(), 100, true);
				}
			}, () -> fetch(bare, bare.search(new MatchAllDocsQuery(), 100, NEWEST, false))));
			latencies.add(measure("facet", () -> {
				try (StoreSnapshot snapshot = store.snapshot(TimeRange.ALL)) {
					Query query = new EventQueryParser(snapshot.fields(), Clock.systemUTC()).parse("category:authentication");
					snapshot.facet(query, "hostname", 10);
				}
			}, () -> bareFacet(bare, new TermQuery(new Term("category", "authentication")), "hostname", 10)));
			return latencies;
		}
	}

	private static Operation vigilPage(EventStore store, String text, TimeRange range) {
		return () -> {
			try (StoreSnapshot snapshot = store.snapshot(range)) {
				Query query = new EventQueryParser(snapshot.fields(), Clock.systemUTC()).parse(text);
				snapshot.count(query);
				snapshot.top(query, PAGE, true);
			}
		};
	}

	private static Operation barePage(IndexSearcher searcher, Query query) {
		return () -> {
			searcher.count(query);
			fetch(searcher, searcher.search(query, PAGE, NEWEST, false));
		};
	}

	private static void fetch(IndexSearcher searcher, TopFieldDocs top) throws IOException {
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc hit : top.scoreDocs) {
			stored.document(hit.doc);
		}
	}

	/** Counts a keyword field's values over a query's matches, the way a Lucene program would by hand. */
	private static List<Map.Entry<String, Long>> bareFacet(IndexSearcher searcher, Query query, String field, int top)
			throws IOException {
		Map<String, Long> counts = new HashMap<>();
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			Scorer scorer = weight.scorer(leaf);
			if (scorer == null) {
				continue;
			}
			SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
			long[] perOrd = new long[(int) values.getValueCount()];
			DocIdSetIterator docs = scorer.iterator();
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				if (values.advanceExact(doc)) {
					for (int i = 0; i < values.docValueCount(); i++) {
						perOrd[(int) values.nextOrd()]++;
					}
				}
			}
			for (int ord = 0; ord < perOrd.length; ord++) {
				if (perOrd[ord] > 0) {
					counts.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
				}
			}
		}
		return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
				.toList();
	}

	private Latency measure(String name, Operation vigil, Operation bare) throws Exception {
		for (int i = 0; i < WARM_UP_RUNS; i++) {
			vigil.run();
			bare.run();
		}
		double[] vigilTimes = new double[settings.runs()];
		double[] bareTimes = new double[settings.runs()];
		for (int i = 0; i < settings.runs(); i++) {
			vigilTimes[i] = time(vigil);
			bareTimes[i] = time(bare);
		}
		Latency latency = new Latency(name, percentile(vigilTimes, 50), percentile(vigilTimes, 99),
				percentile(bareTimes, 50), percentile(bareTimes, 99));
		log.accept(String.format(Locale.ROOT, "  %-10s vigil %.2f ms, bare %.2f ms", name,
				latency.vigilMedian(), latency.bareMedian()));
		return latency;
	}

	private static double time(Operation operation) throws Exception {
		long start = System.nanoTime();
		operation.run();
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * Adds events continuously (committing every second, as ingest does) while a probe adds a
	 * marked event every 20 ms and times how long each takes to show up in a fresh snapshot.
	 */
	private double[] freshness(EventStore store) throws Exception {
		log.accept("timing freshness during continuous ingest for " + settings.freshnessFor().toSeconds() + " s");
		store.refreshEvery(EventWorkspace.REFRESH_INTERVAL);
		AtomicBoolean running = new AtomicBoolean(true);
		Map<String, Long> pending = new ConcurrentHashMap<>();
		List<Double> delays = Collections.synchronizedList(new ArrayList<>());
		Thread loader = new Thread(() -> load(store, running), "Vigil benchmark loader");
		Thread checker = new Thread(() -> check(store, running, pending, delays), "Vigil benchmark checker");
		loader.start();
		checker.start();
		Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.systemUTC());
		long end = System.nanoTime() + settings.freshnessFor().toNanos();
		for (int probe = 0; System.nanoTime() < end; probe++) {
			String line = "{\"summary\": \"freshness probe " + probe + "\", \"category\": \"benchmark\"}";
			Document document = prepare(normalizer, line);
			String id = document.get(IndexFields.ID);
			pending.put(id, System.nanoTime());
			store.add(id, Instant.now(), document);
			Thread.sleep(20);
		}
		Thread.sleep(2000);
		running.set(false);
		loader.join();
		checker.join();
		if (!pending.isEmpty()) {
			throw new IllegalStateException(pending.size() + " probe events never became searchable");
		}
		return delays.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private void load(EventStore store, AtomicBoolean running) {
		EventGenerator generator = new EventGenerator(settings.seed() + 1);
		Normalizer normalizer = new Normalizer(ZoneOffset.UTC, Clock.systemUTC());
		long lastCommit = System.nanoTime();
		try {
			while (running.get()) {
				ObjectNode event = generator.next();
				event.put("utctimestamp", Timestamps.format(Instant.now()));
				Document document = prepare(normalizer, event.toString());
				store.add(document.get(IndexFields.ID), Instant.now(), document);
				if (System.nanoTime() - lastCommit > 1_000_000_000L) {
					store.commit();
					lastCommit = System.nanoTime();
				}
			}
			store.commit();
		} catch (IOException e) {
			throw new IllegalStateException("the freshness loader failed", e);
		}
	}

	private static void check(EventStore store, AtomicBoolean running, Map<String, Long> pending, List<Double> delays) {
		try {
			while (running.get() || !pending.isEmpty()) {
				try (StoreSnapshot snapshot = store.snapshot(TimeRange.ALL)) {
					long now = System.nanoTime();
					for (Map.Entry<String, Long> probe : List.copyOf(pending.entrySet())) {
						if (snapshot.count(new TermQuery(new Term(IndexFields.ID, probe.getKey()))) > 0) {
							delays.add((now - probe.getValue()) / 1e6);
							pending.remove(probe.getKey());
						}
					}
				}
				if (!running.get() && !pending.isEmpty()) {
					return;
				}
				Thread.sleep(5);
			}
		} catch (IOException e) {
			throw new IllegalStateException("the freshness checker failed", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static double percentile(double[] values, int percentile) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}
}
