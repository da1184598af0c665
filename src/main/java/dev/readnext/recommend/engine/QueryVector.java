package dev.readnext.recommend.engine;

/**
 * A sparse query in the term space of one {@link TfIdfIndex}: term ids ascending with positive weights,
 * L2-normalised so that query scores are cosines. Obtained from {@link TfIdfIndex#vectorOf(long)} or
 * {@link TfIdfIndex#rocchio}; immutable. Term ids are never reused, so a vector stays meaningful across
 * re-weightings of the same index.
 */
public final class QueryVector {

    static final QueryVector EMPTY = new QueryVector(new int[0], new float[0]);

    private final int[] terms;
    private final float[] weights;

    QueryVector(int[] terms, float[] weights) {
        assert terms.length == weights.length && isStrictlyAscending(terms) : "terms must be ascending and weighted";
        this.terms = terms;
        this.weights = weights;
    }

    private static boolean isStrictlyAscending(int[] terms) {
        for (int i = 1; i < terms.length; i++) {
            if (terms[i - 1] >= terms[i]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** The i-th term id (ascending). */
    public int term(int i) {
        return terms[i];
    }

    /** The weight of the i-th term. */
    public float weight(int i) {
        return weights[i];
    }

    /**
     * Σ of the products of the weights of the terms both vectors have: their cosine, both being L2-normalised; the
     * same whatever the term ids ({@link OrderFreeSum}).
     */
    public double dot(QueryVector other) {
        long sum = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < other.terms.length) {
            int difference = Integer.compare(terms[i], other.terms[j]);
            if (difference == 0) {
                sum += OrderFreeSum.dot((double) weights[i++] * other.weights[j++]);
            } else if (difference < 0) {
                i++;
            } else {
                j++;
            }
        }
        return OrderFreeSum.dotValue(sum);
    }
}
