package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Neighbour lists are exact: after a build, after any sequence of writes, after a re-weighting and with writes racing
 * the background build, every list is a prefix of its document's brute-force ranking over the stored vectors (same ids,
 * bit-identical scores, ties by id) at least K long unless it holds the whole ranking; and {@code related} answers
 * exactly as the live search, with or without exclusions.
 */
class NeighbourListsTest {

    private static final long TIMEOUT_MILLIS = 60_000;

    @Test
    void builtListsArePrefixesOfTheBruteForceRanking() throws InterruptedException {
        for (int seed = 0; seed < 20; seed++) {
            Corpus corpus = new Corpus(new Random(seed), 10 + seed * 7, seed % 2 == 0 ? 8 : 60);
            TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withNeighbours(1 + seed % 5, seed % 4), null);
            awaitReady(index);
            assertListsExact(index, corpus.ids(), 1 + seed % 5);
            for (long id : corpus.ids()) {
                assertEquals(index.liveRelated(id, 1 + seed % 5 + seed % 4, other -> false), index.neighbourList(id).get());
            }
        }
    }

    @Test
    void buildIsTheSameWhateverTheThreadTiming() throws InterruptedException {
        Corpus corpus = new Corpus(new Random(5), 1200, 40);
        TfIdfIndex first = corpus.index(IndexSettings.DEFAULT, null);
        TfIdfIndex second = corpus.index(IndexSettings.DEFAULT, null);
        awaitReady(first);
        awaitReady(second);
        int full = 0;
        for (long id : corpus.ids()) {
            assertEquals(first.neighbourList(id), second.neighbourList(id));
            full += first.neighbourList(id).orElseThrow().size() == 80 ? 1 : 0;
        }
        assertTrue(full > 1000, "1200 documents on 40 words: lists are full but for empty documents");
        assertListsExact(first, corpus.ids(), 64);
    }

    @Test
    void writesKeepEveryListEqualToAFreshBuildOfTheSameGeneration() throws InterruptedException {
        long refills = 0;
        for (int seed = 0; seed < 6; seed++) {
            Random random = new Random(100 + seed);
            Corpus corpus = new Corpus(random, 40, 6 + seed);
            int k = 3 + seed % 3;
            IndexSettings settings = IndexSettings.DEFAULT.withoutAutomaticReweighting().withNeighbours(k, seed % 3);
            TermStatistics statistics = corpus.index(settings, null).statistics();
            TfIdfIndex index = corpus.index(settings, statistics);
            awaitReady(index);
            for (int step = 0; step < 300; step++) {
                corpus.randomWrite(index);
                if (step % 25 == 24) {
                    assertListsExact(index, corpus.ids(), k);
                }
            }
            refills += index.neighbourRefills();
            TfIdfIndex fresh = corpus.index(settings, statistics);
            awaitReady(fresh);
            for (long id : corpus.ids()) {
                List<ScoredDocument> maintained = index.neighbourList(id).orElseThrow();
                List<ScoredDocument> built = fresh.neighbourList(id).orElseThrow();
                int common = Math.min(maintained.size(), built.size());
                assertEquals(built.subList(0, common), maintained.subList(0, common), "list of " + id);
                assertTrue(common >= Math.min(k, bruteForce(fresh, id, corpus.ids()).size()), "list of " + id + " too short");
            }
        }
        assertTrue(refills > 20, "the scenarios must leave lists short: " + refills + " refills");
    }

    @Test
    void relatedWithExclusionsEqualsTheLiveSearchAndFallsBackWhenTheListRunsOut() throws InterruptedException {
        Random random = new Random(7);
        Corpus corpus = new Corpus(random, 300, 25);
        TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withNeighbours(8, 4), null);
        awaitReady(index);
        int lookedUp = 0;
        int fellBack = 0;
        for (long id : corpus.ids()) {
            List<ScoredDocument> list = index.neighbourList(id).orElseThrow();
            Set<Long> excluded = new HashSet<>();
            int eaten = random.nextInt(list.size() + 1);
            for (int i = 0; i < eaten; i++) {
                excluded.add(list.get(random.nextInt(list.size())).id());
            }
            LongPredicate exclude = excluded::contains;
            int k = 1 + random.nextInt(12);
            Optional<List<ScoredDocument>> looked = index.neighbours(id, k, exclude);
            List<ScoredDocument> live = index.liveRelated(id, k, exclude);
            assertEquals(live, index.related(id, k, exclude));
            if (looked.isPresent()) {
                assertEquals(live, looked.get());
                lookedUp++;
            } else {
                fellBack++;
            }
        }
        assertTrue(lookedUp > 50 && fellBack > 50, lookedUp + " look-ups, " + fellBack + " fall-backs");
        assertEquals(Optional.empty(), index.neighbours(corpus.ids().get(0), 13, other -> false), "k beyond K + S");
        assertEquals(Optional.of(List.of()), index.neighbours(-1, 5, other -> false), "not indexed");
    }

    @Test
    void reweightingComputesListsForTheNewWeights() throws InterruptedException {
        Random random = new Random(11);
        Corpus corpus = new Corpus(random, 200, 30);
        TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withoutAutomaticReweighting().withNeighbours(10, 5), null);
        awaitReady(index);
        for (int i = 0; i < 60; i++) {
            corpus.randomWrite(index);
        }
        long probe = corpus.ids().get(0);
        List<ScoredDocument> before = index.neighbourList(probe).orElseThrow();
        index.rebuild();
        awaitReady(index);
        assertEquals(2, index.stats().generation());
        assertNotEquals(before, index.neighbourList(probe).orElseThrow(), "new weights give new scores");
        assertListsExact(index, corpus.ids(), 10);
    }

    @Test
    void writesDuringTheBackgroundBuildEndWithExactLists() throws InterruptedException {
        Random random = new Random(13);
        Corpus corpus = new Corpus(random, 4000, 300);
        TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withoutAutomaticReweighting().withNeighbours(6, 2), null);
        int writesDuringBuild = 0;
        for (int i = 0; i < 400 && !index.neighboursReady(); i++) {
            corpus.randomWrite(index);
            writesDuringBuild++;
        }
        index.rebuild();
        for (int i = 0; i < 200 && !index.neighboursReady(); i++) {
            corpus.randomWrite(index);
            writesDuringBuild++;
        }
        awaitReady(index);
        assertTrue(writesDuringBuild > 50, "only " + writesDuringBuild + " writes raced the build");
        assertListsExact(index, corpus.ids(), 6);
    }

    @Test
    void writesBetweenEveryTwoChunksOfTheBuildEndWithExactLists() throws InterruptedException {
        for (int seed = 0; seed < 4; seed++) {
            Random random = new Random(17 + seed);
            Corpus corpus = new Corpus(random, 5 * NeighbourLists.CHUNK, 12 + 10 * seed);
            TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withoutAutomaticReweighting().withNeighbours(4, 2), null);
            awaitReady(index);
            int[] writes = {0};
            index.betweenNeighbourChunks(() -> {
                for (int i = 0; i < 40; i++) {
                    corpus.randomWrite(index);
                    writes[0]++;
                }
            });
            index.rebuild();
            awaitReady(index);
            assertTrue(writes[0] >= 160, writes[0] + " writes between chunks");
            assertListsExact(index, corpus.ids(), 4);
        }
    }

    @Test
    void listsAreOffWithZeroNeighbours() {
        Corpus corpus = new Corpus(new Random(3), 30, 10);
        TfIdfIndex index = corpus.index(IndexSettings.DEFAULT.withNeighbours(0, 0), null);
        long id = corpus.ids().get(0);
        assertEquals(Optional.empty(), index.neighbours(id, 3, other -> false));
        assertEquals(index.liveRelated(id, 3, other -> false), index.related(id, 3, other -> false));
        assertTrue(!index.neighboursReady());
    }

    private static void awaitReady(TfIdfIndex index) throws InterruptedException {
        assertTrue(index.awaitNeighbours(TIMEOUT_MILLIS), "neighbour lists not built in time");
    }

    /**
     * Every document's list is a prefix of its brute-force ranking (bit-identical scores), at least k long unless it
     * is the whole ranking.
     */
    private static void assertListsExact(TfIdfIndex index, List<Long> ids, int k) {
        assertEquals(ids.size(), index.documents());
        Map<Long, QueryVector> vectors = new LinkedHashMap<>();
        ids.forEach(id -> vectors.put(id, index.vectorOf(id).orElseThrow()));
        for (long id : ids) {
            List<ScoredDocument> ranking = bruteForce(vectors, id);
            List<ScoredDocument> list = index.neighbourList(id).orElseThrow(() -> new AssertionError("no list for " + id));
            assertTrue(list.size() <= ranking.size(), "list of " + id + " longer than its ranking");
            assertEquals(ranking.subList(0, list.size()), list, "list of " + id);
            assertTrue(list.size() >= Math.min(k, ranking.size()), "list of " + id + " shorter than k: " + list);
        }
    }

    /** All documents with a positive cosine to {@code id}, by score descending then id, from the stored vectors. */
    private static List<ScoredDocument> bruteForce(TfIdfIndex index, long id, List<Long> ids) {
        Map<Long, QueryVector> vectors = new LinkedHashMap<>();
        ids.forEach(other -> vectors.put(other, index.vectorOf(other).orElseThrow()));
        return bruteForce(vectors, id);
    }

    private static List<ScoredDocument> bruteForce(Map<Long, QueryVector> vectors, long id) {
        QueryVector query = vectors.get(id);
        List<ScoredDocument> ranking = new ArrayList<>();
        for (Map.Entry<Long, QueryVector> other : vectors.entrySet()) {
            double score = other.getKey() == id ? 0 : query.dot(other.getValue());
            if (score > 0) {
                ranking.add(new ScoredDocument(other.getKey(), score));
            }
        }
        ranking.sort(Comparator.comparingDouble(ScoredDocument::score).reversed().thenComparingLong(ScoredDocument::id));
        return ranking;
    }

    /** Random documents on a small, skewed vocabulary (many ties and shared words), tracked by id. */
    private static final class Corpus {
        private final Random random;
        private final int vocabulary;
        private final Map<Long, DocumentText> documents = new LinkedHashMap<>();
        private long nextId = 1;

        Corpus(Random random, int size, int vocabulary) {
            this.random = random;
            this.vocabulary = vocabulary;
            for (int i = 0; i < size; i++) {
                DocumentText document = randomDocument(nextId++);
                documents.put(document.id(), document);
            }
        }

        TfIdfIndex index(IndexSettings settings, TermStatistics statistics) {
            return TfIdfIndex.build(documents.values().stream(), settings, statistics);
        }

        List<Long> ids() {
            return List.copyOf(documents.keySet());
        }

        /** An insert (3 in 10), a replacement (3 in 10) or a removal. */
        void randomWrite(TfIdfIndex index) {
            List<Long> ids = ids();
            int choice = random.nextInt(10);
            if (choice < 3 || ids.size() < 5) {
                DocumentText document = randomDocument(nextId++);
                documents.put(document.id(), document);
                index.upsert(document);
                return;
            }
            long id = ids.get(random.nextInt(ids.size()));
            if (choice < 6) {
                DocumentText document = randomDocument(id);
                documents.put(id, document);
                index.upsert(document);
            } else {
                documents.remove(id);
                assertTrue(index.remove(id));
            }
        }

        private DocumentText randomDocument(long id) {
            return new DocumentText(id, randomText(4), random.nextInt(3) == 0 ? null : randomText(5), randomText(12));
        }

        private String randomText(int maxWords) {
            return RandomTexts.text(random, vocabulary, maxWords);
        }
    }
}
