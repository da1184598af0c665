package dev.readnext.bench;

import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The reference: every document's stored weight vector (the engine's own, so scores are comparable bit for bit) in
 * flat arrays, and a query scores all of them in a plain loop. Same arithmetic as the engine's exact scores (float
 * weights, products in double, summed in the engine's order-free fixed point, {@code OrderFreeSum}) and the same
 * order: score descending, then id.
 */
final class BruteForceCosine {

    /** {@code OrderFreeSum}'s scale for products of normalised weights. */
    private static final double DOT_SCALE = 0x1p48;

    private final int[] starts;
    private final int[] terms;
    private final float[] weights;
    private final float[] dense;

    BruteForceCosine(TfIdfIndex index, int documents) {
        QueryVector[] vectors = new QueryVector[documents];
        long total = 0;
        int termBound = 0;
        for (int d = 0; d < documents; d++) {
            vectors[d] = index.vectorOf(d).orElseThrow();
            total += vectors[d].size();
            if (vectors[d].size() > 0) {
                termBound = Math.max(termBound, vectors[d].term(vectors[d].size() - 1) + 1);
            }
        }
        starts = new int[documents + 1];
        terms = new int[Math.toIntExact(total)];
        weights = new float[terms.length];
        for (int d = 0, p = 0; d < documents; d++) {
            starts[d] = p;
            for (int j = 0; j < vectors[d].size(); j++, p++) {
                terms[p] = vectors[d].term(j);
                weights[p] = vectors[d].weight(j);
            }
        }
        starts[documents] = terms.length;
        dense = new float[termBound];
    }

    /** Top k documents by cosine with document {@code query}, itself excluded; ids in {@code ids}, returns the count. */
    int related(int query, int k, long[] ids, double[] scores) {
        for (int p = starts[query]; p < starts[query + 1]; p++) {
            dense[terms[p]] = weights[p];
        }
        int size = 0;
        for (int d = 0; d < starts.length - 1; d++) {
            long sum = 0;
            for (int p = starts[d]; p < starts[d + 1]; p++) {
                sum += Math.round((double) dense[terms[p]] * weights[p] * DOT_SCALE);
            }
            double score = sum / DOT_SCALE;
            if (score > 0 && d != query && (size < k || score > scores[size - 1])) {
                int slot = size < k ? size++ : size - 1;
                for (; slot > 0 && scores[slot - 1] < score; slot--) {
                    ids[slot] = ids[slot - 1];
                    scores[slot] = scores[slot - 1];
                }
                ids[slot] = d;
                scores[slot] = score;
            }
        }
        for (int p = starts[query]; p < starts[query + 1]; p++) {
            dense[terms[p]] = 0f;
        }
        return size;
    }
}
