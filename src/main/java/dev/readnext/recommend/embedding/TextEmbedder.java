package dev.readnext.recommend.embedding;

/** Turns text into a unit-length sentence embedding. Implementations are thread-safe. */
public interface TextEmbedder {

    /**
     * What the embeddings are made by: the model, its version and how a paper's text is put together. Stored beside
     * every embedding; embeddings of another model are computed again.
     */
    String model();

    int dimensions();

    float[] embed(String text);
}
