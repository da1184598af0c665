package dev.readnext.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import dev.readnext.recommend.engine.FieldBoosts;
import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.RankedTopK;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * Quality and speed figure of the recommendation core on the arXiv corpus, without a server:
 * precision@10 of related papers sharing the query's primary category over a fixed random sample of queries,
 * for our index and for a brute-force plain TF-IDF baseline; build time, size, query latency, and a check that
 * every top-10 equals the brute-force top-10 over the index's own vectors.
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java@quality -Dbench.corpus=PATH [-Dbench.limit=10000]
 *     [-Dbench.queries=1000] [-Dquality.seeds=42,7] [-Dquality.titleBoosts=1,1.5,2] [-Dquality.baseline=true]</pre>
 * A title boost b is paired with TL;DR boost (b + 1) / 2 and abstract boost 1.
 */
public final class QualityReport {

    private static final int K = 10;

    public static void main(String[] args) {
        int[] seeds = Arrays.stream(System.getProperty("quality.seeds", "42,7").split(",")).mapToInt(Integer::parseInt).toArray();
        float[] titleBoosts = parseFloats(System.getProperty("quality.titleBoosts", String.valueOf(FieldBoosts.DEFAULT.title())));

        BenchCorpus corpus = BenchCorpus.fromSystemProperties();
        System.out.printf(Locale.ROOT, "corpus: %s, %,d papers; %d queries per seed, seeds %s%n",
                corpus.path(), corpus.papers().size(), corpus.queries(seeds[0]).length, Arrays.toString(seeds));
        if (Boolean.parseBoolean(System.getProperty("quality.baseline", "true"))) {
            reportBaseline(corpus, seeds);
        }
        for (float titleBoost : titleBoosts) {
            reportIndex(corpus, new FieldBoosts(titleBoost, (titleBoost + 1) / 2, 1f), seeds);
        }
    }

    private static void reportBaseline(BenchCorpus corpus, int[] seeds) {
        long start = System.nanoTime();
        PlainTfIdfBaseline baseline = new PlainTfIdfBaseline(corpus.papers());
        System.out.printf(Locale.ROOT, "%nplain TF-IDF baseline (brute force), built in %.1f s%n", seconds(start));
        for (int seed : seeds) {
            int[] sample = corpus.queries(seed);
            System.out.printf(Locale.ROOT, "  seed %d: P@10 = %.4f%n", seed,
                    precisionAt10(corpus, sample, q -> baseline.related(q, K)));
        }
    }

    private static void reportIndex(BenchCorpus corpus, FieldBoosts boosts, int[] seeds) {
        long start = System.nanoTime();
        TfIdfIndex index = TfIdfIndex.build(corpus.documents().stream(),
                IndexSettings.DEFAULT.withBoosts(boosts));
        double buildSeconds = seconds(start);
        start = System.nanoTime();
        index.rebuild();
        double reweighSeconds = seconds(start);
        IndexStats stats = index.stats();
        System.out.printf(Locale.ROOT, "%nTfIdfIndex, boosts %s%n", boosts);
        System.out.printf(Locale.ROOT, "  build %.2f s (analysis + weighting), re-weighting alone %.2f s%n", buildSeconds, reweighSeconds);
        System.out.printf(Locale.ROOT, "  %,d documents, %,d terms, %,d postings, ~%,d MB, %.1f bytes/posting%n",
                stats.documents(), stats.terms(), stats.postings(), stats.approximateBytes() >> 20, stats.bytesPerPosting());
        for (int seed : seeds) {
            int[] sample = corpus.queries(seed);
            double precision = precisionAt10(corpus, sample, q -> index.related(q, K, id -> false));
            double[] micros = latenciesMicros(index, sample);
            Percentile percentile = new Percentile();
            System.out.printf(Locale.ROOT, "  seed %d: P@10 = %.4f; top-10 latency median %.0f µs, p99 %.0f µs%n",
                    seed, precision, percentile.evaluate(micros, 50), percentile.evaluate(micros, 99));
        }
        System.out.println("  " + new ExhaustiveCheck(index, corpus.papers().size()).run(corpus.queries(seeds[0]), K));
    }

    private static double precisionAt10(BenchCorpus corpus, int[] sample, IntFunction<List<ScoredDocument>> related) {
        long hits = Arrays.stream(sample).parallel().mapToLong(q -> {
            String category = corpus.papers().get(q).primaryCategory();
            return related.apply(q).stream().filter(hit -> corpus.paper(hit.id()).primaryCategory().equals(category)).count();
        }).sum();
        return (double) hits / (sample.length * K);
    }

    /** One warm-up pass, then single-threaded timings of each query. */
    private static double[] latenciesMicros(TfIdfIndex index, int[] sample) {
        for (int q : sample) {
            index.related(q, K, id -> false);
        }
        double[] micros = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            long start = System.nanoTime();
            index.related(sample[i], K, id -> false);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        return micros;
    }

    private static float[] parseFloats(String list) {
        String[] parts = list.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i].trim());
        }
        return values;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Compares the index's top-k with a brute-force scan of every stored vector. */
    private record ExhaustiveCheck(TfIdfIndex index, int documents) {

        String run(int[] sample, int k) {
            QueryVector[] vectors = IntStream.range(0, documents).mapToObj(d -> index.vectorOf(d).orElseThrow())
                    .toArray(QueryVector[]::new);
            int termBound = Arrays.stream(vectors).mapToInt(v -> v.size() == 0 ? 0 : v.term(v.size() - 1) + 1).max().orElse(0);
            long identical = Arrays.stream(sample).parallel().filter(q -> {
                List<ScoredDocument> fast = index.related(q, k, id -> false);
                List<ScoredDocument> slow = bruteForce(vectors, termBound, q, k);
                return fast.equals(slow) || sameWithinRounding(fast, slow);
            }).count();
            return String.format(Locale.ROOT, "exactness: %d/%d top-%d lists equal brute force over the stored vectors",
                    identical, sample.length, k);
        }

        private static List<ScoredDocument> bruteForce(QueryVector[] vectors, int termBound, int query, int k) {
            float[] dense = new float[termBound];
            QueryVector q = vectors[query];
            for (int i = 0; i < q.size(); i++) {
                dense[q.term(i)] = q.weight(i);
            }
            RankedTopK top = new RankedTopK(k);
            for (int d = 0; d < vectors.length; d++) {
                double score = 0;
                for (int j = 0; j < vectors[d].size(); j++) {
                    score += (double) dense[vectors[d].term(j)] * vectors[d].weight(j);
                }
                if (d != query && score > 0) {
                    top.offer(d, score);
                }
            }
            return top.toList();
        }

        private static boolean sameWithinRounding(List<ScoredDocument> fast, List<ScoredDocument> slow) {
            if (fast.size() != slow.size()) {
                return false;
            }
            for (int i = 0; i < fast.size(); i++) {
                if (fast.get(i).id() != slow.get(i).id() || Math.abs(fast.get(i).score() - slow.get(i).score()) > 1e-9) {
                    return false;
                }
            }
            return true;
        }
    }
}
