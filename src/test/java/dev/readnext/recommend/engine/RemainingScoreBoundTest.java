package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RemainingScoreBoundTest {

    @Test
    void withoutBindingCapsTheBoundIsTheQueryNorm() {
        RemainingScoreBound bound = new RemainingScoreBound(new float[] {0.6f, 0.8f}, new float[] {1f, 1f});

        assertEquals(1.0, bound.value(), 1e-6);
    }

    @Test
    void smallCapsGiveTheSumOfTheCaps() {
        RemainingScoreBound bound = new RemainingScoreBound(new float[] {0.6f, 0.8f}, new float[] {0.1f, 0.2f});

        assertEquals(0.6 * 0.1 + 0.8 * 0.2, bound.value(), 1e-6);
    }

    @Test
    void termsScannedToTheEndNoLongerCount() {
        RemainingScoreBound bound = new RemainingScoreBound(new float[] {0.6f, 0.8f}, new float[] {1f, 1f});
        bound.lowerCap(1, 0f);

        assertEquals(0.6, bound.value(), 1e-6);
    }

    /** No unit vector within the caps scores above the bound, which is at most the sum of the caps and the norm. */
    @Test
    void boundsEveryUnitVectorWithinTheCaps() {
        Random random = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(12);
            float[] q = new float[n];
            float[] caps = new float[n];
            for (int i = 0; i < n; i++) {
                q[i] = random.nextFloat() + 1e-3f;
                caps[i] = random.nextInt(4) == 0 ? 0f : random.nextFloat();
            }
            double bound = new RemainingScoreBound(q, caps.clone()).value();
            double best = 0;
            for (int sample = 0; sample < 2_000; sample++) {
                double[] w = new double[n];
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = random.nextDouble() * caps[i];
                    norm += w[i] * w[i];
                }
                double scale = norm > 1 ? 1 / Math.sqrt(norm) : 1;
                double score = 0;
                for (int i = 0; i < n; i++) {
                    score += q[i] * w[i] * scale;
                }
                assertTrue(score <= bound + 1e-9, () -> "vector scores above the bound");
                best = Math.max(best, score);
            }
            assertTrue(best <= bound + 1e-9 && bound <= Math.min(sumOfCaps(q, caps), norm(q, caps)) + 1e-6);
        }
    }

    private static double sumOfCaps(float[] q, float[] caps) {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += (double) q[i] * caps[i];
        }
        return sum;
    }

    private static double norm(float[] q, float[] caps) {
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            sum += caps[i] > 0 ? (double) q[i] * q[i] : 0;
        }
        return Math.sqrt(sum);
    }
}
