package dev.readnext.bench;

import dev.readnext.recommend.ServedRelatedPapers;
import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;
import dev.readnext.text.TitleKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static java.util.stream.Collectors.joining;

/**
 * Quality of related papers on an arXiv metadata file, without a server: precision@10 of the papers sharing the query
 * paper's primary category, over fixed random samples of query papers, for
 * <ul>
 *   <li>readnext as served: the index the service builds ({@link TfIdfIndex}, default settings) and the service's
 *       ranking ({@link ServedRelatedPapers}: the blend, its text threshold, duplicates left out), 10 asked for;
 *       a shorter list counts as it is, its missing places as misses;</li>
 *   <li>Lucene MoreLikeThis over the same analysis ({@link LuceneMoreLikeThis});</li>
 *   <li>a plain scikit-learn-style TF-IDF ({@link PlainTfIdfBaseline}).</li>
 * </ul>
 * The output ends with one line per seed for readnext as served, {@code quality: corpus=… queries=… P@10=…}.
 * <pre>./mvnw -q -Pquality -Dquality.corpus=PATH [-Dquality.queries=1000] [-Dquality.seeds=42,7]</pre>
 * {@code quality.queries} at or above the number of papers takes every paper, in order.
 */
public final class QualityReport {

    private static final int K = 10;

    public static void main(String[] args) {
        long[] seeds = Arrays.stream(System.getProperty("quality.seeds", "42,7").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        int queryCount = Integer.getInteger("quality.queries", 1000);
        BenchCorpus corpus = BenchCorpus.load("quality.corpus", Integer.MAX_VALUE);
        System.out.printf(Locale.ROOT, "corpus %s: %,d papers, %,d query papers per seed, seeds %s%n", corpus.path(),
                corpus.papers().size(), corpus.queries(seeds[0], queryCount).length, Arrays.toString(seeds));

        TfIdfIndex index = timed("readnext index", () -> TfIdfIndex.build(corpus.documents().stream()));
        IndexStats stats = index.stats();
        System.out.printf(Locale.ROOT, "  %,d terms, %,d postings%n", stats.terms(), stats.postings());
        ServedRelatedPapers served = new ServedRelatedPapers(index);
        Map<Integer, Set<Long>> duplicates = duplicates(corpus);
        LuceneMoreLikeThis moreLikeThis = timed("Lucene MoreLikeThis", () -> new LuceneMoreLikeThis(corpus.documents()));
        PlainTfIdfBaseline plain = timed("plain TF-IDF", () -> new PlainTfIdfBaseline(corpus.papers()));

        Precision[][] rows = new Precision[3][seeds.length];
        int queries = 0;
        for (int s = 0; s < seeds.length; s++) {
            int[] sample = corpus.queries(seeds[s], queryCount);
            queries = sample.length;
            rows[0][s] = precision(corpus, sample, q -> served.after(q, duplicates.getOrDefault(q, Set.of()), K)
                    .stream().mapToLong(Long::longValue).toArray());
            rows[1][s] = precision(corpus, sample, q -> {
                long[] ids = new long[K];
                return Arrays.copyOf(ids, moreLikeThis.related(q, K, ids));
            });
            rows[2][s] = precision(corpus, sample, q -> plain.related(q, K).stream().mapToLong(ScoredDocument::id).toArray());
        }
        System.out.printf("%n| P@10 |%s%n|---|%s%n", Arrays.stream(seeds).mapToObj(s -> " seed " + s + " |").collect(joining()),
                "---|".repeat(seeds.length));
        String[] names = {"readnext as served", "Lucene MoreLikeThis", "plain TF-IDF"};
        for (int r = 0; r < rows.length; r++) {
            System.out.printf("| %s |%s%n", names[r], Arrays.stream(rows[r])
                    .map(p -> String.format(Locale.ROOT, " %.3f |", p.value())).collect(joining()));
        }
        System.out.printf("%nreadnext as served, lists shorter than %d:%s%n", K, Arrays.stream(rows[0])
                .map(p -> String.format(Locale.ROOT, " %,d", p.shortLists())).collect(joining(",")));
        for (Precision served10 : rows[0]) {
            System.out.printf(Locale.ROOT, "quality: corpus=%s queries=%d P@10=%.3f%n",
                    System.getProperty("quality.corpus"), queries, served10.value());
        }
    }

    /** Hits over {@code K} places per query; {@code shortLists} counts the queries given fewer than {@code K} papers. */
    private record Precision(double value, long shortLists) {
    }

    @FunctionalInterface
    private interface Related {
        long[] ids(int query);
    }

    private static Precision precision(BenchCorpus corpus, int[] sample, Related related) {
        long[][] lists = Arrays.stream(sample).parallel().mapToObj(related::ids).toArray(long[][]::new);
        long hits = 0;
        long shortLists = 0;
        for (int i = 0; i < sample.length; i++) {
            String category = corpus.paper(sample[i]).primaryCategory();
            hits += Arrays.stream(lists[i]).filter(id -> corpus.paper(id).primaryCategory().equals(category)).count();
            shortLists += lists[i].length < K ? 1 : 0;
        }
        return new Precision((double) hits / (sample.length * K), shortLists);
    }

    /** Papers the service would hold as duplicates of each other: the same title key or the same arXiv id. */
    private static Map<Integer, Set<Long>> duplicates(BenchCorpus corpus) {
        Map<String, Set<Long>> byKey = new HashMap<>();
        IntStream.range(0, corpus.papers().size()).forEach(i -> {
            BenchCorpus.Paper paper = corpus.papers().get(i);
            group(byKey, "title ", TitleKey.normalize(paper.title()), i);
            group(byKey, "arXiv ", paper.arxivId(), i);
        });
        Map<Integer, Set<Long>> duplicates = new HashMap<>();
        byKey.values().stream().filter(group -> group.size() > 1).forEach(group -> group.forEach(id ->
                duplicates.computeIfAbsent(id.intValue(), k -> new HashSet<>()).addAll(group)));
        duplicates.forEach((id, group) -> group.remove((long) id));
        return duplicates;
    }

    private static void group(Map<String, Set<Long>> byKey, String kind, String key, long paper) {
        if (!key.isBlank()) {
            byKey.computeIfAbsent(kind + key, k -> new HashSet<>()).add(paper);
        }
    }

    private static <T> T timed(String what, Supplier<T> build) {
        long start = System.nanoTime();
        T built = build.get();
        System.out.printf(Locale.ROOT, "%s built in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return built;
    }
}
