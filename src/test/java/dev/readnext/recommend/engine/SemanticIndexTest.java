package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The int8 index against a brute force over the same vectors, through puts, replacements and removals. */
class SemanticIndexTest {

    private static final int DIMENSIONS = 384;

    @Test
    void topKEqualsBruteForceThroughChanges() {
        Random random = new Random(11);
        SemanticIndex index = new SemanticIndex(DIMENSIONS, 4);
        Map<Long, Int8Vector> live = new HashMap<>();
        for (int step = 0; step < 600; step++) {
            long id = random.nextInt(200);
            if (random.nextInt(4) == 0) {
                assertEquals(live.remove(id) != null, index.remove(id));
            } else {
                Int8Vector vector = RandomVectors.unitVector(random, DIMENSIONS);
                index.put(id, vector);
                live.put(id, vector);
            }
            if (step % 20 == 0) {
                Int8Vector query = RandomVectors.unitVector(random, DIMENSIONS);
                int k = 1 + random.nextInt(30);
                assertEquals(bruteForce(live, query, k), index.topK(query, k, other -> other % 7 == 0));
                assertEquals(live.size(), index.size());
            }
        }
        live.forEach((id, vector) -> assertEquals(vector, index.vectorOf(id).orElseThrow()));
    }

    @Test
    void theDotProductOfInt8VectorsIsCloseToThatOfTheFloats() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            float[] a = RandomVectors.unitFloats(random, DIMENSIONS);
            float[] b = RandomVectors.unitFloats(random, DIMENSIONS);
            double exact = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                exact += a[d] * b[d];
            }
            assertEquals(exact, Int8Vector.quantize(a).dot(Int8Vector.quantize(b)), 0.01);
        }
        float[] same = RandomVectors.unitFloats(random, DIMENSIONS);
        assertEquals(1.0, Int8Vector.quantize(same).dot(Int8Vector.quantize(same)), 0.01);
    }

    @Test
    void theVectorApiAndThePlainLoopAgree() {
        Random random = new Random(9);
        Int8Dot scalar = new Int8Dot.ScalarInt8Dot();
        for (int length : new int[] {0, 1, 7, 31, 32, 33, 63, 64, 384, 385}) {
            byte[] a = new byte[length + 5];
            byte[] b = new byte[length + 3];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextInt(255) - 127);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(255) - 127);
            }
            short[] query = Int8Dot.widen(java.util.Arrays.copyOfRange(a, 5, 5 + length));
            assertEquals(scalar.dot(query, b, 3, length), Int8Dot.BEST.dot(query, b, 3, length), "length " + length);
        }
        assertEquals("Vector API", Int8Dot.BEST.implementation().substring(0, 10),
                "the tests run with --add-modules jdk.incubator.vector, as the image does");
    }

    @Test
    void theBlockKernelAndThePlainLoopAgree() {
        Random random = new Random(10);
        Int8Dot scalar = new Int8Dot.ScalarInt8Dot();
        int width = Int8Dot.BEST.blockWidth();
        for (int dimensions : new int[] {1, 2, 7, 128, 129}) {
            byte[] blocks = new byte[3 + dimensions * width];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = (byte) (random.nextInt(255) - 127);
            }
            blocks[3] = -127;
            blocks[3 + (dimensions - 1) * width] = -127;
            short[] query = new short[dimensions];
            for (int j = 0; j < dimensions; j++) {
                query[j] = (short) (j < 2 ? -127 : random.nextInt(255) - 127);
            }
            int[] expected = new int[width];
            for (int lane = 0; lane < width; lane++) {
                for (int j = 0; j < dimensions; j++) {
                    expected[lane] += query[j] * blocks[3 + j * width + lane];
                }
            }
            int[] actual = new int[width];
            Int8Dot.BEST.blockDots(query, blocks, 3, dimensions, actual);
            assertArrayEquals(expected, actual, "dimensions " + dimensions);
            if (scalar.blockWidth() == width) {
                scalar.blockDots(query, blocks, 3, dimensions, actual);
                assertArrayEquals(expected, actual, "plain loop, dimensions " + dimensions);
            }
        }
    }

    @Test
    void theScanVisitsEveryDocumentReachingTheMinimumWhereverTheLengthLies() {
        Random random = new Random(12);
        for (int dimensions : new int[] {2, 7, 150, 384}) {
            int head = dimensions == 384 ? SemanticIndex.HEAD : Math.max(1, dimensions / 3);
            SemanticIndex index = new SemanticIndex(dimensions, 10, head);
            Map<Long, Int8Vector> vectors = new HashMap<>();
            for (long id = 0; id < 300; id++) {
                // a third of the vectors lie mostly in the last dimensions, where the bound cannot tell them apart
                float[] values = RandomVectors.unitFloats(random, dimensions);
                if (id % 3 == 0) {
                    for (int j = 0; j < head; j++) {
                        values[j] *= 0.05f;
                    }
                }
                Int8Vector vector = Int8Vector.quantize(values);
                index.put(id, vector);
                vectors.put(id, vector);
            }
            Int8Vector query = vectors.get(3L);
            for (double minimum : new double[] {-1, 0, 0.2, 0.5, 0.99}) {
                Map<Long, Double> visited = new HashMap<>();
                index.scan(query, () -> minimum, visited::put);
                vectors.forEach((id, vector) -> {
                    double cosine = query.dot(vector);
                    if (cosine >= minimum) {
                        assertEquals(cosine, visited.get(id), 1e-12, "dimensions " + dimensions + ", id " + id);
                    }
                });
                visited.forEach((id, cosine) -> assertTrue(cosine >= minimum - 1e-4, "visited far below the minimum"));
            }
        }
    }

    @Test
    void rocchioMovesTowardsTheLikedAndAwayFromTheDisliked() {
        Random random = new Random(4);
        SemanticIndex index = new SemanticIndex(DIMENSIONS, 8);
        for (long id = 0; id < 8; id++) {
            index.put(id, RandomVectors.unitVector(random, DIMENSIONS));
        }
        Int8Vector query = index.rocchio(new long[] {1, 2}, new long[] {3}, 1.0, 0.75).orElseThrow();
        Int8Vector one = index.vectorOf(1).orElseThrow();
        Int8Vector three = index.vectorOf(3).orElseThrow();
        assertTrue(query.dot(one) > 0.3, "towards a liked paper: " + query.dot(one));
        assertTrue(query.dot(three) < 0, "away from the disliked one: " + query.dot(three));
        assertFalse(index.rocchio(new long[] {42}, new long[0], 1, 0.75).isPresent(), "no liked paper embedded");
    }

    @Test
    void vectorsOfOtherDimensionsOrWithoutDirectionAreRefused() {
        SemanticIndex index = new SemanticIndex(DIMENSIONS, 1);
        assertThrows(IllegalArgumentException.class, () -> index.put(1, Int8Vector.quantize(new float[] {1, 0})));
        assertThrows(IllegalArgumentException.class, () -> Int8Vector.quantize(new float[DIMENSIONS]));
    }

    private static List<ScoredDocument> bruteForce(Map<Long, Int8Vector> live, Int8Vector query, int k) {
        List<ScoredDocument> all = new ArrayList<>();
        live.forEach((id, vector) -> {
            if (id % 7 != 0) {
                all.add(new ScoredDocument(id, (double) query.scale() * vector.scale() * dot(query, vector)));
            }
        });
        all.sort(Comparator.comparingDouble(ScoredDocument::score).reversed().thenComparingLong(ScoredDocument::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static long dot(Int8Vector a, Int8Vector b) {
        long sum = 0;
        for (int i = 0; i < a.dimensions(); i++) {
            sum += a.values()[i] * b.values()[i];
        }
        return sum;
    }
}
