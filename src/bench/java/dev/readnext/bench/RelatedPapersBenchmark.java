package dev.readnext.bench;

import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import java.util.List;
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
