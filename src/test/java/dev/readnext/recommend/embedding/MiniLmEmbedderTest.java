package dev.readnext.recommend.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.readnext.recommend.engine.Int8Vector;

/** The bundled model, run for real: unit vectors, the same vector for the same text, meaning over shared words. */
class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder();
    }

    @Test
    void embeddingsAreUnitVectorsOfTheModelsDimensions() {
        float[] vector = embedder.embed("Rotary position embedding for transformers");
        assertEquals(MiniLmEmbedder.DIMENSIONS, vector.length);
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-4);
    }

    @Test
    void theSameTextGivesTheSameVector() {
        assertEquals(Int8Vector.quantize(embedder.embed("Mixture of experts")),
                Int8Vector.quantize(embedder.embed("Mixture of experts")));
    }

    @Test
    void textsOfOneMeaningInOtherWordsAreCloserThanTextsSharingAWord() {
        Int8Vector query = Int8Vector.quantize(embedder.embed("Making large language models answer faster at inference"));
        Int8Vector sameMeaning = Int8Vector.quantize(embedder.embed("Speculative decoding accelerates LLM generation"));
        Int8Vector sharedWord = Int8Vector.quantize(embedder.embed("Large herds of cattle graze the models of farms"));
        assertTrue(query.dot(sameMeaning) > query.dot(sharedWord) + 0.1,
                query.dot(sameMeaning) + " vs " + query.dot(sharedWord));
    }

    @Test
    void embeddingsComeInThePrincipalAxesWithMostOfTheirLengthInTheFirstDimensions() {
        String[] texts = {"Attention is all you need", "LoRA: low-rank adaptation of large language models",
            "Direct preference optimization", "A survey of graph neural networks for molecule property prediction",
            "Robot grasping from point clouds", "Speculative decoding accelerates LLM generation"};
        for (String text : texts) {
            float[] vector = embedder.embed(text);
            double head = 0;
            for (int i = 0; i < 128; i++) {
                head += vector[i] * vector[i];
            }
            // evenly spread, 128 of 384 dimensions would hold a third; the axes put 87 % there on the arXiv corpus
            assertTrue(head > 0.6, text + ": " + head);
        }
    }

    @Test
    void theBundledAxesAreOrthonormal() {
        float[][] axes = PrincipalAxes.bundled().rows();
        assertEquals(MiniLmEmbedder.DIMENSIONS, axes.length);
        for (int i = 0; i < axes.length; i += 7) {
            for (int j = i; j < axes.length; j += 5) {
                double dot = 0;
                for (int d = 0; d < axes.length; d++) {
                    dot += axes[i][d] * axes[j][d];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-4, "axes " + i + " and " + j);
            }
        }
    }

    @Test
    void aLongTextIsCutAtAWordBoundary() {
        String text = PaperEmbeddingText.of("A title", null, "word ".repeat(1000));
        assertTrue(text.length() <= PaperEmbeddingText.MAX_CHARS, "cut to " + text.length());
        assertTrue(text.endsWith("word"), text.substring(text.length() - 10));
        assertEquals("A title. A TL;DR. An abstract", PaperEmbeddingText.of(" A title ", "A TL;DR", "An abstract"));
        assertEquals("A title", PaperEmbeddingText.of("A title", " ", null));
    }
}
