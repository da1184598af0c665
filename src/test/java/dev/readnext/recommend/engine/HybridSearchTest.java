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
