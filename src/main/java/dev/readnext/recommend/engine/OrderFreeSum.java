package dev.readnext.recommend.engine;

/**
 * Sums whose value does not depend on the order of their terms: each term is rounded to a fixed point and added as an
 * integer, which is associative. Two replicas number terms differently (ids follow the order terms were first seen),
 * so they visit a document's terms in different orders; with these sums they still compute bit-identical norms and
 * cosines, hence identical scores and rankings.
 */
final class OrderFreeSum {

    /** Products of two weights of L2-normalised vectors (|x| ≤ 1, sums ≤ 1): 2^-48 per term, room up to 2^15. */
    private static final double DOT_SCALE = 0x1p48;
    /** Squares of unnormalised weights (sums up to about 10^7): 2^-32 per term, room up to 2^31. */
    private static final double SQUARE_SCALE = 0x1p32;

    private OrderFreeSum() {
    }

    /** A product of weights as the fixed point {@link #dotValue} sums. */
    static long dot(double product) {
        return Math.round(product * DOT_SCALE);
    }

    static double dotValue(long sum) {
        return sum / DOT_SCALE;
    }

    /** A square as the fixed point {@link #squareValue} sums. */
    static long square(double x) {
        return Math.round(x * x * SQUARE_SCALE);
    }

    static double squareValue(long sum) {
        return sum / SQUARE_SCALE;
    }
}
