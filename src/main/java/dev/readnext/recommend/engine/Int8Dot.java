package dev.readnext.recommend.engine;

/**
 * Dot products of int8 vectors held in flat arrays. {@link #BEST} uses the JDK's incubating Vector API when the JVM
 * was started with {@code --add-modules jdk.incubator.vector} (the image and the tests are), about 8× faster than the
 * plain loop that serves otherwise (README "Performance").
 */
abstract class Int8Dot {

    static final Int8Dot BEST = vectorApiPresent() ? VectorInt8Dot.create() : new ScalarInt8Dot();

    /** Σ query[i] · b[bOffset + i] for i < length; the query widened once ({@link #widen}) serves a whole scan. */
    abstract int dot(short[] query, byte[] b, int bOffset, int length);

    /** Documents per block of the dimension-major layout {@link #blockDots} reads: as many as a register has shorts. */
    abstract int blockWidth();

    /**
     * The dot products of {@code query} (its first {@code dimensions} values) with the {@link #blockWidth()} documents
     * of one block into {@code out}: the block holds dimension j of document l at {@code offset + j·width + l}.
     * Values must lie in [−127, 127], so that two products add up within a short.
     */
    abstract void blockDots(short[] query, byte[] blocks, int offset, int dimensions, int[] out);

    /**
     * Which documents of a block could reach {@code minimum}: bit l is set when {@code queryScale · scales[first + l] ·
     * dots[l] + queryTail · tails[first + l]} is at least {@code minimum}, in float arithmetic (a caller leaves slack
     * for its rounding). The arrays hold a whole block from {@code first}.
     */
    abstract long reaching(int[] dots, float[] scales, float[] tails, int first, float queryScale, float queryTail,
            float minimum);

    static short[] widen(byte[] values) {
        short[] widened = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        return widened;
    }

    abstract String implementation();

    private static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The plain loop. */
    static final class ScalarInt8Dot extends Int8Dot {

        @Override
        int dot(short[] query, byte[] b, int bOffset, int length) {
            int sum = 0;
            for (int i = 0; i < length; i++) {
                sum += query[i] * b[bOffset + i];
            }
            return sum;
        }

        @Override
        int blockWidth() {
            return 16;
        }

        @Override
        void blockDots(short[] query, byte[] blocks, int offset, int dimensions, int[] out) {
            int width = blockWidth();
            java.util.Arrays.fill(out, 0, width, 0);
            for (int j = 0; j < dimensions; j++) {
                int q = query[j];
                int row = offset + j * width;
                for (int lane = 0; lane < width; lane++) {
                    out[lane] += q * blocks[row + lane];
                }
            }
        }

        @Override
        long reaching(int[] dots, float[] scales, float[] tails, int first, float queryScale, float queryTail,
                float minimum) {
            long lanes = 0;
            for (int lane = 0; lane < blockWidth(); lane++) {
                if (queryScale * scales[first + lane] * dots[lane] + queryTail * tails[first + lane] >= minimum) {
                    lanes |= 1L << lane;
                }
            }
            return lanes;
        }

        @Override
        String implementation() {
            return "scalar";
        }
    }
}
