package dev.readnext.recommend.engine;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Dot} on SIMD registers, as Lucene's Panama int8 dot product does it: each step widens as many bytes as
 * the widest short register holds lanes (32 with AVX-512) to shorts, multiplies them by the query's (widened once
 * per scan), and adds the products, widened to ints, to two accumulators; the tail runs the plain loop. A product of
 * two int8 values fits a short (at most 128 · 128). Loaded only when the module is present ({@link Int8Dot#BEST}).
 */
final class VectorInt8Dot extends Int8Dot {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(SHORTS.length() * Byte.SIZE));
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    static Int8Dot create() {
        return new VectorInt8Dot();
    }

    @Override
    int dot(short[] query, byte[] b, int bOffset, int length) {
        int lanes = SHORTS.length();
        int bound = length - length % lanes;
        IntVector low = IntVector.zero(INTS);
        IntVector high = IntVector.zero(INTS);
        int i = 0;
        for (; i < bound; i += lanes) {
            ShortVector x = ShortVector.fromArray(SHORTS, query, i);
            ShortVector y = (ShortVector) ByteVector.fromArray(BYTES, b, bOffset + i)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector products = x.mul(y);
            low = low.add(products.convertShape(VectorOperators.S2I, INTS, 0));
            high = high.add(products.convertShape(VectorOperators.S2I, INTS, 1));
        }
        int result = low.add(high).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            result += query[i] * b[bOffset + i];
        }
        return result;
    }

    @Override
    int blockWidth() {
        return SHORTS.length();
    }

    /**
     * Two dimensions per step: each widens the block's bytes of one dimension to shorts and multiplies them by that
     * dimension's query value; the two products add up in shorts (at most 2 · 127 · 127) and only their sum is widened
     * to ints. No per-document reduction: lane l ends holding document l's dot product.
     */
    @Override
    void blockDots(short[] query, byte[] blocks, int offset, int dimensions, int[] out) {
        int width = SHORTS.length();
        IntVector low = IntVector.zero(INTS);
        IntVector high = IntVector.zero(INTS);
        int j = 0;
        for (; j + 1 < dimensions; j += 2) {
            ShortVector first = (ShortVector) ByteVector.fromArray(BYTES, blocks, offset + j * width)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector second = (ShortVector) ByteVector.fromArray(BYTES, blocks, offset + (j + 1) * width)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector sum = first.mul(query[j]).add(second.mul(query[j + 1]));
            low = low.add(sum.convertShape(VectorOperators.S2I, INTS, 0));
            high = high.add(sum.convertShape(VectorOperators.S2I, INTS, 1));
        }
        if (j < dimensions) {
            ShortVector last = (ShortVector) ByteVector.fromArray(BYTES, blocks, offset + j * width)
                    .convertShape(VectorOperators.B2S, SHORTS, 0);
            ShortVector product = last.mul(query[j]);
            low = low.add(product.convertShape(VectorOperators.S2I, INTS, 0));
            high = high.add(product.convertShape(VectorOperators.S2I, INTS, 1));
        }
        low.intoArray(out, 0);
        high.intoArray(out, INTS.length());
    }

    @Override
    long reaching(int[] dots, float[] scales, float[] tails, int first, float queryScale, float queryTail,
            float minimum) {
        long lanes = 0;
        for (int lane = 0; lane < SHORTS.length(); lane += FLOATS.length()) {
            FloatVector bound = ((FloatVector) IntVector.fromArray(INTS, dots, lane)
                    .convertShape(VectorOperators.I2F, FLOATS, 0))
                    .mul(FloatVector.fromArray(FLOATS, scales, first + lane)).mul(queryScale)
                    .add(FloatVector.fromArray(FLOATS, tails, first + lane).mul(queryTail));
            lanes |= bound.compare(VectorOperators.GE, minimum).toLong() << lane;
        }
        return lanes;
    }

    @Override
    String implementation() {
        return "Vector API, " + SHORTS.length() + " short lanes";
    }
}
