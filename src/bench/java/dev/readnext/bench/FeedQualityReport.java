package dev.readnext.bench;

import dev.readnext.recommend.ServedFeed;
import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Offline quality of the reader's "for you" feed (issue 17) on an arXiv metadata file, without a server: simulated
 * readers with fixed seeds, their feed's text side as {@link ServedFeed} computes it (the served weighted centroids,
 * hybrid pool and {@code FeedRanking.mmr} with its constants; no structure signals, the file has none), against
 * variants of it, on the same readers. A paper's arXiv primary category is the relevance label, as in
 * {@link QualityReport}. Scenarios ({@code feed.readers} readers each, 500):
 * <ul>
 *   <li><b>focused</b>: h ∈ {1, 5, 20} papers of one primary category (drawn as a random paper's, so categories come
 *       as often as papers do); P@10 of entries of that category, the mean pairwise hybrid cosine of the entries
 *       (redundancy) and the adjacent entry pairs at or above the near-duplicate cut, per reader;</li>
 *   <li><b>drift</b>: 10 older reads of category A, then 5 recent reads of category B (most recent first); the
 *       feed's share in B and in A;</li>
 *   <li><b>held-out</b>: 10 random papers of a category, the other papers of that category held out as the relevant
 *       ones; P@10 and nDCG@10 (binary gain).</li>
 * </ul>
 * Weights as the service gives reads: {@code 0.5^(i/5)}, i = 0 the most recent. Every paper in the history and the
 * known duplicates (same title key or arXiv id) of the five most recent are left out, as the feed does.
 * <pre>./mvnw -q -Pquality test-compile exec:java@feed -Dquality.corpus=PATH [-Dfeed.readers=500] [-Dfeed.seed=42]
 *     [-Dquality.weights=0.5 (the first is used)] [-Dquality.limit=10000]</pre>
 */
public final class FeedQualityReport {

    private static final int SIZE = 10;
    private static final double HALF_LIFE = 5;
    private static final int RECENT = 5;
    /** A category is drawn only when it has this many papers, so that a history of 20 leaves plenty held out. */
    private static final int MIN_CATEGORY = 50;

    /** A ranking compared: its name and its entries for a reader's history (most recent first). */
    private record Variant(String name, String key, Ranker ranker) {
    }

    @FunctionalInterface
    private interface Ranker {
        List<Long> entries(Reader reader);
    }

    /** A simulated reader: history most recent first, the ids to skip, and per variant the pool (computed once). */
    private record Reader(long[] history, Set<Long> skip, Map<String, List<HybridHit>> pools) {
    }

