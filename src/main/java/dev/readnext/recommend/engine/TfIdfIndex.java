package dev.readnext.recommend.engine;

import dev.readnext.text.TextAnalyzer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * In-memory TF-IDF index of papers (title, TL;DR, abstract) with exact top-k cosine queries.
 *
 * <h2>Weights</h2>
 * Each field is analysed by {@link dev.readnext.text.ReadnextAnalyzer}. For term t of document d:
 * <pre>
 *   tf(d, t) = Σ_field boost_field · count(field, t)            boosts ≥ 1, see {@link FieldBoosts}
 *   idf(t)   = ln((1 + n) / (1 + df(t))) + 1                    smoothed
 *   g(t)     = √idf(t) if df(t) ≥ 2, else 0                     see {@link IndexGeneration#termWeight}
 *   w(d, t)  = (1 + ln tf(d, t)) · g(t) / ‖d‖                   sublinear tf, L2-normalised
 *   cos(q, d) = Σ_t q_t · w(d, t)                               each shared term weighted by idf(t) once
 * </pre>
 *
 * <h2>Incremental changes and idf drift</h2>
 * n and df(t) are those of the current <em>generation</em>: counted over the live documents when the index
 * was last (re)weighted, frozen until the next re-weighting (df = 0 for terms first seen since, so such terms, like
 * those of one document, weigh 0 until then). Upserts and removals apply at once and cost only their own postings:
 * an upserted document is weighted with the generation's term weights, a removed one loses its postings. Live n and df are tracked; once the number of changes
 * since the last weighting exceeds {@link IndexSettings#rebuildFraction()} of that generation's n, the whole
 * index is re-weighted from its forward index (no re-analysis) on {@link IndexSettings#rebuildExecutor()} and
 * swapped in atomically. With the default 2 %, n drifts by at most 2 % (ln-term error ≤ 0.02 on idf ≥ 1),
 * and a term's df by at most the number of changes. {@link #rebuild()} forces a re-weighting.
 *
 * <h2>Shared statistics: replicas that agree</h2>
 * Counting n and df itself, each replica weighs with the counts of its own history, so a restarted replica and a
 * long-running one score alike papers differently. Built or re-weighed with shared {@link TermStatistics} instead
 * ({@link #build(Stream, IndexSettings, TermStatistics)}, {@link #reweigh}), every index gives each term the weight
 * those statistics give it, also terms it first sees later; and as norms and cosines are summed in an order-free
 * fixed point ({@link OrderFreeSum}), indexes holding the same documents return bit-identical scores whatever their
 * term ids. The service re-weighs every replica with the same published statistics
 * ({@link IndexSettings#withoutAutomaticReweighting()}).
 *
 * <p><b>Invariant</b>: at any time, every query returns exactly the brute-force top k by cosine over the
 * current generation's weight vectors of the live documents (score descending, then id ascending).
 *
 * <h2>Neighbour lists</h2>
 * Each document also keeps its {@link IndexSettings#neighbours()} (K = 64) nearest documents with their cosines
 * ({@link NeighbourLists}), so that {@link #related} is a look-up when the list can prove its answer and a live search
 * otherwise, with the same result either way. Writes keep the lists exact at the cost of two accumulations over the
 * written document's postings; a new generation builds its lists in the background ({@link #neighboursReady()}).
 *
 * <h2>Thread safety</h2>
 * Any number of concurrent readers (queries, explanations, stats) share a read lock. Writers (upsert, remove,
 * rebuild) are serialised by a writer monitor; a writer analyses text before taking any lock and holds the write
 * lock only while it edits postings (about a millisecond). A re-weighting builds the next generation while
 * holding only the writer monitor, so readers keep querying the old one, then swaps it in under the write lock.
 */
public final class TfIdfIndex {

    private static final int BUILD_BATCH = 2048;
    private static final int SNAPSHOT_FORMAT = 2;

    private final IndexSettings settings;
    private final DocumentAnalyzer analyzer;
    private final TermDictionary dictionary;
    private final SearchScratch.Pool scratchPool = new SearchScratch.Pool();
    private final GuardedLock lock = new GuardedLock();
    private final Object writerMonitor = new Object();
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private IndexGeneration generation;
    /** The current generation's neighbour lists; null when {@link IndexSettings#neighbours()} is 0. */
    private NeighbourLists neighbours;
    /** Run by the neighbour-list builder between two chunks, outside any lock (tests write there). */
    private volatile Runnable betweenNeighbourChunks = () -> { };
    private volatile Runnable neighboursBuilt = () -> { };

    private TfIdfIndex(IndexSettings settings, DocumentAnalyzer analyzer, TermDictionary dictionary,
                       IndexGeneration generation) {
        this.settings = settings;
        this.analyzer = analyzer;
        this.dictionary = dictionary;
        this.generation = generation;
    }

    /** A new index whose neighbour lists are being built in the background. */
    private static TfIdfIndex open(IndexSettings settings, DocumentAnalyzer analyzer, TermDictionary dictionary,
                                   IndexGeneration generation) {
        TfIdfIndex index = new TfIdfIndex(settings, analyzer, dictionary, generation);
        index.neighbours = index.neighbourListsOf(generation);
        index.buildNeighboursInBackground(index.neighbours);
        return index;
    }

    public static TfIdfIndex build(Stream<DocumentText> documents) {
        return build(documents, IndexSettings.DEFAULT);
    }

    /**
     * Analyses the documents and weighs them as generation 1. Ids must be distinct. Batches are analysed in parallel
     * on the common pool while the calling thread reads the next batch from the stream (e.g. a JDBC cursor) and
     * merges the previous one into the dictionary; merging in stream order keeps term ids, hence every vector and
     * score, independent of thread timing.
     */
    public static TfIdfIndex build(Stream<DocumentText> documents, IndexSettings settings) {
        return build(documents, settings, null);
    }

    /**
     * As {@link #build(Stream, IndexSettings)}, weighted with shared {@code statistics} (null: the documents' own
     * counts): an index built this way gives a document the same weights as any other index weighed with them.
     */
    public static TfIdfIndex build(Stream<DocumentText> documents, IndexSettings settings,
                                   TermStatistics statistics) {
        DocumentAnalyzer analyzer = new DocumentAnalyzer(new TextAnalyzer(), settings.boosts());
        TermDictionary dictionary = new TermDictionary();
        DocumentStore store = new DocumentStore(BUILD_BATCH);
        SurfaceVotes votes = new SurfaceVotes();
        Iterator<DocumentText> iterator = documents.iterator();
        CompletableFuture<List<AnalyzedDocument>> pending = analyzeNextBatch(iterator, analyzer);
        while (pending != null) {
            List<AnalyzedDocument> analyzed = pending.join();
            pending = analyzeNextBatch(iterator, analyzer);
            for (AnalyzedDocument doc : analyzed) {
                if (store.ordinalOf(doc.id()) >= 0) {
                    throw new IllegalArgumentException("duplicate document id " + doc.id());
                }
                for (int i = 0; i < doc.terms().length; i++) {
                    votes.vote(dictionary.idOrAdd(doc.terms()[i], doc.surfaces()[i]), doc.surfaces()[i], dictionary);
                }
                TermFrequencies frequencies = TermFrequencies.of(doc, dictionary);
                store.append(doc.id(), frequencies.terms(), frequencies.logTf(), 0f);
                dictionary.addDocument(frequencies.terms());
            }
        }
        dictionary.trimToSize();
        return open(settings, analyzer, dictionary, IndexGeneration.weigh(1, store, dictionary,
                statistics));
    }

    /**
     * What the index knows of its documents, so that {@link #readSnapshot} can stand up an equal index without
     * analysing any text: the term dictionary (terms and display surfaces, in id order), every live document's
     * terms and log term frequencies, and the neighbour lists when they are built under shared statistics
     * ({@link #neighboursWeighting()}). Weights are not kept: a snapshot is weighed when read, with the statistics
     * then in force. Captured under the read lock (a copy of the lists, references to the rest, which writes
     * replace rather than change), so that writing it out, seconds at 75k papers, holds no lock.
     */
    public Snapshot snapshot() {
        return lock.read(() -> {
            String[] terms = new String[dictionary.size()];
            String[] surfaces = new String[terms.length];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = dictionary.term(t);
                surfaces[t] = dictionary.surface(t);
            }
            DocumentStore docs = generation.docs;
            int live = docs.liveDocuments();
            long[] ids = new long[live];
            int[][] termIds = new int[live][];
            float[][] logTf = new float[live][];
            for (int d = 0, i = 0; d < docs.ordinalBound(); d++) {
                if (docs.isLive(d)) {
                    ids[i] = docs.id(d);
                    termIds[i] = docs.terms(d);
                    logTf[i++] = docs.logTf(d);
                }
            }
            OptionalLong weighting = listsWeighting();
            return new Snapshot(terms, surfaces, ids, termIds, logTf, weighting,
                    weighting.isPresent() ? neighbours.capture() : null);
        });
    }

    /** A captured {@link #snapshot()}, to be written out. */
    public static final class Snapshot {
        private final String[] terms;
        private final String[] surfaces;
        private final long[] ids;
        private final int[][] termIds;
        private final float[][] logTf;
        private final OptionalLong neighboursWeighting;
        private final NeighbourLists.Captured neighbours;

        private Snapshot(String[] terms, String[] surfaces, long[] ids, int[][] termIds, float[][] logTf,
                         OptionalLong neighboursWeighting, NeighbourLists.Captured neighbours) {
            this.terms = terms;
            this.surfaces = surfaces;
            this.ids = ids;
            this.termIds = termIds;
            this.logTf = logTf;
            this.neighboursWeighting = neighboursWeighting;
            this.neighbours = neighbours;
        }

        public int documents() {
            return ids.length;
        }

        /** The weighting the neighbour lists were computed with; empty when the snapshot holds none. */
        public OptionalLong neighboursWeighting() {
            return neighboursWeighting;
        }

        /** Writes the snapshot (tens of MB at 75k papers: keep {@code out} buffered). */
        public void writeTo(OutputStream out) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(SNAPSHOT_FORMAT);
            data.writeInt(terms.length);
            for (int t = 0; t < terms.length; t++) {
                data.writeUTF(terms[t]);
                data.writeUTF(surfaces[t]);
            }
            data.writeInt(ids.length);
            for (int d = 0; d < ids.length; d++) {
                data.writeLong(ids[d]);
                data.writeInt(termIds[d].length);
                for (int j = 0; j < termIds[d].length; j++) {
                    data.writeInt(termIds[d][j]);
                    data.writeFloat(logTf[d][j]);
                }
            }
            data.writeBoolean(neighbours != null);
            if (neighbours != null) {
                data.writeLong(neighboursWeighting.getAsLong());
                neighbours.writeTo(data);
            }
            data.flush();
        }
    }

    /**
     * An index equal to the one that wrote the snapshot ({@link #snapshot()}), weighed with {@code statistics}
     * (null: its own counts); with the same statistics it scores every document exactly as that index did.
     */
    public static TfIdfIndex readSnapshot(InputStream in, IndexSettings settings, TermStatistics statistics)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        int format = data.readInt();
        if (format != SNAPSHOT_FORMAT) {
            throw new IOException("unknown index snapshot format " + format);
        }
        TermDictionary dictionary = new TermDictionary();
        int termCount = data.readInt();
        for (int t = 0; t < termCount; t++) {
            String term = data.readUTF();
            if (dictionary.idOrAdd(term, data.readUTF()) != t) {
                throw new IOException("index snapshot repeats term " + term);
            }
        }
        int documents = data.readInt();
        DocumentStore store = new DocumentStore(documents);
        for (int d = 0; d < documents; d++) {
            long id = data.readLong();
            int length = data.readInt();
            int[] terms = new int[length];
            float[] logTf = new float[length];
            for (int j = 0; j < length; j++) {
                terms[j] = data.readInt();
                logTf[j] = data.readFloat();
                if (terms[j] < 0 || terms[j] >= termCount) {
                    throw new IOException("index snapshot names unknown term " + terms[j]);
                }
            }
            store.append(id, terms, logTf, 0f);
            dictionary.addDocument(terms);
        }
        dictionary.trimToSize();
        DocumentAnalyzer analyzer = new DocumentAnalyzer(new TextAnalyzer(), settings.boosts());
        IndexGeneration generation = IndexGeneration.weigh(1, store, dictionary, statistics);
        // lists hold cosines: they are only good for the statistics they were computed with
        if (data.readBoolean() && statistics != null && settings.neighbours() > 0
                && data.readLong() == statistics.fingerprint()) {
            TfIdfIndex index = new TfIdfIndex(settings, analyzer, dictionary, generation);
            index.neighbours = NeighbourLists.read(data, generation, dictionary, index.scratchPool,
                    settings.neighbours(), settings.neighbourSlack());
            if (index.neighbours != null) {
                return index;
            }
        }
        return open(settings, analyzer, dictionary, generation);
    }

    /** Reads the next batch and starts analysing it in parallel; null at the end of the stream. */
    private static CompletableFuture<List<AnalyzedDocument>> analyzeNextBatch(Iterator<DocumentText> iterator,
                                                                             DocumentAnalyzer analyzer) {
        if (!iterator.hasNext()) {
            return null;
        }
        List<DocumentText> batch = new ArrayList<>(BUILD_BATCH);
        while (iterator.hasNext() && batch.size() < BUILD_BATCH) {
            batch.add(iterator.next());
        }
        return CompletableFuture.supplyAsync(() -> batch.parallelStream().map(analyzer::analyze).toList());
    }

    /** Adds the document, or replaces the one with the same id. May trigger a background re-weighting. */
    public void upsert(DocumentText document) {
        AnalyzedDocument analyzed = analyzer.analyze(document);
        synchronized (writerMonitor) {
            lock.write(() -> {
                TermFrequencies frequencies = TermFrequencies.of(analyzed, dictionary);
                int ordinal = generation.docs.ordinalOf(document.id());
                if (neighbours != null && ordinal >= 0) {
                    neighbours.detach(ordinal);
                }
                generation.upsert(document.id(), frequencies, dictionary);
                if (neighbours != null) {
                    neighbours.attach(generation.docs.ordinalOf(document.id()));
                    neighbours.refillShortLists();
                }
                return null;
            });
            rebuildIfDrifted();
        }
    }

    /** Removes the document; false if it was not indexed. May trigger a background re-weighting. */
    public boolean remove(long id) {
        synchronized (writerMonitor) {
            boolean removed = lock.write(() -> {
                int ordinal = generation.docs.ordinalOf(id);
                if (neighbours != null && ordinal >= 0) {
                    neighbours.detach(ordinal);
                }
                boolean found = generation.remove(id, dictionary);
                if (neighbours != null) {
                    neighbours.refillShortLists();
                }
                return found;
            });
            rebuildIfDrifted();
            return removed;
        }
    }

    /** Re-weighs every document with idf from the live counts now, as a new generation. */
    public void rebuild() {
        reweigh(null);
    }

    /**
     * Re-weighs every document with the shared {@code statistics} (null: the live counts now), as a new generation,
     * from the forward index (no text is analysed again); queries use the old generation until it is swapped in.
     */
    public void reweigh(TermStatistics statistics) {
        synchronized (writerMonitor) {
            IndexGeneration next = IndexGeneration.weigh(generation.number + 1, generation.docs, dictionary,
                    statistics);
            NeighbourLists nextNeighbours = neighbourListsOf(next);
            lock.write(() -> {
                generation = next;
                neighbours = nextNeighbours;
                return null;
            });
            buildNeighboursInBackground(nextNeighbours);
        }
    }

    /**
     * Whether every document's neighbour list of the current generation has been computed, so that {@link #related}
     * is a look-up for every document (false when lists are turned off).
     */
    public boolean neighboursReady() {
        return lock.read(() -> neighbours != null && neighbours.isBuilt());
    }

    /**
     * The fingerprint ({@link TermStatistics#fingerprint()}) of the shared statistics the built neighbour lists are
     * computed with: what a snapshot written now carries; empty while they are being built, or weighed with live counts.
     */
    public OptionalLong neighboursWeighting() {
        return lock.read(this::listsWeighting);
    }

    private OptionalLong listsWeighting() {
        return neighbours != null && neighbours.isBuilt() && generation.statistics != null
                ? OptionalLong.of(generation.statistics.fingerprint()) : OptionalLong.empty();
    }

    /**
     * Runs {@code action} each time the neighbour lists of a generation are built (on the builder's thread), and
     * now if they are already.
     */
    public void whenNeighboursBuilt(Runnable action) {
        neighboursBuilt = action;
        if (neighboursReady()) {
            action.run();
        }
    }

    /** Waits until {@link #neighboursReady()} or at most {@code timeoutMillis}; returns whether ready. */
    boolean awaitNeighbours(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            NeighbourLists current = lock.read(() -> neighbours);
            if (current == null) {
                return false;
            }
            try {
                current.built().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
            if (neighboursReady()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact k documents most similar to document {@code id} (as {@link #related}), looked up in its precomputed
     * neighbour list; empty when the list cannot prove them (not computed yet, k beyond it, or exclusions ate into
     * the part of the ranking it does not hold): then only the live query knows. An empty list if {@code id} is not
     * indexed.
     */
    public Optional<List<ScoredDocument>> neighbours(long id, int k, LongPredicate exclude) {
        return lock.read(() -> Optional.ofNullable(lookUpNeighbours(id, k, exclude)));
    }

    private List<ScoredDocument> lookUpNeighbours(long id, int k, LongPredicate exclude) {
        int ordinal = generation.docs.ordinalOf(id);
        if (ordinal < 0 || k <= 0) {
            return List.of();
        }
        return neighbours == null ? null : neighbours.lookup(ordinal, k, exclude);
    }

    /** K: how many neighbours each document's list proves; 0 when lists are turned off. */
    int listedNeighbours() {
        return settings.neighbours();
    }

    /** The exact entries of the document's neighbour list (K to K + S of them); empty while not computed. */
    Optional<List<ScoredDocument>> neighbourList(long id) {
        return lock.read(() -> {
            int ordinal = generation.docs.ordinalOf(id);
            return ordinal < 0 || neighbours == null ? Optional.empty() : Optional.ofNullable(neighbours.entries(ordinal));
        });
    }

    /** How many neighbour lists of the current generation were refilled by a live search after a removal. */
    long neighbourRefills() {
        return lock.read(() -> neighbours == null ? 0 : neighbours.refills());
    }

    /** Sets what the neighbour-list builder runs between two chunks, from the next build on (for tests). */
    void betweenNeighbourChunks(Runnable action) {
        betweenNeighbourChunks = action;
    }

    /** Empty lists for a new generation, to be built; null when lists are turned off. */
    private NeighbourLists neighbourListsOf(IndexGeneration weighed) {
        return settings.neighbours() == 0 ? null
                : new NeighbourLists(weighed, dictionary, scratchPool, settings.neighbours(), settings.neighbourSlack());
    }

    /**
     * Computes the lists chunk by chunk, each under the read lock, so writers interleave between chunks (see
     * {@link NeighbourLists} for why the lists stay exact); abandoned once a newer generation is swapped in.
     */
    private void buildNeighboursInBackground(NeighbourLists target) {
        if (target == null) {
            return;
        }
        IndexSettings.runOnDaemonThread(() -> {
            int bound = lock.read(target::rowBound);
            for (int from = 0; from < bound; from += NeighbourLists.CHUNK) {
                int chunk = from;
                boolean current = lock.read(() -> {
                    if (neighbours != target) {
                        return false;
                    }
                    target.buildChunk(chunk, Math.min(bound, chunk + NeighbourLists.CHUNK));
                    return true;
                });
                if (!current) {
                    return;
                }
                betweenNeighbourChunks.run();
            }
            lock.read(() -> {
                target.markBuilt();
                return null;
            });
            neighboursBuilt.run();
        }, "tfidf-neighbours");
    }

    /** The live counts now, to be shared: the number of documents and the df of every term at least two have. */
    public TermStatistics statistics() {
        return lock.read(() -> {
            List<String> terms = new ArrayList<>();
            for (int t = 0; t < dictionary.size(); t++) {
                if (dictionary.liveDf(t) >= 2) {
                    terms.add(dictionary.term(t));
                }
            }
            String[] sorted = terms.toArray(String[]::new);
            Arrays.sort(sorted);
            int[] frequencies = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                frequencies[i] = dictionary.liveDf(dictionary.idOf(sorted[i]));
            }
            return new TermStatistics(generation.docs.liveDocuments(), sorted, frequencies);
        });
    }

    /** Whether the changes since the current generation was weighed exceed {@code fraction} of its documents. */
    public boolean driftedPast(double fraction) {
        return lock.read(() -> generation.changesSinceBuild() > fraction * Math.max(1, generation.documentsAtBuild));
    }

    /** The shared statistics the current generation is weighted with; empty when weighted with its own counts. */
    public Optional<TermStatistics> weighting() {
        return lock.read(() -> Optional.ofNullable(generation.statistics));
    }

    public boolean contains(long id) {
        return lock.read(() -> generation.docs.ordinalOf(id) >= 0);
    }

    /** The document's stored weight vector, usable as a query; empty if it is not indexed. */
    public Optional<QueryVector> vectorOf(long id) {
        return lock.read(() -> Optional.ofNullable(storedVector(id)));
    }

    /**
     * The k documents most similar to document {@code id}, never itself nor any id {@code exclude} accepts: looked up
     * in its neighbour list when that proves the answer ({@link #neighbours}), else searched live, with the same result.
     * {@code exclude} must be cheap and side-effect free: it is asked only about documents that could enter the
     * top k, possibly more than once. Documents sharing no term with the query (cosine 0) are never returned,
     * so the list may be shorter than k. Empty if {@code id} is not indexed.
     */
    public List<ScoredDocument> related(long id, int k, LongPredicate exclude) {
        return lock.read(() -> {
            List<ScoredDocument> looked = lookUpNeighbours(id, k, exclude);
            return looked != null ? looked : searchRelated(id, k, exclude);
        });
    }

    /** {@link #related} by a search over the posting lists, never by look-up (to compare with). */
    List<ScoredDocument> liveRelated(long id, int k, LongPredicate exclude) {
        return lock.read(() -> searchRelated(id, k, exclude));
    }

    private List<ScoredDocument> searchRelated(long id, int k, LongPredicate exclude) {
        QueryVector query = storedVector(id);
        return query == null ? List.of() : search(query, k, other -> other == id || exclude.test(other));
    }

    /** The k documents with the highest (positive) cosine to {@code query}, skipping ids {@code exclude} accepts. */
    public List<ScoredDocument> topK(QueryVector query, int k, LongPredicate exclude) {
        return lock.read(() -> search(query, k, exclude));
    }

    /**
     * The weight vector of free text ("speculative decoding"), analysed as a title and weighted with the current idf
     * like a document; terms no document has are left out, so an empty vector means the index knows none of them.
     */
    public QueryVector queryFor(String text) {
        AnalyzedDocument analyzed = analyzer.analyze(new DocumentText(0, text, null, null));
        return lock.read(() -> generation.weigh(TermFrequencies.ofKnown(analyzed, dictionary)));
    }

    /**
     * Rocchio query for "more like these, less like those":
     * {@code q = α·mean(positives) − β·mean(negatives)}, negative weights dropped, L2-normalised.
     * Ids not in the index are ignored; empty if no positive is indexed. Typical values: α = 1, β = 0.5.
     */
    public QueryVector rocchio(long[] positives, long[] negatives, double alpha, double beta) {
        return lock.read(() -> {
            List<QueryVector> liked = storedVectors(positives);
            List<QueryVector> disliked = storedVectors(negatives);
            if (liked.isEmpty()) {
                return QueryVector.EMPTY;
            }
            SparseSum sum = new SparseSum();
            liked.forEach(vector -> sum.add(vector, alpha / liked.size()));
            disliked.forEach(vector -> sum.add(vector, -beta / disliked.size()));
            return sum.positivePartNormalised();
        });
    }

    /**
     * Weighted Rocchio over liked documents only: {@code q = Σ wᵢ·dᵢ / Σ wᵢ}, L2-normalised, for ids aligned with
     * positive {@code weights} (a reader's history, recent reads weighing more). Ids not in the index are ignored;
     * empty if none is indexed.
     */
    public QueryVector weightedCentroid(long[] ids, double[] weights) {
        if (ids.length != weights.length) {
            throw new IllegalArgumentException("ids and weights differ in length");
        }
        return lock.read(() -> {
            SparseSum sum = new SparseSum();
            boolean any = false;
            for (int i = 0; i < ids.length; i++) {
                QueryVector vector = storedVector(ids[i]);
                if (vector != null && weights[i] > 0) {
                    sum.add(vector, weights[i]);
                    any = true;
                }
            }
            return any ? sum.positivePartNormalised() : QueryVector.EMPTY;
        });
    }

    /** The cosine of documents {@code a} and {@code b}; 0 when either is not indexed. */
    public double similarity(long a, long b) {
        return lock.read(() -> {
            QueryVector first = storedVector(a);
            QueryVector second = storedVector(b);
            return first == null || second == null ? 0 : first.dot(second);
        });
    }

    /** The cosine of {@code query} and document {@code id}; 0 when it is not indexed. */
    public double cosine(QueryVector query, long id) {
        return lock.read(() -> {
            QueryVector document = storedVector(id);
            return document == null ? 0 : query.dot(document);
        });
    }

    /** The {@code limit} terms contributing most to the cosine of documents {@code queryId} and {@code hitId}. */
    public List<SharedTerm> explain(long queryId, long hitId, int limit) {
        return lock.read(() -> {
            QueryVector query = storedVector(queryId);
            QueryVector hit = storedVector(hitId);
            return query == null || hit == null ? List.of() : SharedTerms.top(query, hit, limit, dictionary, generation.docs.liveDocuments());
        });
    }

    /** The {@code limit} terms contributing most to the cosine of {@code query} and document {@code hitId}. */
    public List<SharedTerm> explain(QueryVector query, long hitId, int limit) {
        return lock.read(() -> {
            QueryVector hit = storedVector(hitId);
            return hit == null ? List.of() : SharedTerms.top(query, hit, limit, dictionary, generation.docs.liveDocuments());
        });
    }

    /** The number of live documents (cheap, unlike {@link #stats()}, which sizes every structure). */
    public int documents() {
        return lock.read(() -> generation.docs.liveDocuments());
    }

    public IndexStats stats() {
        return lock.read(() -> new IndexStats(
                generation.docs.liveDocuments(),
                dictionary.size(),
                generation.docs.postings(),
                generation.postings.approximateBytes() + generation.docs.approximateBytes()
                        + dictionary.approximateBytes() + 4L * dictionary.size()
                        + (neighbours == null ? 0 : neighbours.approximateBytes()),
                generation.number,
                generation.changesSinceBuild()));
    }

    private QueryVector storedVector(long id) {
        int ordinal = generation.docs.ordinalOf(id);
        return ordinal < 0 ? null : generation.vector(ordinal);
    }

    private List<QueryVector> storedVectors(long[] ids) {
        List<QueryVector> vectors = new ArrayList<>(ids.length);
        for (long id : ids) {
            QueryVector vector = storedVector(id);
            if (vector != null) {
                vectors.add(vector);
            }
        }
        return vectors;
    }

    private List<ScoredDocument> search(QueryVector query, int k, LongPredicate exclude) {
        int limit = Math.min(k, generation.docs.liveDocuments());
        if (limit <= 0 || query.isEmpty()) {
            return List.of();
        }
        SearchScratch scratch = scratchPool.borrow(generation.docs.ordinalBound(), dictionary.size());
        try {
            List<ScoredDocument> hits = new TierScanSearcher(generation, scratch, query).topK(limit, exclude);
            assert hits.size() <= limit && isRanked(hits) : "top k must be ranked by score, then id: " + hits;
            return hits;
        } finally {
            scratchPool.giveBack(scratch);
        }
    }

    private static boolean isRanked(List<ScoredDocument> hits) {
        for (int i = 1; i < hits.size(); i++) {
            ScoredDocument before = hits.get(i - 1);
            ScoredDocument after = hits.get(i);
            if (before.score() < after.score() || (before.score() == after.score() && before.id() >= after.id())) {
                return false;
            }
        }
        return hits.stream().allMatch(hit -> hit.score() > 0);
    }

    private void rebuildIfDrifted() {
        if (driftedPast(settings.rebuildFraction()) && rebuildPending.compareAndSet(false, true)) {
            settings.rebuildExecutor().execute(() -> {
                try {
                    rebuild();
                } finally {
                    rebuildPending.set(false);
                }
            });
        }
    }
}
