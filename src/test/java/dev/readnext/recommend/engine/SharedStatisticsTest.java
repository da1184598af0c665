package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Two replicas weighed with the same shared statistics agree bit for bit: one built long ago and kept current by
 * random upserts and removals, the other built afresh from the same documents in another order (so with other term
 * ids, hence other summation orders), give every query the same ids and exactly the same scores.
 */
class SharedStatisticsTest {

    private static final IndexSettings MANUAL = IndexSettings.DEFAULT.withoutAutomaticReweighting();

    @Test
    void aLongRunningAndARestartedReplicaGiveIdenticalScores() {
        for (int trial = 0; trial < 30; trial++) {
            Random random = new Random(trial);
            Corpus corpus = new Corpus(random, 20 + random.nextInt(120), 5 + random.nextInt(200));
            Map<Long, DocumentText> live = new LinkedHashMap<>();
            for (long id = 1; id <= corpus.size; id++) {
                live.put(id, corpus.document(id));
            }
            TfIdfIndex running = TfIdfIndex.build(live.values().stream(), MANUAL);
            churn(random, corpus, running, live, 30);
            TermStatistics shared = running.statistics();
            running.reweigh(shared);
            churn(random, corpus, running, live, 30); // after the weighting: new terms, documents gone and back

            List<DocumentText> shuffled = new ArrayList<>(live.values());
            Collections.shuffle(shuffled, random);
            TfIdfIndex restarted = TfIdfIndex.build(shuffled.stream(), MANUAL, TermStatistics.fromBytes(
                    shared.toBytes()));

            for (long id : live.keySet()) {
                assertEquals(running.related(id, 10, other -> false), restarted.related(id, 10, other -> false),
                        "trial " + trial + ", related to " + id);
            }
            String text = corpus.text(6);
            assertEquals(running.topK(running.queryFor(text), 10, id -> false),
                    restarted.topK(restarted.queryFor(text), 10, id -> false), "trial " + trial + ": " + text);
            long[] history = live.keySet().stream().limit(5).mapToLong(Long::longValue).toArray();
            double[] weights = IntStream.range(0, history.length).mapToDouble(i -> Math.pow(0.5, i / 5.0)).toArray();
            assertEquals(running.topK(running.weightedCentroid(history, weights), 10, id -> false),
                    restarted.topK(restarted.weightedCentroid(history, weights), 10, id -> false));
            long a = history[0];
            live.keySet().forEach(b -> assertEquals(running.similarity(a, b), restarted.similarity(a, b)));
        }
    }

    @Test
    void withTheirOwnCountsTheTwoDisagree() {
        // the drift the shared statistics remove: the same documents, weighted with counts taken at other times
        Random random = new Random(5);
        Corpus corpus = new Corpus(random, 120, 60);
        Map<Long, DocumentText> live = new LinkedHashMap<>();
        for (long id = 1; id <= corpus.size; id++) {
            live.put(id, corpus.document(id));
        }
        TfIdfIndex running = TfIdfIndex.build(live.values().stream(), MANUAL);
        churn(random, corpus, running, live, 60);
        TfIdfIndex restarted = TfIdfIndex.build(live.values().stream(), MANUAL);
        long differing = live.keySet().stream()
                .filter(id -> !running.related(id, 10, o -> false).equals(restarted.related(id, 10, o -> false)))
                .count();
        assertNotEquals(0, differing);
    }

    @Test
    void statisticsRoundTripAndKeepOnlyTermsOfTwoDocumentsOrMore() {
        TfIdfIndex index = TfIdfIndex.build(List.of(new DocumentText(1, "rotary position embedding", null, null),
                new DocumentText(2, "rotary attention", null, null),
                new DocumentText(3, "attention sinks", null, null)).stream(), MANUAL);
        TermStatistics statistics = index.statistics();
        assertEquals(3, statistics.documents());
        assertEquals(2, statistics.termCount(), statistics::toString); // rotary, attention
        for (String term : statistics.terms()) {
            assertEquals(2, statistics.df(term), term);
        }
        assertEquals(0, statistics.df("no such term"));
        assertEquals(statistics, TermStatistics.fromBytes(statistics.toBytes()));
        assertFalse(index.weighting().isPresent());
        index.reweigh(statistics);
        assertEquals(statistics, index.weighting().orElseThrow());
    }

    /** Random upserts (new documents, new text for old ones, old documents back) and removals. */
    private static void churn(Random random, Corpus corpus, TfIdfIndex index, Map<Long, DocumentText> live,
            int steps) {
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(3);
            if (action == 0 && !live.isEmpty()) {
                long id = new ArrayList<>(live.keySet()).get(random.nextInt(live.size()));
                index.remove(id);
                live.remove(id);
            } else {
                long id = 1 + random.nextInt(corpus.size + 20);
                DocumentText document = corpus.document(id);
                index.upsert(document);
                live.put(id, document);
            }
        }
    }

    /** Random documents over a skewed vocabulary, some words rare enough to be first seen late. */
    private static final class Corpus {
        private final Random random;
        private final int size;
        private final int vocabulary;

        Corpus(Random random, int size, int vocabulary) {
            this.random = random;
            this.size = size;
            this.vocabulary = vocabulary;
        }

        DocumentText document(long id) {
            return new DocumentText(id, text(5), random.nextBoolean() ? null : text(8), text(25));
        }

        String text(int maxWords) {
            return IntStream.range(0, 1 + random.nextInt(maxWords))
                    .mapToObj(i -> "w" + (int) (vocabulary * Math.pow(random.nextDouble(), 2)) + "x")
                    .collect(Collectors.joining(" "));
        }
    }
}
