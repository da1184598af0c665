package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * On random corpora, some papers not embedded yet, the hybrid top k equals the brute-force ranking of
 * {@code (1 − w)·tfidf + w·semantic} (TF-IDF alone for papers without an embedding) over every document, whatever the
 * weight, k and exclusions: the threshold algorithm's early stop never changes an answer.
 */
class HybridSearchTest {

    private static final int DIMENSIONS = 16;

    @Test
    void topKEqualsBruteForceOnRandomCorpora() {
        for (int trial = 0; trial < 200; trial++) {
            Random random = new Random(trial);
            int documents = 1 + random.nextInt(120);
            TfIdfIndex tfidf = TfIdfIndex.build(IntStream.range(0, documents)
                    .mapToObj(i -> new DocumentText(i, words(random, 1 + random.nextInt(12)), null, null)));
            SemanticIndex semantic = new SemanticIndex(DIMENSIONS, documents, 5);
            double embeddedShare = random.nextDouble();
            for (int i = 0; i < documents; i++) {
                if (random.nextDouble() < embeddedShare) {
                    semantic.put(i, RandomVectors.unitVector(random, DIMENSIONS));
                }
            }
            double weight = random.nextInt(5) == 0 ? random.nextInt(2) : random.nextDouble();
            HybridSearch search = new HybridSearch(tfidf, semantic, weight);
            for (int query = 0; query < 10; query++) {
                QueryVector text = tfidf.queryFor(words(random, 1 + random.nextInt(6)));
                Int8Vector meaning = random.nextInt(6) == 0 ? null : RandomVectors.unitVector(random, DIMENSIONS);
                int k = 1 + random.nextInt(15);
                Set<Long> excluded = LongStream.range(0, documents).filter(i -> random.nextInt(8) == 0).boxed()
                        .collect(Collectors.toSet());
                List<HybridHit> expected = bruteForce(search, tfidf, semantic, text, meaning, k, excluded::contains,
                        documents);
                List<HybridHit> actual = search.topK(text, meaning, k, excluded::contains);
                assertEquals(expected, actual, "trial " + trial + ", query " + query + ", w " + weight + ", k " + k);
            }
        }
    }

    @Test
    void relatedFromTheTwoNeighbourListsEqualsBruteForce() throws InterruptedException {
        long fromLists = 0;
        long questions = 0;
        for (int trial = 0; trial < 60; trial++) {
            Random random = new Random(1000 + trial);
            int documents = 2 + random.nextInt(160);
            int lists = 4 + random.nextInt(40);
            TfIdfIndex tfidf = TfIdfIndex.build(IntStream.range(0, documents)
                    .mapToObj(i -> new DocumentText(i, words(random, 1 + random.nextInt(12)), null, null)),
                    IndexSettings.DEFAULT.withoutAutomaticReweighting()
                            .withNeighbours(4 + random.nextInt(40), random.nextInt(8)));
            SemanticIndex semantic = new SemanticIndex(DIMENSIONS, documents, 5, lists, random.nextInt(8));
            double embeddedShare = 0.5 + random.nextDouble() / 2;
            for (int i = 0; i < documents; i++) {
                if (random.nextDouble() < embeddedShare) {
                    semantic.put(i, RandomVectors.unitVector(random, DIMENSIONS));
                }
            }
            semantic.buildNeighboursInBackground();
            assertTrue(tfidf.awaitNeighbours(60_000) && semantic.awaitNeighbours(60_000));
            for (int write = 0; write < 10; write++) { // lists maintained by writes answer as well
                int id = random.nextInt(documents);
                if (random.nextBoolean()) {
                    semantic.put(id, RandomVectors.unitVector(random, DIMENSIONS));
                } else {
                    tfidf.upsert(new DocumentText(id, words(random, 1 + random.nextInt(12)), null, null));
                }
            }
            double weight = random.nextInt(5) == 0 ? 1 : 0.1 + 0.9 * random.nextDouble();
            HybridSearch search = new HybridSearch(tfidf, semantic, weight);
            for (long id = 0; id < documents; id++) {
                Int8Vector meaning = semantic.vectorOf(id).orElse(null);
                QueryVector text = tfidf.vectorOf(id).orElseThrow();
                int k = 1 + random.nextInt(12);
                Set<Long> excluded = LongStream.range(0, documents).filter(i -> random.nextInt(10) == 0).boxed()
                        .collect(Collectors.toSet());
                long self = id;
                LongPredicate skip = other -> other == self || excluded.contains(other);
                assertEquals(bruteForce(search, tfidf, semantic, text, meaning, k, skip, documents),
                        search.related(id, text, meaning, k, excluded::contains),
                        "trial " + trial + ", paper " + id + ", w " + weight + ", k " + k);
                questions += meaning == null ? 0 : 1;
            }
            fromLists += search.answeredFromLists();
        }
        // how often the lists prove the answer depends on the data; here it is to see both paths taken
        assertTrue(fromLists > questions / 4 && fromLists < questions,
                "the lists answered " + fromLists + " of " + questions);
    }

    @Test
    void withoutAQueryEmbeddingItIsTheTfIdfTopK() {
        Random random = new Random(5);
        TfIdfIndex tfidf = TfIdfIndex.build(IntStream.range(0, 50)
                .mapToObj(i -> new DocumentText(i, words(random, 8), null, null)));
        SemanticIndex semantic = new SemanticIndex(DIMENSIONS, 50, 5);
        IntStream.range(0, 50).forEach(i -> semantic.put(i, RandomVectors.unitVector(random, DIMENSIONS)));
        QueryVector text = tfidf.queryFor(words(random, 4));
        List<HybridHit> hits = new HybridSearch(tfidf, semantic, 0.5).topK(text, null, 10, id -> false);
        assertEquals(tfidf.topK(text, 10, id -> false).stream().map(ScoredDocument::id).toList(),
                hits.stream().map(HybridHit::id).toList());
        assertTrue(hits.stream().noneMatch(HybridHit::hasSemantic));
    }

    private static List<HybridHit> bruteForce(HybridSearch search, TfIdfIndex tfidf, SemanticIndex semantic,
            QueryVector text, Int8Vector meaning, int k, LongPredicate excluded, int documents) {
        List<HybridHit> all = new ArrayList<>();
        for (long id = 0; id < documents; id++) {
            HybridHit hit = search.score(text, meaning, id);
            boolean embedded = meaning != null && semantic.contains(id) && search.weight() > 0;
            if (!excluded.test(id) && (hit.tfidf() > 0 || embedded)) {
                all.add(embedded ? hit : new HybridHit(id, hit.tfidf(), hit.tfidf(), Double.NaN));
            }
        }
        all.sort(Comparator.comparingDouble(HybridHit::score).reversed().thenComparingLong(HybridHit::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static String words(Random random, int count) {
        Set<String> words = new HashSet<>();
        while (words.size() < count) {
            words.add("w" + random.nextInt(40));
        }
        return String.join(" ", words);
    }
}
