package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * An upper bound on what the postings not scanned yet can add to any one document's cosine. Query term i has
 * weight {@code q_i}, and every posting of it not scanned yet has weight at most {@code m_i} (the highest unscanned
 * tier's maximum; 0 once all are scanned). A document's weights {@code w_i} are at most {@code m_i} and, its vector
 * being unit length, {@code Σ w_i² ≤ 1}. So the rest of its score is at most
 * <pre>  max Σ q_i·w_i  subject to 0 ≤ w_i ≤ m_i, Σ w_i² ≤ 1  </pre>
 * whose optimum is {@code w_i = min(m_i, λ·q_i)} ("water filling"): λ grows until the unit budget is spent, terms
 * reaching their cap stop growing. This is at most both the sum of the caps {@code Σ q_i·m_i} and
 * {@code ‖q restricted to terms left‖}, and much tighter than either for long queries (a document vector cannot
 * have the maximal weight in every term at once).
 */
final class RemainingScoreBound {

    private final float[] queryWeights;
    private final float[] caps;
    private final long[] order;

    RemainingScoreBound(float[] queryWeights, float[] caps) {
        this.queryWeights = queryWeights;
        this.caps = caps;
        this.order = new long[caps.length];
    }

    void lowerCap(int i, float cap) {
        caps[i] = cap;
    }

    double value() {
        int active = 0;
        double freeQ2 = 0;
        for (int i = 0; i < caps.length; i++) {
            if (caps[i] > 0) {
                float ratio = caps[i] / queryWeights[i];
                order[active++] = (long) Float.floatToIntBits(ratio) << 32 | i;
                freeQ2 += (double) queryWeights[i] * queryWeights[i];
            }
        }
        Arrays.sort(order, 0, active);
        double cappedSquares = 0;
        double cappedScore = 0;
        for (int j = 0; j < active; j++) {
            int i = (int) order[j];
            double q = queryWeights[i];
            double lambda = Math.sqrt((1 - cappedSquares) / freeQ2);
            if (lambda * q <= caps[i]) {
                return cappedScore + lambda * freeQ2;
            }
            cappedSquares += (double) caps[i] * caps[i];
            cappedScore += q * caps[i];
            freeQ2 -= q * q;
        }
        return cappedScore;
    }
}
