package dev.readnext.bench;

import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Related papers, top 10, for the fixed sample of query papers taken in turn: one invocation = one query.
 * Each engine has its own state, so a fork builds only the engine it measures.
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RelatedPapersBenchmark {

    static final int K = 10;
    /** The hybrid candidates {@code Blend} asks for a page of 10 related papers. */
    static final int BLEND_DEPTH = 30;

    @State(Scope.Thread)
    public static class Queries {
        int[] sample;
        int next;
        final long[] ids = new long[K];
        final double[] scores = new double[K];

        @Setup(Level.Trial)
        public void load(Corpus corpus) {
            sample = corpus.corpus.queries();
        }

        int nextQuery() {
            int query = sample[next];
            next = next + 1 == sample.length ? 0 : next + 1;
            return query;
        }
    }

    @State(Scope.Benchmark)
    public static class Corpus {
        BenchCorpus corpus;

        @Setup(Level.Trial)
        public void load() {
            corpus = BenchCorpus.fromSystemProperties();
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {
        TfIdfIndex index;

        @Setup(Level.Trial)
        public void build(Corpus corpus) {
            index = Engines.ours(corpus.corpus);
        }
    }

    @State(Scope.Benchmark)
    public static class Lucene {
        LuceneMoreLikeThis moreLikeThis;

        @Setup(Level.Trial)
        public void build(Corpus corpus) {
            moreLikeThis = Engines.moreLikeThis(corpus.corpus);
        }
    }

    @State(Scope.Benchmark)
    public static class BruteForce {
        BruteForceCosine bruteForce;

        @Setup(Level.Trial)
        public void build(Corpus corpus) {
            bruteForce = Engines.bruteForce(corpus.corpus);
        }
    }

    /** TF-IDF and the corpus's cached embeddings ({@link CorpusEmbeddings}), as the service ranks with semantic on. */
    @State(Scope.Benchmark)
    public static class Hybrid {
        TfIdfIndex index;
        SemanticIndex semantic;
        HybridSearch search;

        @Setup(Level.Trial)
        public void build(Corpus corpus) {
            index = Engines.ours(corpus.corpus);
            semantic = CorpusEmbeddings.of(corpus.corpus);
            search = new HybridSearch(index, semantic, Engines.SEMANTIC_WEIGHT);
        }
    }

    /**
     * As {@link Hybrid}, with both neighbour lists computed (TF-IDF's and the embeddings'), so that a paper's related
     * papers are two look-ups when the lists prove them.
     */
    @State(Scope.Benchmark)
    public static class HybridWithLists {
        TfIdfIndex index;
        SemanticIndex semantic;
        HybridSearch search;

        @Setup(Level.Trial)
        public void build(Corpus corpus) throws InterruptedException {
            index = TfIdfIndex.build(corpus.corpus.documents().stream(), IndexSettings.DEFAULT);
            semantic = CorpusEmbeddings.of(corpus.corpus);
            semantic.buildNeighboursInBackground();
            long started = System.nanoTime();
            while (!index.neighboursReady() || !semantic.neighboursReady()) {
                Thread.sleep(100);
            }
            System.out.printf(Locale.ROOT, "neighbour lists computed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            search = new HybridSearch(index, semantic, Engines.SEMANTIC_WEIGHT);
        }
    }

    /**
     * A paper's hybrid related papers as {@code Blend} asks for them ({@value #BLEND_DEPTH} for a page of 10), from the
     * two neighbour lists when they prove the answer, else by a scan.
     */
    @Benchmark
    public List<HybridHit> hybridRelatedFromLists(HybridWithLists engine, Queries queries) {
        long query = queries.nextQuery();
        return engine.search.related(query, engine.index.vectorOf(query).orElseThrow(),
                engine.semantic.vectorOf(query).orElse(null), BLEND_DEPTH, id -> false);
    }

    /** The same question without lists: the TF-IDF top k live, then a scan of the embeddings. */
    @Benchmark
    public List<HybridHit> hybridRelatedByScan(Hybrid engine, Queries queries) {
        long query = queries.nextQuery();
        return engine.search.related(query, engine.index.vectorOf(query).orElseThrow(),
                engine.semantic.vectorOf(query).orElse(null), BLEND_DEPTH, id -> false);
    }

    @Benchmark
    public List<ScoredDocument> ours(Ours engine, Queries queries) {
        return engine.index.related(queries.nextQuery(), K, id -> false);
    }

    @Benchmark
    public int moreLikeThis(Lucene engine, Queries queries) {
        return engine.moreLikeThis.related(queries.nextQuery(), K, queries.ids);
    }

    /** The hybrid top 10 as {@code Blend} asks for it: the paper's TF-IDF vector and its embedding. */
    @Benchmark
    public List<HybridHit> hybrid(Hybrid engine, Queries queries) {
        long query = queries.nextQuery();
        return engine.search.topK(engine.index.vectorOf(query).orElseThrow(), engine.semantic.vectorOf(query).orElse(null),
                K, id -> id == query);
    }

    /** The embedding scan alone: the top 10 by embedding cosine over every paper. */
    @Benchmark
    public List<ScoredDocument> embedding(Hybrid engine, Queries queries) {
        long query = queries.nextQuery();
        return engine.semantic.topK(engine.semantic.vectorOf(query).orElseThrow(), K, id -> id == query);
    }

    @Benchmark
    public int bruteForce(BruteForce engine, Queries queries) {
        return engine.bruteForce.related(queries.nextQuery(), K, queries.ids, queries.scores);
    }
}
