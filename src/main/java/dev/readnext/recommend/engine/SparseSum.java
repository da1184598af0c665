package dev.readnext.recommend.engine;

import java.util.Arrays;

/** Weighted sum of sparse vectors (for Rocchio), merged by sorting packed (term, index) keys: no boxing. */
final class SparseSum {

    private int[] terms = new int[256];
    private double[] weights = new double[256];
    private int size;

    void add(QueryVector vector, double factor) {
        if (size + vector.size() > terms.length) {
            int capacity = Math.max(size + vector.size(), 2 * terms.length);
            terms = Arrays.copyOf(terms, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        for (int i = 0; i < vector.size(); i++) {
            terms[size] = vector.term(i);
            weights[size++] = factor * vector.weight(i);
        }
    }

    /** The sum with non-positive weights dropped, L2-normalised; empty if nothing is positive. */
    QueryVector positivePartNormalised() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (long) terms[i] << 32 | i;
        }
        Arrays.sort(keys);
        int[] sumTerms = new int[size];
        double[] sums = new double[size];
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            int term = (int) (keys[i] >>> 32);
            if (distinct == 0 || sumTerms[distinct - 1] != term) {
                sumTerms[distinct++] = term;
            }
            sums[distinct - 1] += weights[(int) keys[i]];
        }
        return normalisedPositive(sumTerms, sums, distinct);
    }

    private static QueryVector normalisedPositive(int[] terms, double[] sums, int distinct) {
        long squares = 0;
        for (int i = 0; i < distinct; i++) {
            squares += sums[i] > 0 ? OrderFreeSum.square(sums[i]) : 0;
        }
        double sumOfSquares = OrderFreeSum.squareValue(squares);
        double inverseNorm = sumOfSquares > 0 ? 1.0 / Math.sqrt(sumOfSquares) : 0;
        int[] keptTerms = new int[distinct];
        float[] keptWeights = new float[distinct];
        int kept = 0;
        for (int i = 0; i < distinct; i++) {
            float weight = (float) (sums[i] * inverseNorm);
            if (weight > 0) {
                keptTerms[kept] = terms[i];
                keptWeights[kept++] = weight;
            }
        }
        return new QueryVector(Arrays.copyOf(keptTerms, kept), Arrays.copyOf(keptWeights, kept));
    }
}
