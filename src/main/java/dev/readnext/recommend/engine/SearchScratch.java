package dev.readnext.recommend.engine;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Per-query working arrays sized to the index (partial-score accumulators, and the query spread over term ids),
 * borrowed from a pool so that queries allocate no big arrays and work
 * the same on platform or virtual threads. Every query leaves its scratch zeroed again.
 */
final class SearchScratch {

    float[] accumulators = new float[0];
    final DenseQuery query = new DenseQuery();

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
            accumulators = new float[capacity];
        }
        query.ensureCapacity(termBound);
    }
}
