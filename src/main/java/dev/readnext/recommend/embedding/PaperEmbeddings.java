package dev.readnext.recommend.embedding;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.ReadnextConfig;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;

/**
 * This replica's sentence embeddings of papers and the model that makes them, when semantic similarity is on
 * ({@code readnext.similarity.semantic.enabled}); everything here is empty when it is off, and no model is loaded.
 * The {@link EmbeddingWorker} loads the model and embeds papers; {@link EmbeddingSync} keeps the index in step with
 * the {@code paper_embedding} table.
 */
@ApplicationScoped
public class PaperEmbeddings {

    @Inject
    ReadnextConfig config;

    /** Questions asked again ("RoPE", "speculative decoding") are not embedded again: each costs a model run. */
    private final Cache<String, Int8Vector> questions = Caffeine.newBuilder().maximumSize(1_000).build();
    private volatile SemanticIndex index = new SemanticIndex(MiniLmEmbedder.DIMENSIONS, 1024);
    private volatile TextEmbedder embedder;

    public boolean enabled() {
        return config.similarity().semantic().enabled();
    }

    /** The embedding's share of text similarity. */
    public double weight() {
        return config.similarity().semanticWeight();
    }

    /** The papers embedded so far; empty when semantic similarity is off. */
    public Optional<SemanticIndex> index() {
        return enabled() ? Optional.of(index) : Optional.empty();
    }

    /** The embedding of free text (a question), or empty when semantic similarity is off or the model not loaded. */
    public Optional<Int8Vector> embed(String text) {
        TextEmbedder model = embedder;
        if (model == null) {
            return Optional.empty();
        }
        String cut = PaperEmbeddingText.cut(text);
        return Optional.of(questions.get(cut, question -> Int8Vector.quantize(model.embed(question))));
    }

    SemanticIndex semanticIndex() {
        return index;
    }

    /** Swaps in an index loaded afresh; the old one serves until then. */
    void replaceIndex(SemanticIndex fresh) {
        index = fresh;
    }

    void use(TextEmbedder loaded) {
        embedder = loaded;
    }

    boolean modelLoaded() {
        return embedder != null;
    }
}
