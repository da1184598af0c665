package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fixed point of a product is Math.round's, bit for bit, for products of two floats of either sign. */
class OrderFreeSumTest {

    @Test
    void aProductOfTwoFloatsRoundsAsMathRound() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000_000; i++) {
            float a = random.nextInt(4) == 0 ? (float) Math.scalb(random.nextFloat(), -random.nextInt(60))
                    : random.nextFloat();
            float b = (random.nextBoolean() ? -1 : 1) * random.nextFloat();
            double product = (double) a * b;
            assertEquals(Math.round(product * 0x1p48), OrderFreeSum.dot(product), a + " × " + b);
        }
        for (double half : new double[] {0.5, 1.5, -0.5, -1.5, 0x1p-49, -0x1p-49, 3 * 0x1p-49}) {
            assertEquals(Math.round(half * 0x1p48), OrderFreeSum.dot(half), "tie at " + half);
        }
    }
}
