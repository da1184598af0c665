package dev.readnext.recommend.engine;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Dot} on SIMD registers: each step widens as many bytes as the widest int register holds lanes (16 with
 * AVX-512) to ints, multiplies and accumulates them; the tail runs the plain loop. Loaded only when the module is
 * present ({@link Int8Dot#BEST}).
 */
final class VectorInt8Dot extends Int8Dot {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));

    static Int8Dot create() {
        return new VectorInt8Dot();
    }

    @Override
    int dot(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int lanes = INTS.length();
        int bound = length - length % lanes;
        IntVector sum = IntVector.zero(INTS);
        int i = 0;
        for (; i < bound; i += lanes) {
            IntVector x = (IntVector) ByteVector.fromArray(BYTES, a, aOffset + i)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            IntVector y = (IntVector) ByteVector.fromArray(BYTES, b, bOffset + i)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            sum = sum.add(x.mul(y));
        }
        int result = sum.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            result += a[aOffset + i] * b[bOffset + i];
        }
        return result;
    }

    @Override
    String implementation() {
        return "Vector API, " + INTS.length() + " int lanes";
    }
}