    public static void main(String[] args) {
        int readers = Integer.getInteger("feed.readers", 500);
        long seed = Long.getLong("feed.seed", 42);
        int limit = Integer.getInteger("quality.limit", 0);
        double weight = Double.parseDouble(System.getProperty("quality.weights", "0.5").split(",")[0].trim());
        BenchCorpus corpus = BenchCorpus.load("quality.corpus", limit <= 0 ? Integer.MAX_VALUE : limit);
        System.out.printf(Locale.ROOT, "corpus %s: %,d papers, %d readers per scenario, seed %d, semantic weight %.2f%n",
                corpus.path(), corpus.papers().size(), readers, seed, weight);
        TfIdfIndex index = timed("readnext index", () -> TfIdfIndex.build(corpus.documents().stream()));
        IndexStats stats = index.stats();
        System.out.printf(Locale.ROOT, "  %,d terms, %,d postings%n", stats.terms(), stats.postings());
        SemanticIndex semantic = timed("embeddings", () -> CorpusEmbeddings.of(corpus));
        Map<Integer, Set<Long>> duplicates = QualityReport.duplicates(corpus);

        ServedFeed hybrid = new ServedFeed(index, semantic, weight);
        ServedFeed tfidfOnly = new ServedFeed(index, null, 0);
        double lambda = ServedFeed.lambda();
        double cut = ServedFeed.nearDuplicate();
        List<Variant> variants = List.of(
                new Variant(String.format(Locale.ROOT, "(a) feed as built: recency, hybrid, MMR λ %.2f", lambda),
                        "feed", r -> hybrid.mmr(r.pools().get("recency"), SIZE)),
                new Variant("(b) no MMR: relevance order", "no-mmr",
                        r -> ServedFeed.relevanceOrder(r.pools().get("recency"), SIZE)),
                new Variant("(c) equal weights (no recency), MMR", "equal-weights",
                        r -> hybrid.mmr(r.pools().get("equal"), SIZE)),
                new Variant("(d) relatedPapers of the most recent paper", "related-latest",
                        r -> hybrid.related(r.history()[0], duplicates.getOrDefault((int) r.history()[0], Set.of()),
                                r.skip(), SIZE)),
                new Variant("(e) TF-IDF only centroid, MMR (TF-IDF cosine)", "tfidf-only",
                        r -> tfidfOnly.mmr(r.pools().get("tfidf"), SIZE)),
                new Variant("(a') λ 0.5", "lambda-0.5",
                        r -> hybrid.mmr(r.pools().get("recency"), SIZE, 0.5, cut)),
                new Variant("(a') λ 0.85", "lambda-0.85",
                        r -> hybrid.mmr(r.pools().get("recency"), SIZE, 0.85, cut)),
                new Variant(String.format(Locale.ROOT, "(a') λ 1: the near-duplicate cut %.1f alone", cut), "cut-only",
                        r -> hybrid.mmr(r.pools().get("recency"), SIZE, 1.0, cut)),
                new Variant(String.format(Locale.ROOT, "(a') λ %.2f, no near-duplicate cut", lambda), "no-cut",
                        r -> hybrid.mmr(r.pools().get("recency"), SIZE, lambda, Double.POSITIVE_INFINITY)));

        Map<String, List<Integer>> byCategory = new HashMap<>();
        for (int i = 0; i < corpus.papers().size(); i++) {
            byCategory.computeIfAbsent(corpus.paper(i).primaryCategory(), k -> new ArrayList<>()).add(i);
        }
        byCategory.values().removeIf(papers -> papers.size() < MIN_CATEGORY);
        int[] eligible = byCategory.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d categories of %d papers or more (%,d papers) to draw readers from%n",
                byCategory.size(), MIN_CATEGORY, eligible.length);

        Generator generator = new Generator(corpus, byCategory, eligible);
        Evaluator evaluator = new Evaluator(corpus, hybrid, tfidfOnly, duplicates, variants, cut);
        Map<String, Map<String, Metrics>> results = new LinkedHashMap<>();
        for (int h : new int[] {1, 5, 20}) {
            List<Drawn> drawn = generator.focused(new Random(seed * 31 + h), readers, h);
            results.put("focused h=" + h, timed("focused h=" + h, () -> evaluator.run(drawn)));
        }
        List<Drawn> drifting = generator.drifting(new Random(seed * 31 + 100), readers, 10, 5);
        results.put("drift", timed("drift", () -> evaluator.run(drifting)));
        List<Drawn> heldOut = generator.focused(new Random(seed * 31 + 200), readers, 10);
        results.put("held-out h=10", timed("held-out h=10", () -> evaluator.run(heldOut)));

