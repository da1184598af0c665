package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The weighting formulas worked by hand on five documents (title boost 3, abstract boost 1, n = 5).
 * <pre>
 *   d1: title "cat", abstract "cat dog"  → tf(cat) = 3·1 + 1 = 4, tf(dog) = 1
 *   d2: abstract "dog fish"              → tf(dog) = 1, tf(fish) = 1
 *   d3: abstract "fish bird bird owl"    → tf(fish) = 1, tf(bird) = 2, tf(owl) = 1
 *   d4: abstract "cat"                   → tf(cat) = 1
 *   d5: abstract "dog bird"              → tf(dog) = 1, tf(bird) = 1
 *   df: cat 2, dog 3, fish 2, bird 2, owl 1
 *   g(cat) = g(fish) = g(bird) = √(ln(6/3) + 1) = √1.6931472 = 1.3012099
 *   g(dog)                     = √(ln(6/4) + 1) = √1.4054651 = 1.1855231
 *   g(owl)                     = 0 (one document)
 *   d1: cat (1 + ln 4)·1.3012099 = 2.3862944·1.3012099 = 3.1050698, dog 1·1.1855231
 *       ‖d1‖ = 3.3236913 → w = (cat 0.9342233, dog 0.3566887)
 *   d2: dog 1.1855231, fish 1.3012099, ‖d2‖ = 1.7602876 → w = (dog 0.6734827, fish 0.7392030); d5 likewise (dog, bird)
 *   d3: fish 1.3012099, bird (1 + ln 2)·1.3012099 = 2.2031399, owl 0; ‖d3‖ = 2.5587052 → w = (fish 0.5085423, bird 0.8610370)
 *   d4: cat → w = 1
 *   cos(d1, d4) = 0.9342233     cos(d1, d2) = cos(d1, d5) = 0.3566887·0.6734827 = 0.2402237 (a tie: d2 before d5)
 *   cos(d1, d2) counts idf(dog) once: 1·1·1.4054651 / (3.3236913·1.7602876) = 0.2402237
 *   cos(d2, d3) = 0.7392030·0.5085423 = 0.3759160     cos(d1, d3) = 0 (no shared term: never returned)
 * </pre>
 */
class TfIdfIndexWorkedExampleTest {

    private static final double TOLERANCE = 1e-6;

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(1, "cat", null, "cat dog"),
            new DocumentText(2, null, null, "dog fish"),
            new DocumentText(3, null, null, "fish bird bird owl"),
            new DocumentText(4, null, null, "cat"),
            new DocumentText(5, null, null, "dog bird")),
            IndexSettings.DEFAULT.withBoosts(new FieldBoosts(3, 2, 1)));

    @Test
    void relatedDocumentsHaveTheHandComputedCosines() {
        List<ScoredDocument> related = index.related(1, 10, id -> false);

        assertEquals(List.of(4L, 2L, 5L), related.stream().map(ScoredDocument::id).toList());
        assertEquals(0.9342232967174534, related.get(0).score(), TOLERANCE);
        assertEquals(0.2402236553500794, related.get(1).score(), TOLERANCE);
        assertEquals(0.2402236553500794, related.get(2).score(), TOLERANCE);
    }

    @Test
    void documentVectorHasTheHandComputedWeights() {
        QueryVector d3 = index.vectorOf(3).orElseThrow();

        assertEquals(2, d3.size(), "owl, of one document, weighs 0 and is left out");
        assertEquals(0.5085423203783268, d3.weight(0), TOLERANCE);
        assertEquals(0.8610369959439763, d3.weight(1), TOLERANCE);
    }

    @Test
    void cosineIsSymmetric() {
        assertEquals(0.37591602240840827, index.related(2, 1, id -> id != 3).get(0).score(), TOLERANCE);
        assertEquals(0.37591602240840827, index.related(3, 1, id -> id != 2).get(0).score(), TOLERANCE);
    }

    @Test
    void explanationSplitsTheCosineIntoSharedTerms() {
        List<SharedTerm> shared = index.explain(1, 2, 5);

        assertEquals(1, shared.size());
        assertEquals("dog", shared.get(0).term());
        assertEquals(0.2402236553500794, shared.get(0).contribution(), TOLERANCE);
    }

    @Test
    void statsCountDocumentsTermsAndPostings() {
        IndexStats stats = index.stats();

        assertEquals(5, stats.documents());
        assertEquals(5, stats.terms());
        assertEquals(10, stats.postings());
        assertEquals(1, stats.generation());
    }
}
