package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Embedding neighbour lists are exact through any writes: after the background build, and after puts (new and
 * replaced vectors) and removals before, during and after it, every document's list is a prefix of its brute-force
 * ranking by embedding cosine (bit-identical scores, ties by id), at least K long unless it holds every other document.
 */
class SemanticNeighbourListsTest {

    private static final int DIMENSIONS = 12;

    @Test
    void listsStayPrefixesOfTheBruteForceRankingThroughWrites() throws InterruptedException {
        for (int trial = 0; trial < 40; trial++) {
            Random random = new Random(trial);
            int k = 1 + random.nextInt(6);
            SemanticIndex index = new SemanticIndex(DIMENSIONS, 8, 4, k, random.nextInt(4));
            Map<Long, Int8Vector> live = new LinkedHashMap<>();
            int documents = 1 + random.nextInt(150);
            for (long id = 0; id < documents; id++) {
                put(index, live, id, random);
            }
            index.buildNeighboursInBackground();
            for (int step = 0; step < 30; step++) { // races the build
                write(index, live, random, documents);
            }
            assertTrue(index.awaitNeighbours(60_000));
            for (int step = 0; step < 60; step++) {
                write(index, live, random, documents);
            }
            assertListsExact(index, live, k, "trial " + trial);
        }
    }

    @Test
    void beforeTheBuildNoDocumentHasAList() {
        SemanticIndex index = new SemanticIndex(DIMENSIONS, 8, 4, 3, 1);
        Random random = new Random(1);
        for (long id = 0; id < 10; id++) {
            index.put(id, RandomVectors.unitVector(random, DIMENSIONS));
        }
        assertNull(index.neighbours(3, 3, other -> false));
        assertTrue(!index.neighboursReady());
    }

    private static void write(SemanticIndex index, Map<Long, Int8Vector> live, Random random, int documents) {
        long id = random.nextInt(documents + 20);
        if (random.nextInt(3) == 0) {
            index.remove(id);
            live.remove(id);
        } else {
            put(index, live, id, random);
        }
    }

    private static void put(SemanticIndex index, Map<Long, Int8Vector> live, long id, Random random) {
        // a few shared directions: many near-ties and equal cosines
        Int8Vector vector = random.nextInt(4) == 0 ? RandomVectors.unitVector(new Random(random.nextInt(3)), DIMENSIONS)
                : RandomVectors.unitVector(random, DIMENSIONS);
        index.put(id, vector);
        live.put(id, vector);
    }

    private static void assertListsExact(SemanticIndex index, Map<Long, Int8Vector> live, int k, String where) {
        for (long id : live.keySet()) {
            List<ScoredDocument> ranking = new ArrayList<>();
            for (long other : live.keySet()) {
                if (other != id) {
                    ranking.add(new ScoredDocument(other, index.similarity(live.get(id), other).orElseThrow()));
                }
            }
            ranking.sort(Comparator.comparingDouble(ScoredDocument::score).reversed()
                    .thenComparingLong(ScoredDocument::id));
            List<ScoredDocument> list = index.neighbourList(id);
            assertTrue(list != null, where + ": no list for " + id);
            assertEquals(ranking.subList(0, list.size()), list, where + ": list of " + id);
            assertTrue(list.size() >= Math.min(k, ranking.size()), where + ": list of " + id + " shorter than k");
        }
    }
}
