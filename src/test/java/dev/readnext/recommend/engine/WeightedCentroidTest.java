package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The feed's weighted Rocchio: a heavier paper pulls the centroid towards its neighbours. */
class WeightedCentroidTest {

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(1, null, null, "rotary position embedding"),
            new DocumentText(2, null, null, "quantization of weights"),
            new DocumentText(3, null, null, "rotary position interpolation"),
            new DocumentText(4, null, null, "quantization of activations"),
            new DocumentText(5, null, null, "unrelated cooking recipes")));

    private long best(double first, double second) {
        QueryVector query = index.weightedCentroid(new long[] { 1, 2 }, new double[] { first, second });
        return index.topK(query, 1, id -> id == 1 || id == 2).get(0).id();
    }

    @Test
    void theHeavierPaperDecidesTheNearestNeighbour() {
        assertEquals(3L, best(1.0, 0.25));
        assertEquals(4L, best(0.25, 1.0));
    }

    @Test
    void unindexedOrWeightlessPapersGiveAnEmptyCentroid() {
        assertTrue(index.weightedCentroid(new long[] { 99 }, new double[] { 1 }).isEmpty());
        assertTrue(index.weightedCentroid(new long[] { 1 }, new double[] { 0 }).isEmpty());
    }

    @Test
    void similarityIsTheCosineOfTwoDocuments() {
        assertEquals(1.0, index.similarity(1, 1), 1e-6);
        assertEquals(0.0, index.similarity(1, 5), 1e-9);
        assertEquals(0.0, index.similarity(1, 99), 1e-9);
        assertTrue(index.similarity(1, 3) > 0);
    }

    @Test
    void embeddingCentroidWeighsAlike() {
        SemanticIndex semantic = new SemanticIndex(2, 3);
        semantic.put(1, Int8Vector.quantize(new float[] { 1, 0 }));
        semantic.put(2, Int8Vector.quantize(new float[] { 0, 1 }));
        Int8Vector centroid = semantic.weightedCentroid(new long[] { 1, 2, 99 }, new double[] { 3, 1, 5 })
                .orElseThrow();
        float[] values = centroid.toFloats();
        assertTrue(values[0] > 2.5 * values[1], List.of(values[0], values[1]).toString());
        assertEquals(0.0, semantic.similarity(1, 2).orElseThrow(), 0.02);
        assertTrue(semantic.similarity(1, 99).isEmpty());
    }
}