        print(results, variants, readers);
        String source = System.getProperty("quality.corpus");
        for (Variant variant : variants.subList(0, 5)) {
            for (int h : new int[] {1, 5, 20}) {
                Metrics m = results.get("focused h=" + h).get(variant.key());
                System.out.printf(Locale.ROOT, "feed-quality: corpus=%s readers=%d scenario=focused h=%d ranking=%s"
                        + " P@10=%.3f redundancy=%.3f nearDupPairs=%.2f entries=%.1f%n", source, readers, h,
                        variant.key(), m.precision().mean(), m.redundancy().mean(), m.nearDuplicates().mean(),
                        m.length().mean());
            }
            Metrics drift = results.get("drift").get(variant.key());
            System.out.printf(Locale.ROOT, "feed-quality: corpus=%s readers=%d scenario=drift ranking=%s"
                    + " shareB=%.3f shareA=%.3f%n", source, readers, variant.key(), drift.precision().mean(),
                    drift.older().mean());
            Metrics held = results.get("held-out h=10").get(variant.key());
            System.out.printf(Locale.ROOT, "feed-quality: corpus=%s readers=%d scenario=held-out h=10 ranking=%s"
                    + " P@10=%.3f nDCG@10=%.3f%n", source, readers, variant.key(), held.precision().mean(),
                    held.ndcg().mean());
        }
    }

    /**
     * A reader as drawn: history most recent first; {@code recentCategory} the category the recent reads are of (the
     * relevant one), {@code olderCategory} that of the older reads in the drift scenario (else null).
     */
    private record Drawn(long[] history, String recentCategory, String olderCategory) {
    }

    private record Generator(BenchCorpus corpus, Map<String, List<Integer>> byCategory, int[] eligible) {

        List<Drawn> focused(Random random, int readers, int h) {
            List<Drawn> drawn = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                String category = corpus.paper(eligible[random.nextInt(eligible.length)]).primaryCategory();
                drawn.add(new Drawn(sample(random, category, h), category, null));
            }
            return drawn;
        }

        List<Drawn> drifting(Random random, int readers, int older, int recent) {
            List<Drawn> drawn = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                String a = corpus.paper(eligible[random.nextInt(eligible.length)]).primaryCategory();
                String b;
                do {
                    b = corpus.paper(eligible[random.nextInt(eligible.length)]).primaryCategory();
                } while (b.equals(a));
                long[] history = new long[recent + older];
                System.arraycopy(sample(random, b, recent), 0, history, 0, recent);
                System.arraycopy(sample(random, a, older), 0, history, recent, older);
                drawn.add(new Drawn(history, b, a));
            }
            return drawn;
        }

        /** {@code n} distinct papers of {@code category}, in the order drawn (the first the most recent). */
        private long[] sample(Random random, String category, int n) {
            List<Integer> papers = byCategory.get(category);
            Set<Integer> seen = new HashSet<>();
            long[] ids = new long[n];
            for (int i = 0; i < n; ) {
                int id = papers.get(random.nextInt(papers.size()));
                if (seen.add(id)) {
                    ids[i++] = id;
                }
            }
            return ids;
        }
    }

    /** A per-reader value's mean and standard error. */
    private record Mean(double mean, double stderr) {
        static Mean of(double[] values) {
            double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            if (present.length == 0) {
                return new Mean(Double.NaN, Double.NaN);
            }
            double mean = Arrays.stream(present).average().orElse(Double.NaN);
            double variance = Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum()
                    / Math.max(1, present.length - 1);
            return new Mean(mean, Math.sqrt(variance / present.length));
        }
    }

    /**
     * A variant's figures over a scenario's readers: {@code precision} is the share of the {@value #SIZE} places in the
     * recent category (a short list's empty places count as misses), {@code older} the share in the older category
     * (drift only).
     */
    private record Metrics(Mean precision, Mean older, Mean ndcg, Mean redundancy, Mean nearDuplicates, Mean length,
            double[] perReader) {
    }

    private record Evaluator(BenchCorpus corpus, ServedFeed hybrid, ServedFeed tfidfOnly,
            Map<Integer, Set<Long>> duplicates, List<Variant> variants, double cut) {

        Map<String, Metrics> run(List<Drawn> drawn) {
            int n = drawn.size();
            double[][][] values = new double[variants.size()][6][n];
            IntStream.range(0, n).parallel().forEach(r -> {
                Drawn reader = drawn.get(r);
                Reader prepared = prepare(reader.history());
                for (int v = 0; v < variants.size(); v++) {
                    List<Long> entries = variants.get(v).ranker().entries(prepared);
                    double[] m = measure(entries, reader);
                    for (int k = 0; k < m.length; k++) {
                        values[v][k][r] = m[k];
                    }
                }
            });
            Map<String, Metrics> metrics = new LinkedHashMap<>();
            for (int v = 0; v < variants.size(); v++) {
                double[][] x = values[v];
                metrics.put(variants.get(v).key(), new Metrics(Mean.of(x[0]), Mean.of(x[1]), Mean.of(x[2]),
                        Mean.of(x[3]), Mean.of(x[4]), Mean.of(x[5]), x[0]));
            }
            return metrics;
        }

        private Reader prepare(long[] history) {
            Set<Long> skip = new HashSet<>();
            for (int i = 0; i < history.length; i++) {
                skip.add(history[i]);
                if (i < RECENT) {
                    skip.addAll(duplicates.getOrDefault((int) history[i], Set.of()));
                }
            }
            double[] recency = new double[history.length];
            double[] equal = new double[history.length];
            for (int i = 0; i < history.length; i++) {
                recency[i] = Math.pow(0.5, i / HALF_LIFE);
                equal[i] = 1;
            }
            Map<String, List<HybridHit>> pools = Map.of(
                    "recency", hybrid.pool(history, recency, skip, SIZE),
                    "equal", hybrid.pool(history, equal, skip, SIZE),
                    "tfidf", tfidfOnly.pool(history, recency, skip, SIZE));
            return new Reader(history, skip, pools);
        }

        /** precision, older share, nDCG, mean pairwise hybrid cosine, adjacent near-duplicate pairs, entries. */
        private double[] measure(List<Long> entries, Drawn reader) {
            double dcg = 0;
            double ideal = 0;
            int recent = 0;
            int older = 0;
            for (int i = 0; i < SIZE; i++) {
                ideal += 1 / log2(i + 2);
                if (i < entries.size()) {
                    String category = corpus.paper(entries.get(i)).primaryCategory();
                    if (category.equals(reader.recentCategory())) {
                        recent++;
                        dcg += 1 / log2(i + 2);
                    } else if (category.equals(reader.olderCategory())) {
                        older++;
                    }
                }
            }
            double pairs = 0;
            int count = 0;
            for (int i = 0; i < entries.size(); i++) {
                for (int j = i + 1; j < entries.size(); j++) {
                    pairs += hybrid.similarity(entries.get(i), entries.get(j));
                    count++;
                }
            }
            int adjacent = 0;
            for (int i = 1; i < entries.size(); i++) {
                adjacent += hybrid.similarity(entries.get(i - 1), entries.get(i)) >= cut ? 1 : 0;
            }
            return new double[] {(double) recent / SIZE, reader.olderCategory() == null ? Double.NaN
                    : (double) older / SIZE, dcg / ideal, count == 0 ? Double.NaN : pairs / count, adjacent,
                    entries.size()};
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    private static void print(Map<String, Map<String, Metrics>> results, List<Variant> variants, int readers) {
        System.out.printf(Locale.ROOT, "%n%d readers per scenario; P@10 = share of the 10 places in the reader's"
                + " category; redund. = mean pairwise hybrid cosine of the entries; dup = adjacent pairs ≥ cut per feed%n",
                readers);
        System.out.println("| ranking | focused h=1 P@10 | h=5 P@10 | h=20 P@10 | h=1 / 5 / 20 redund. | h=1 / 5 / 20 dup"
                + " | drift: in B / in A | held-out h=10 P@10 / nDCG@10 | entries h=5 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Map<String, Metrics> f1 = results.get("focused h=1");
        Map<String, Metrics> f5 = results.get("focused h=5");
        Map<String, Metrics> f20 = results.get("focused h=20");
        Map<String, Metrics> drift = results.get("drift");
        Map<String, Metrics> held = results.get("held-out h=10");
        for (Variant variant : variants) {
            String k = variant.key();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f / %.3f / %.3f | %.2f / %.2f / %.2f"
                    + " | %.3f / %.3f | %.3f / %.3f | %.1f |%n", variant.name(),
                    f1.get(k).precision().mean(), f5.get(k).precision().mean(), f20.get(k).precision().mean(),
                    f1.get(k).redundancy().mean(), f5.get(k).redundancy().mean(), f20.get(k).redundancy().mean(),
                    f1.get(k).nearDuplicates().mean(), f5.get(k).nearDuplicates().mean(),
                    f20.get(k).nearDuplicates().mean(), drift.get(k).precision().mean(), drift.get(k).older().mean(),
                    held.get(k).precision().mean(), held.get(k).ndcg().mean(), f5.get(k).length().mean());
        }
        System.out.println("P@10 (drift: share in B) minus the feed's (a), same readers, mean ± standard error:");
        for (Map.Entry<String, Map<String, Metrics>> scenario : results.entrySet()) {
            double[] served = scenario.getValue().get(variants.get(0).key()).perReader();
            StringBuilder line = new StringBuilder("  " + scenario.getKey() + ":");
            for (Variant variant : variants.subList(1, variants.size())) {
                double[] other = scenario.getValue().get(variant.key()).perReader();
                Mean difference = Mean.of(IntStream.range(0, served.length).mapToDouble(i -> other[i] - served[i])
                        .toArray());
                line.append(String.format(Locale.ROOT, " %s %+.3f±%.3f", variant.key(), difference.mean(),
                        difference.stderr()));
            }
            System.out.println(line);
        }
        double worst = results.values().stream().flatMap(m -> m.values().stream())
                .mapToDouble(m -> m.precision().stderr()).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "standard error of a P@10 / share figure above: at most %.3f (per-reader"
                + " spread; differences between rankings on the same readers are tighter)%n", worst);
    }

    private static <T> T timed(String what, Supplier<T> build) {
        long start = System.nanoTime();
        T built = build.get();
        System.out.printf(Locale.ROOT, "%s done in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return built;
    }
}
