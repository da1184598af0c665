package dev.readnext.bench;

import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Our engine vs Lucene MoreLikeThis vs brute-force cosine on the arXiv corpus, all measured in one run:
 * <ol>
 *   <li>build time and retained heap of each engine (used heap after full GCs, before and after building);</li>
 *   <li>on the fixed query sample: our top 10 equal to the brute-force top 10 (ids and scores), and overlap@10 of
 *       ours and of MoreLikeThis with brute force;</li>
 *   <li>JMH ({@link RelatedPapersBenchmark}): latency (SampleTime median, p99) and single-thread throughput, also of
 *       the hybrid top 10 (TF-IDF and embeddings, {@link CorpusEmbeddings}) and of the embedding scan alone;</li>
 *   <li>a summary table with the ratios.</li>
 * </ol>
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.corpus=PATH [-Dbench.limit=10000] [-Dbench.queries=1000]
 *     [-Dbench.seed=42] [-Dbench.jmh="-wi 2 -w 2s -i 3 -r 3s"]</pre>
 */
public final class EngineBenchmark {

    private static final int K = RelatedPapersBenchmark.K;

    public static void main(String[] args) throws Exception {
        BenchCorpus corpus = BenchCorpus.fromSystemProperties();
        System.out.printf(Locale.ROOT, "corpus %s: %,d papers, %d query papers (seed %s), %d cores, max heap %d MB%n",
                corpus.path(), corpus.papers().size(), corpus.queries().length, System.getProperty("bench.seed", "42"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Built<TfIdfIndex> ours = build(() -> Engines.ours(corpus));
        Built<LuceneMoreLikeThis> lucene = build(() -> Engines.moreLikeThis(corpus));
        lucene.engine.checkDocIdsAreCorpusPositions();
        Built<BruteForceCosine> brute = build(() -> Engines.bruteForce(corpus));
        IndexStats stats = ours.engine.stats();
        Agreement agreement = Agreement.measure(corpus.queries(), ours.engine, lucene.engine, brute.engine);
        System.out.printf(Locale.ROOT, "ours: %,d postings, %,d terms; %s%n", stats.postings(), stats.terms(), agreement);

        Map<String, Latency> latencies = runJmh();

        System.out.println();
        System.out.println("| engine | build | retained heap | top-10 median | p99 | throughput (1 thread) | overlap@10 with brute force |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("readnext (exact)", ours, latencies.get("ours"), agreement.oursOverlap());
        row("Lucene MoreLikeThis", lucene, latencies.get("moreLikeThis"), agreement.moreLikeThisOverlap());
        row("brute force", brute, latencies.get("bruteForce"), 1.0);
        row("readnext hybrid (exact, w=" + Engines.SEMANTIC_WEIGHT + ")", null, latencies.get("hybrid"), Double.NaN);
        row("embedding scan alone", null, latencies.get("embedding"), Double.NaN);
        System.out.printf(Locale.ROOT, "%nours: %.1f bytes/posting retained (%,d postings); exact top-10 in %d/%d queries%n",
                (double) ours.bytes / stats.postings(), stats.postings(), agreement.exact(), agreement.queries());
        Latency o = latencies.get("ours");
        Latency m = latencies.get("moreLikeThis");
        Latency b = latencies.get("bruteForce");
        Latency h = latencies.get("hybrid");
        if (o != null && h != null) {
            System.out.printf(Locale.ROOT, "hybrid/ours (same run): median %.2f×, p99 %.2f×, throughput %.2f×%n",
                    h.median / o.median, h.p99 / o.p99, o.perSecond / h.perSecond);
        }
        if (o != null && m != null && b != null) {
            System.out.printf(Locale.ROOT, "ratios (same run): MoreLikeThis/ours median %.1f×, p99 %.1f×, throughput ours/MLT %.1f×;"
                            + " brute force/ours median %.0f×; build MLT/ours %.1f×; heap MLT/ours %.1f×%n",
                    m.median / o.median, m.p99 / o.p99, o.perSecond / m.perSecond, b.median / o.median,
                    lucene.seconds / ours.seconds, (double) lucene.bytes / ours.bytes);
        }
    }

    private static void row(String name, Built<?> built, Latency latency, double overlap) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", name,
                built == null ? "–" : String.format(Locale.ROOT, "%.1f s", built.seconds),
                built == null ? "–" : String.format(Locale.ROOT, "%,d MB", built.bytes >> 20),
                latency == null ? "–" : String.format(Locale.ROOT, "%.3f ms", latency.median / 1e3),
                latency == null ? "–" : String.format(Locale.ROOT, "%.3f ms", latency.p99 / 1e3),
                latency == null ? "–" : String.format(Locale.ROOT, "%,.0f /s", latency.perSecond),
                Double.isNaN(overlap) ? "–" : String.format(Locale.ROOT, "%.3f", overlap));
    }

    /** JMH with defaults (1 fork, 2 × 2 s warm-up, 3 × 3 s measurement) that {@code bench.jmh} options override. */
    private static Map<String, Latency> runJmh() throws RunnerException, CommandLineOptionException {
        String extra = System.getProperty("bench.jmh", "").trim();
        CommandLineOptions given = new CommandLineOptions(extra.isEmpty() ? new String[0] : extra.split("\\s+"));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given)
                // benchmarks named in bench.jmh ("RelatedPapersBenchmark.(ours|hybrid)$"), or all of them
                .include(given.getIncludes().isEmpty() ? RelatedPapersBenchmark.class.getName() : given.getIncludes().get(0))
                .jvmArgsAppend("-Xmx3g", "--add-modules", "jdk.incubator.vector",
                        "-Dbench.corpus=" + System.getProperty("bench.corpus", ""),
                        "-Dbench.limit=" + Integer.getInteger("bench.limit", 0),
                        "-Dbench.queries=" + Integer.getInteger("bench.queries", 1000),
                        "-Dbench.seed=" + System.getProperty("bench.seed", "42"));
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(3));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Latency> latencies = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(RelatedPapersBenchmark.class.getName().length() + 1);
            Latency latency = latencies.computeIfAbsent(method, m -> new Latency());
            switch (result.getParams().getMode()) {
                case SampleTime -> {
                    latency.median = result.getPrimaryResult().getStatistics().getPercentile(50);
                    latency.p99 = result.getPrimaryResult().getStatistics().getPercentile(99);
                }
                case Throughput -> latency.perSecond = result.getPrimaryResult().getScore() * 1e6;
                default -> { }
            }
        }
        return latencies;
    }

    /** Latencies in µs, throughput in queries per second. */
    private static final class Latency {
        double median = Double.NaN;
        double p99 = Double.NaN;
        double perSecond = Double.NaN;
    }

    private record Built<T>(T engine, double seconds, long bytes) {
    }

    /** Builds after a full GC and measures the heap it keeps (used heap after GC, after minus before). */
    private static <T> Built<T> build(Supplier<T> builder) {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        T engine = builder.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedHeapAfterGc();
        return new Built<>(engine, seconds, after - before);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** How the engines' top 10 compare with brute force on the query sample. */
    private record Agreement(int queries, int exact, double oursOverlap, double moreLikeThisOverlap) {

        static Agreement measure(int[] sample, TfIdfIndex ours, LuceneMoreLikeThis lucene, BruteForceCosine brute) {
            long[] bruteIds = new long[K];
            double[] bruteScores = new double[K];
            long[] luceneIds = new long[K];
            int exact = 0;
            double oursOverlap = 0;
            double luceneOverlap = 0;
            for (int query : sample) {
                int expected = brute.related(query, K, bruteIds, bruteScores);
                List<ScoredDocument> got = ours.related(query, K, id -> false);
                boolean same = got.size() == expected;
                long[] oursIds = new long[got.size()];
                for (int i = 0; i < got.size(); i++) {
                    oursIds[i] = got.get(i).id();
                    same &= i < expected && got.get(i).id() == bruteIds[i] && got.get(i).score() == bruteScores[i];
                }
                exact += same ? 1 : 0;
                oursOverlap += overlap(oursIds, oursIds.length, bruteIds, expected);
                luceneOverlap += overlap(luceneIds, lucene.related(query, K, luceneIds), bruteIds, expected);
            }
            return new Agreement(sample.length, exact, oursOverlap / sample.length, luceneOverlap / sample.length);
        }

        private static double overlap(long[] ids, int size, long[] reference, int referenceSize) {
            if (referenceSize == 0) {
                return size == 0 ? 1 : 0;
            }
            int shared = 0;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < referenceSize; j++) {
                    shared += ids[i] == reference[j] ? 1 : 0;
                }
            }
            return (double) shared / referenceSize;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "exact top-10 (ids and scores equal brute force) %d/%d; overlap@10 ours %.3f, MoreLikeThis %.3f",
                    exact, queries, oursOverlap, moreLikeThisOverlap);
        }
    }
}
