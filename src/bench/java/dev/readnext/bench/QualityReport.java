package dev.readnext.bench;

import dev.readnext.recommend.ServedRelatedPapers;
import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import dev.readnext.text.TitleKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
 *   <li>readnext as served, three ways: TF-IDF alone (the index the service builds, {@link TfIdfIndex}, default
 *       settings, and the service's ranking, {@link ServedRelatedPapers}: the blend, its thresholds, duplicates left
 *       out), the embedding alone (nearest by embedding cosine, duplicates left out), and the hybrid the service
 *       serves with semantic similarity on (the blend over both, at each weight of {@code quality.weights}); 10
 *       asked for; a shorter list counts as it is, its missing places as misses;</li>
 *   <li>Lucene MoreLikeThis over the same analysis ({@link LuceneMoreLikeThis});</li>
 *   <li>a plain scikit-learn-style TF-IDF ({@link PlainTfIdfBaseline}).</li>
 * </ul>
 * The embeddings are computed once per corpus and model and cached on disk ({@link CorpusEmbeddings}).
 * The output ends with {@code quality: corpus=… queries=… ranking=… P@10=…} lines, per seed, for TF-IDF, the embedding
 * and the hybrid at the first weight, the hybrid's last.
 * <pre>./mvnw -q -Pquality -Dquality.corpus=PATH [-Dquality.queries=1000] [-Dquality.seeds=42,7]
 *     [-Dquality.weights=0.5,0.3,0.7] [-Dquality.limit=10000 (the first papers only)] [-Dquality.cache=~/.cache/readnext]</pre>
 * {@code quality.queries} at or above the number of papers takes every paper, in order.
 */
public final class QualityReport {

    private static final int K = 10;
    /** The service's default {@code readnext.similarity.semantic-weight}. */
    private static final String DEFAULT_WEIGHT = "0.5";

