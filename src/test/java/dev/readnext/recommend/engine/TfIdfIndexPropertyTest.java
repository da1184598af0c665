package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * On random corpora and random sequences of upserts, removals and re-weightings, every top-k of the index equals
 * the brute-force cosine ranking of {@link ReferenceTfIdf} (up to float rounding of near-ties).
 */
class TfIdfIndexPropertyTest {

    private static final double SCORE_TOLERANCE = 1e-5;

    @Test
    void topKEqualsBruteForceOnRandomCorpora() {
        for (int trial = 0; trial < 150; trial++) {
            Random random = new Random(trial);
            Scenario scenario = new Scenario(random, random.nextInt(80), randomVocabulary(random));
            for (int query = 0; query < 15; query++) {
                scenario.checkRandomQuery();
            }
        }
    }

    @Test
    void topKStaysExactThroughUpsertsRemovalsAndRebuilds() {
        for (int trial = 0; trial < 60; trial++) {
            Random random = new Random(1_000 + trial);
            Scenario scenario = new Scenario(random, 5 + random.nextInt(40), randomVocabulary(random));
            for (int step = 0; step < 60; step++) {
                scenario.randomChange();
                scenario.checkRandomQuery();
            }
        }
    }

    @Test
    void longListsAreSplitIntoTiersAndStayExact() {
        Random random = new Random(77);
        Scenario scenario = new Scenario(random, 2 * PostingLists.MIN_TIERED_SIZE, 40);
        for (int step = 0; step < 60; step++) {
            scenario.randomChange();
            scenario.checkRandomQuery();
        }
    }

    private static int randomVocabulary(Random random) {
        return 2 + random.nextInt(random.nextBoolean() ? 12 : 300);
    }

    /** One random index and its reference model, kept in step. */
    private static final class Scenario {
        private final Random random;
        private final int vocabulary;
        private final FieldBoosts boosts;
        private final ReferenceTfIdf reference;
        private final TfIdfIndex index;
        private int generation;
        private long nextId = 1;

        Scenario(Random random, int documents, int vocabulary) {
            this.random = random;
            this.vocabulary = vocabulary;
            this.boosts = new FieldBoosts(1 + random.nextInt(4), 1 + random.nextFloat() * 2, 1);
            this.reference = new ReferenceTfIdf(boosts);
            List<DocumentText> corpus = IntStream.range(0, documents).mapToObj(i -> randomDocument(nextId++)).toList();
            corpus.forEach(reference::upsert);
            IndexSettings settings = new IndexSettings(boosts, 0.05 + random.nextDouble() * 0.5, Runnable::run);
            index = TfIdfIndex.build(corpus.stream(), settings);
            syncGeneration();
        }

        void randomChange() {
            List<Long> ids = reference.ids();
            int choice = random.nextInt(10);
            if (choice < 4 || ids.isEmpty()) {
                upsert(randomDocument(nextId++));
            } else if (choice < 7) {
                upsert(randomDocument(ids.get(random.nextInt(ids.size()))));
            } else if (choice < 9) {
                long id = random.nextInt(4) == 0 ? nextId + 5 : ids.get(random.nextInt(ids.size()));
                assertEquals(reference.contains(id), index.remove(id));
                reference.remove(id);
            } else {
                index.rebuild();
            }
            syncGeneration();
        }

        void checkRandomQuery() {
            List<Long> ids = reference.ids();
            if (ids.isEmpty()) {
                return;
            }
            int k = 1 + random.nextInt(random.nextBoolean() ? 3 : 25);
            Set<Long> excluded = randomSubset(ids, random.nextInt(3));
            LongPredicate exclude = excluded::contains;
            if (random.nextBoolean()) {
                long id = ids.get(random.nextInt(ids.size()));
                assertSameTopK(reference.ranking(reference.vector(id), other -> other == id || excluded.contains(other)),
                        index.related(id, k, exclude), k);
            } else {
                List<Long> positives = List.copyOf(randomSubset(ids, 1 + random.nextInt(3)));
                List<Long> negatives = List.copyOf(randomSubset(ids, random.nextInt(3)));
                QueryVector query = index.rocchio(toArray(positives), toArray(negatives), 1.0, 0.5);
                assertSameTopK(reference.ranking(reference.rocchio(positives, negatives, 1.0, 0.5), exclude),
                        index.topK(query, k, exclude), k);
            }
        }

        private void upsert(DocumentText document) {
            index.upsert(document);
            reference.upsert(document);
        }

        private void syncGeneration() {
            int current = index.stats().generation();
            if (current != generation) {
                generation = current;
                reference.newGeneration();
            }
            assertEquals(reference.ids().size(), index.stats().documents());
        }

        private DocumentText randomDocument(long id) {
            return new DocumentText(id, randomText(4), random.nextInt(3) == 0 ? null : randomText(6), randomText(30));
        }

        private String randomText(int maxWords) {
            return RandomTexts.text(random, vocabulary, maxWords);
        }

        private Set<Long> randomSubset(List<Long> ids, int size) {
            Set<Long> subset = new HashSet<>();
            for (int i = 0; i < size; i++) {
                subset.add(ids.get(random.nextInt(ids.size())));
            }
            return subset;
        }
    }

    /**
     * Same scores rank by rank; same ids except where the reference itself cannot separate neighbours
     * (scores within float rounding), and ties in the index are ordered by id.
     */
    private static void assertSameTopK(List<ScoredDocument> reference, List<ScoredDocument> actual, int k) {
        List<ScoredDocument> expected = reference.subList(0, Math.min(k, reference.size()));
        assertEquals(expected.size(), actual.size(), () -> "sizes differ: " + expected + " vs " + actual);
        for (int rank = 0; rank < expected.size(); rank++) {
            ScoredDocument want = expected.get(rank);
            ScoredDocument got = actual.get(rank);
            assertEquals(want.score(), got.score(), SCORE_TOLERANCE, () -> "scores differ: " + expected + " vs " + actual);
            if (want.id() != got.id()) {
                double gotReferenceScore = scoreOf(reference, got.id());
                assertEquals(want.score(), gotReferenceScore, SCORE_TOLERANCE,
                        () -> "ids differ beyond a near-tie: " + expected + " vs " + actual);
            }
            if (rank > 0 && actual.get(rank - 1).score() == got.score()) {
                assertTrue(actual.get(rank - 1).id() < got.id(), () -> "tie not broken by id: " + actual);
            }
        }
    }

    private static double scoreOf(List<ScoredDocument> ranking, long id) {
        return ranking.stream().filter(d -> d.id() == id).mapToDouble(ScoredDocument::score).findFirst().orElse(-1);
    }

    private static long[] toArray(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
