package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.readnext.recommend.engine.HybridHit;

/** The feed's MMR: near-duplicates of a picked entry fall back or out, relevance order otherwise. */
class FeedMmrTest {

    /** Papers 1, 2 and 3 are one paper thrice (similarity 0.95); 4 and 5 are unlike anything. */
    private static final FeedRanking.Similarity SIMILARITY = (a, b) -> a <= 3 && b <= 3 ? 0.95 : 0.1;

    private static HybridHit hit(long id, double score) {
        return new HybridHit(id, score, score, Double.NaN);
    }

    @Test
    void nearDuplicatesOfAPickedEntryAreNotPicked() {
        List<HybridHit> pool = List.of(hit(1, 0.9), hit(2, 0.89), hit(3, 0.88), hit(4, 0.5), hit(5, 0.4));
        List<Long> picked = FeedRanking.mmr(pool, 4, SIMILARITY).stream().map(HybridHit::id).toList();
        // the plain top 4 would be 1, 2, 3, 4
        assertEquals(List.of(1L, 4L, 5L), picked);
    }

    @Test
    void withoutDuplicatesRelevanceOrderStays() {
        List<HybridHit> pool = List.of(hit(4, 0.9), hit(5, 0.8), hit(1, 0.7));
        assertEquals(List.of(4L, 5L, 1L),
                FeedRanking.mmr(pool, 3, (a, b) -> 0.0).stream().map(HybridHit::id).toList());
    }

    @Test
    void mmrPrefersTheLessSimilarOfTwoCloseCandidates() {
        // 2 is slightly better than 3 but closer to 1 (0.5 against 0.0): λ = 0.7 picks 3 first
        FeedRanking.Similarity similarity = (a, b) -> (a == 1 && b == 2) || (a == 2 && b == 1) ? 0.5 : 0.0;
        List<HybridHit> pool = List.of(hit(1, 0.9), hit(2, 0.6), hit(3, 0.55));
        assertEquals(List.of(1L, 3L, 2L),
                FeedRanking.mmr(pool, 3, similarity).stream().map(HybridHit::id).toList());
    }
}
