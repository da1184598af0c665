package dev.readnext.recommend.engine;

import java.util.Random;

/** Random directions: Gaussian components, normalised. */
final class RandomVectors {

    private RandomVectors() {
    }

    static float[] unitFloats(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimensions; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    static Int8Vector unitVector(Random random, int dimensions) {
        return Int8Vector.quantize(unitFloats(random, dimensions));
    }
}