    public static void main(String[] args) {
        long[] seeds = Arrays.stream(System.getProperty("quality.seeds", "42,7").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        int queryCount = Integer.getInteger("quality.queries", 1000);
        int limit = Integer.getInteger("quality.limit", 0);
        BenchCorpus corpus = BenchCorpus.load("quality.corpus", limit <= 0 ? Integer.MAX_VALUE : limit);
        System.out.printf(Locale.ROOT, "corpus %s: %,d papers, %,d query papers per seed, seeds %s%n", corpus.path(),
                corpus.papers().size(), corpus.queries(seeds[0], queryCount).length, Arrays.toString(seeds));

        TfIdfIndex index = timed("readnext index", () -> TfIdfIndex.build(corpus.documents().stream()));
        IndexStats stats = index.stats();
        System.out.printf(Locale.ROOT, "  %,d terms, %,d postings%n", stats.terms(), stats.postings());
        ServedRelatedPapers served = new ServedRelatedPapers(index);
        SemanticIndex semantic = timed("embeddings", () -> CorpusEmbeddings.of(corpus));
        double[] weights = Arrays.stream(System.getProperty("quality.weights", DEFAULT_WEIGHT).split(","))
                .mapToDouble(w -> Double.parseDouble(w.trim())).toArray();
        Map<Integer, Set<Long>> duplicates = duplicates(corpus);
        LuceneMoreLikeThis moreLikeThis = timed("Lucene MoreLikeThis", () -> new LuceneMoreLikeThis(corpus.documents()));
        PlainTfIdfBaseline plain = timed("plain TF-IDF", () -> new PlainTfIdfBaseline(corpus.papers()));

        List<String> names = new ArrayList<>(List.of("readnext, TF-IDF alone", "readnext, embedding alone"));
        for (double weight : weights) {
            names.add(String.format(Locale.ROOT, "readnext, hybrid w=%.2f", weight));
        }
        names.addAll(List.of("Lucene MoreLikeThis", "plain TF-IDF"));
        Precision[][] rows = new Precision[names.size()][seeds.length];
        int queries = 0;
        for (int s = 0; s < seeds.length; s++) {
            int[] sample = corpus.queries(seeds[s], queryCount);
            queries = sample.length;
            int row = 0;
            rows[row++][s] = precision(corpus, sample, q -> served.after(q, duplicates.getOrDefault(q, Set.of()), K)
                    .stream().mapToLong(Long::longValue).toArray());
            rows[row++][s] = precision(corpus, sample, q -> {
                Set<Long> skip = duplicates.getOrDefault(q, Set.of());
                return semantic.vectorOf(q).map(v -> semantic.topK(v, K, id -> id == q || skip.contains(id)))
                        .orElse(List.of()).stream().mapToLong(ScoredDocument::id).toArray();
            });
            for (double weight : weights) {
                ServedRelatedPapers hybrid = new ServedRelatedPapers(index, semantic, weight);
                rows[row++][s] = precision(corpus, sample, q -> hybrid.after(q, duplicates.getOrDefault(q, Set.of()), K)
                        .stream().mapToLong(Long::longValue).toArray());
            }
            rows[row++][s] = precision(corpus, sample, q -> {
                long[] ids = new long[K];
                return Arrays.copyOf(ids, moreLikeThis.related(q, K, ids));
            });
            rows[row][s] = precision(corpus, sample, q -> plain.related(q, K).stream().mapToLong(ScoredDocument::id).toArray());
        }
        System.out.printf("%n| P@10 |%s%n|---|%s%n", Arrays.stream(seeds).mapToObj(s -> " seed " + s + " |").collect(joining()),
                "---|".repeat(seeds.length));
        for (int r = 0; r < rows.length; r++) {
            System.out.printf("| %s |%s%n", names.get(r), Arrays.stream(rows[r])
                    .map(p -> String.format(Locale.ROOT, " %.3f |", p.value())).collect(joining()));
        }
        System.out.printf("%nlists shorter than %d (TF-IDF, embedding, hybrid; first seed):%s%n", K,
                Arrays.stream(new Precision[] {rows[0][0], rows[1][0], rows[2][0]})
                        .map(p -> String.format(Locale.ROOT, " %,d", p.shortLists())).collect(joining(",")));
        printMeaningCalibration(semantic, corpus);
        String[] rankings = {"tfidf", "embedding", String.format(Locale.ROOT, "hybrid(w=%.2f)", weights[0])};
        for (int r = 0; r < rankings.length; r++) {
            for (Precision precision : rows[r]) {
                System.out.printf(Locale.ROOT, "quality: corpus=%s queries=%d ranking=%s P@10=%.3f%n",
                        System.getProperty("quality.corpus"), queries, rankings[r], precision.value());
            }
        }
    }

    /**
     * How embedding cosines spread: over random pairs of papers, and between a paper and its 10th nearest neighbour;
     * for choosing the cosine from which two papers count as similar in meaning.
     */
    private static void printMeaningCalibration(SemanticIndex semantic, BenchCorpus corpus) {
        Random random = new Random(1);
        int n = corpus.papers().size();
        double[] pairs = random.ints(20_000, 0, n).mapToDouble(a -> {
            long b = random.nextInt(n);
            return semantic.vectorOf(a).map(v -> semantic.similarity(v, b).orElse(Double.NaN)).orElse(Double.NaN);
        }).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] tenth = Arrays.stream(corpus.queries(3, 500))
                .mapToDouble(q -> semantic.vectorOf(q).map(v -> semantic.topK(v, 11, id -> id == q))
                        .map(top -> top.get(top.size() - 1).score()).orElse(Double.NaN))
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        System.out.printf(Locale.ROOT, "embedding cosine, random pairs: p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f;"
                + " 10th nearest neighbour: p10 %.3f p50 %.3f p90 %.3f%n", at(pairs, 0.5), at(pairs, 0.9),
                at(pairs, 0.99), at(pairs, 0.999), at(tenth, 0.1), at(tenth, 0.5), at(tenth, 0.9));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, quantile * sorted.length)];
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
    static Map<Integer, Set<Long>> duplicates(BenchCorpus corpus) {
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
