package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * The exact cosines of one vector with every live document, accumulated over the vector's posting lists (a query
 * without any top-k cut). Each product is added as the {@link OrderFreeSum} fixed point of {@code (double) q · w}:
 * the same term, in whatever order, that {@link DenseQuery#score} adds for the pair, so a row's cosine is bit for
 * bit the score a search computes. The product of two floats is exact in double, so the cosine of d with e equals
 * that of e with d. Reused by one thread at a time (the index's writer).
 */
final class CosineRow {

    private long[] sums = new long[0];

    @FunctionalInterface
    interface PositiveCosine {
        void accept(int ordinal, double cosine);
    }

    /** Calls {@code consumer} for every live document but {@code self} with a positive cosine to {@code vector}. */
    void forEachPositive(IndexGeneration generation, QueryVector vector, int self, PositiveCosine consumer) {
        int bound = generation.docs.ordinalBound();
        if (sums.length < bound) {
            sums = new long[bound + (bound >> 3)];
        }
        accumulate(generation, vector, sums, 0, bound);
        for (int doc = 0; doc < bound; doc++) {
            if (sums[doc] > 0 && doc != self) {
                consumer.accept(doc, OrderFreeSum.dotValue(sums[doc]));
            }
        }
        Arrays.fill(sums, 0, bound, 0L);
    }

    /**
     * Adds to {@code sums}, by ordinal, the fixed-point products of {@code vector} with the documents of ordinals
     * {@code from} (inclusive) to {@code to} (exclusive) that share its terms (posting lists are in ordinal order).
     */
    static void accumulate(IndexGeneration generation, QueryVector vector, long[] sums, int from, int to) {
        PostingLists postings = generation.postings;
        for (int i = 0; i < vector.size(); i++) {
            int term = vector.term(i);
            double weight = vector.weight(i);
            int first = postings.firstTier(term);
            for (int tier = first; tier < first + postings.tierCount(term); tier++) {
                int[] docs = postings.docs(tier);
                float[] weights = postings.weights(tier);
                int size = postings.size(tier);
                int start = from == 0 ? 0 : Arrays.binarySearch(docs, 0, size, from);
                for (int p = start >= 0 ? start : -1 - start; p < size && docs[p] < to; p++) {
                    sums[docs[p]] += OrderFreeSum.dot(weight * weights[p]);
                }
            }
        }
    }
}
