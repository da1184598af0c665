package dev.readnext.recommend.engine;

/**
 * A query spread over term ids for scoring documents through the forward index: a bit set of the query's terms
 * (small enough to stay in the L1 cache, so the common case "this document term is not in the query" costs one
 * cached load) and, per query term, its query weight next to its term weight g(t) (one cache line for both when it is).
 * Sized to the term dictionary; {@link #clear} leaves it empty again for the next query.
 */
final class DenseQuery {

    private long[] termBits = new long[0];
    private float[] weightAndTermWeight = new float[0];

    void ensureCapacity(int termBound) {
        if (termBits.length * 64 < termBound) {
            int capacity = termBound + (termBound >> 3);
            termBits = new long[(capacity >>> 6) + 1];
            weightAndTermWeight = new float[2 * termBits.length * 64];
        }
    }

    void set(QueryVector query, IndexGeneration generation) {
        for (int i = 0; i < query.size(); i++) {
            int term = query.term(i);
            termBits[term >>> 6] |= 1L << term;
            weightAndTermWeight[2 * term] = query.weight(i);
            weightAndTermWeight[2 * term + 1] = generation.termWeight(term);
        }
    }

    void clear(QueryVector query) {
        for (int i = 0; i < query.size(); i++) {
            termBits[query.term(i) >>> 6] = 0L;
        }
    }

    /**
     * The cosine of a document given by its forward-index entry: stored weights times query weights, summed in any
     * order to the same value ({@link OrderFreeSum}), as {@link QueryVector#dot} computes it from stored vectors.
     */
    double score(int[] terms, float[] logTf, float inverseNorm) {
        long sum = 0;
        for (int j = 0; j < terms.length; j++) {
            int term = terms[j];
            if ((termBits[term >>> 6] & 1L << term) != 0) {
                float weight = IndexGeneration.weight(logTf[j], weightAndTermWeight[2 * term + 1], inverseNorm);
                sum += OrderFreeSum.dot((double) weightAndTermWeight[2 * term] * weight);
            }
        }
        return OrderFreeSum.dotValue(sum);
    }
}
