package dev.readnext.recommend;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Per-query working arrays sized to the index (score accumulators, heap positions, and per term the query weight
 * and scan cut of postings still to score), borrowed from a pool so that queries allocate no big arrays and work
 * the same on platform or virtual threads. Every query leaves its scratch zeroed again.
 */
final class SearchScratch {

    double[] accumulators = new double[0];
    int[] heapPositions = new int[0];
    float[] remainingWeights = new float[0];
    float[] scanCutWeights = new float[0];

    static final class Pool {
        private final ConcurrentLinkedQueue<SearchScratch> idle = new ConcurrentLinkedQueue<>();

        SearchScratch borrow(int documentBound, int termBound) {
            SearchScratch scratch = idle.poll();
            if (scratch == null) {
                scratch = new SearchScratch();
            }
            scratch.ensureCapacity(documentBound, termBound);
            return scratch;
        }

        void giveBack(SearchScratch scratch) {
            idle.offer(scratch);
        }
    }

    private void ensureCapacity(int documentBound, int termBound) {
        if (accumulators.length < documentBound) {
            int capacity = documentBound + (documentBound >> 3);
            accumulators = new double[capacity];
            heapPositions = new int[capacity];
            Arrays.fill(heapPositions, -1);
        }
        if (remainingWeights.length < termBound) {
            remainingWeights = new float[termBound + (termBound >> 3)];
            scanCutWeights = new float[remainingWeights.length];
        }
    }
}
