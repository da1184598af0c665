package dev.readnext.bench;

import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * One-shot measurement of the precomputed neighbour lists on the arXiv corpus, in one run on the same documents:
 * <ol>
 *   <li>the baseline, one live {@code related(id, K + S)} query per document, on one thread and on every core;</li>
 *   <li>the background build of every list ({@link TfIdfIndex#neighboursReady()} polled), which must give the same
 *       ids and bit-identical scores as the baseline for every document;</li>
 *   <li>memory of the lists per document, from {@link TfIdfIndex#stats()} with and without lists;</li>
 *   <li>time of a top-10 {@code related} by look-up against the live query, over the fixed query sample;</li>
 *   <li>time of an upsert that replaces a paper by itself, with lists kept exact and without lists.</li>
 * </ol>
 * Run with the bench profile's class path:
 * {@code java -Xmx6g -cp … dev.readnext.bench.NeighbourListsBenchmark} with {@code -Dbench.corpus=… -Dbench.limit=10000}.
 */
public final class NeighbourListsBenchmark {

    private static final int K = 64;
    private static final int SLACK = 16;
    private static final int TOP = 10;

    private NeighbourListsBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        BenchCorpus corpus = BenchCorpus.fromSystemProperties();
        int n = corpus.papers().size();
        System.out.printf("%d papers, K = %d, S = %d, %d cores%n", n, K, SLACK, Runtime.getRuntime().availableProcessors());

        IndexSettings manual = IndexSettings.DEFAULT.withoutAutomaticReweighting();
        TfIdfIndex live = TfIdfIndex.build(corpus.documents().stream(), manual.withNeighbours(0, 0));
        long start = System.nanoTime();
        List<List<ScoredDocument>> baseline = IntStream.range(0, n)
                .mapToObj(id -> live.related(id, K + SLACK, other -> false)).toList();
        double oneThread = seconds(start);
        System.out.printf("baseline, one related(id, %d) per document, 1 thread:  %.2f s%n", K + SLACK, oneThread);
        start = System.nanoTime();
        AtomicLong hits = new AtomicLong();
        IntStream.range(0, n).parallel().forEach(id -> hits.addAndGet(live.related(id, K + SLACK, other -> false).size()));
        double allCores = seconds(start);
        System.out.printf("baseline, one related(id, %d) per document, all cores: %.2f s%n", K + SLACK, allCores);

        TfIdfIndex lists = TfIdfIndex.build(corpus.documents().stream(), manual.withNeighbours(K, SLACK));
        start = System.nanoTime();
        while (!lists.neighboursReady()) {
            Thread.sleep(1);
        }
        double build = seconds(start);
        System.out.printf("neighbour lists, background build on all cores:       %.2f s  (%.1fx the 1-thread baseline, "
                + "%.1fx the all-core one)%n", build, oneThread / build, allCores / build);

        int differences = 0;
        for (int id = 0; id < n; id++) {
            Optional<List<ScoredDocument>> looked = lists.neighbours(id, K + SLACK, other -> false);
            if (looked.isEmpty() || !looked.get().equals(baseline.get(id))) {
                differences++;
            }
        }
        System.out.printf("lists differing from the baseline (ids or score bits):  %d of %d%n", differences, n);

        long bytes = lists.stats().approximateBytes() - live.stats().approximateBytes();
        System.out.printf("memory of the lists: %.1f MB, %.0f bytes per document%n", bytes / 1e6, (double) bytes / n);

        int[] sample = corpus.queries();
        for (int round = 0; round < 5; round++) {
            double lookUp = microsPerQuery(lists, sample);
            double query = microsPerQuery(live, sample);
            System.out.printf("related top %d, round %d: look-up %.1f µs, live query %.1f µs (%.0fx)%n",
                    TOP, round, lookUp, query, query / lookUp);
        }

        List<DocumentText> documents = corpus.documents();
        for (int round = 0; round < 3; round++) {
            double withLists = millisPerUpsert(lists, documents, sample);
            double without = millisPerUpsert(live, documents, sample);
            System.out.printf("upsert replacing a paper, round %d: %.2f ms with lists, %.2f ms without%n",
                    round, withLists, without);
        }
    }

    private static double millisPerUpsert(TfIdfIndex index, List<DocumentText> documents, int[] sample) {
        int count = Math.min(200, sample.length);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            index.upsert(documents.get(sample[i]));
        }
        return (System.nanoTime() - start) / 1e6 / count;
    }

    private static double microsPerQuery(TfIdfIndex index, int[] sample) {
        long start = System.nanoTime();
        long found = 0;
        for (int id : sample) {
            found += index.related(id, TOP, other -> false).size();
        }
        if (found == 0) {
            throw new IllegalStateException("no hits");
        }
        return (System.nanoTime() - start) / 1e3 / sample.length;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
