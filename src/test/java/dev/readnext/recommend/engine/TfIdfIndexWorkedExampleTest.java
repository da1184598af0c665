package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The weighting formulas worked by hand on four documents (title boost 3, abstract boost 1, n = 4).
 * <pre>
 *   d1: title "cat", abstract "cat dog"  → tf(cat) = 3·1 + 1 = 4, tf(dog) = 1
 *   d2: abstract "dog fish"              → tf(dog) = 1, tf(fish) = 1
 *   d3: abstract "fish bird bird"        → tf(fish) = 1, tf(bird) = 2
 *   d4: abstract "cat"                   → tf(cat) = 1
 *   df: cat 2, dog 2, fish 2, bird 1
 *   idf(cat) = idf(dog) = idf(fish) = ln(5/3) + 1 = 1.5108256237659907
 *   idf(bird)                        = ln(5/2) + 1 = 1.916290731874155
 *   d1: cat (1 + ln 4)·1.5108256 = 2.3862944·1.5108256 = 3.6052747, dog 1·1.5108256 = 1.5108256
 *       ‖d1‖ = sqrt(3.6052747² + 1.5108256²) = 3.9090407 → w = (cat 0.9222914, dog 0.3864952)
 *   d2: dog = fish = 1.5108256 → w = (1/√2, 1/√2) = (0.7071068, 0.7071068)
 *   d3: fish 1.5108256, bird (1 + ln 2)·1.9162907 = 3.2445622, ‖d3‖ = 3.5790751 → w = (fish 0.4221274, bird 0.9065365)
 *   d4: cat → w = 1
 *   cos(d1, d4) = 0.9222914              cos(d1, d2) = 0.3864952·0.7071068 = 0.2732934
 *   cos(d2, d3) = 0.7071068·0.4221274 = 0.2984891     cos(d1, d3) = 0 (no shared term: never returned)
 * </pre>
 */
class TfIdfIndexWorkedExampleTest {

    private static final double TOLERANCE = 1e-6;

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(1, "cat", null, "cat dog"),
            new DocumentText(2, null, null, "dog fish"),
            new DocumentText(3, null, null, "fish bird bird"),
            new DocumentText(4, null, null, "cat")),
            IndexSettings.DEFAULT.withBoosts(new FieldBoosts(3, 2, 1)));

    @Test
    void relatedDocumentsHaveTheHandComputedCosines() {
        List<ScoredDocument> related = index.related(1, 10, id -> false);

        assertEquals(2, related.size());
        assertEquals(4, related.get(0).id());
        assertEquals(0.9222914031217399, related.get(0).score(), TOLERANCE);
        assertEquals(2, related.get(1).id());
        assertEquals(0.2732934025253193, related.get(1).score(), TOLERANCE);
    }

    @Test
    void documentVectorHasTheHandComputedWeights() {
        QueryVector d3 = index.vectorOf(3).orElseThrow();

        assertEquals(2, d3.size());
        assertEquals(0.42212739325663945, d3.weight(0), TOLERANCE);
        assertEquals(0.9065365209754952, d3.weight(1), TOLERANCE);
    }

    @Test
    void cosineIsSymmetric() {
        assertEquals(0.29848914229637025, index.related(2, 1, id -> id == 1).get(0).score(), TOLERANCE);
        assertEquals(0.29848914229637025, index.related(3, 1, id -> false).get(0).score(), TOLERANCE);
    }

    @Test
    void explanationSplitsTheCosineIntoSharedTerms() {
        List<SharedTerm> shared = index.explain(1, 2, 5);

        assertEquals(1, shared.size());
        assertEquals("dog", shared.get(0).term());
        assertEquals(0.2732934025253193, shared.get(0).contribution(), TOLERANCE);
    }

    @Test
    void statsCountDocumentsTermsAndPostings() {
        IndexStats stats = index.stats();

        assertEquals(4, stats.documents());
        assertEquals(4, stats.terms());
        assertEquals(7, stats.postings());
        assertEquals(1, stats.generation());
    }
}
