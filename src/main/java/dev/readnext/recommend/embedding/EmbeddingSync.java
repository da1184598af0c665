package dev.readnext.recommend.embedding;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;
import io.quarkus.logging.Log;

/**
 * Keeps this replica's {@link SemanticIndex} in step with the {@code paper_embedding} table, driven by the index sync:
 * its listener connection wakes on {@code readnext_embeddings} (sent when the worker of any replica stores a batch)
 * and reads the rows written since the last catch-up; a paper whose text changed or that was deleted is refreshed
 * from its row (gone, since the change deleted it, unless already embedded again).
 *
 * <p>seq numbers are taken in the worker's transaction and there is one worker at a time whose transactions follow one
 * another, so rows become visible in seq order and reading past the highest seq seen misses none.
 */
@ApplicationScoped
public class EmbeddingSync {

    public static final String CHANNEL = EmbeddingStore.CHANNEL;

    @Inject
    PaperEmbeddings embeddings;

    @Inject
    EmbeddingStore store;

    /** The highest seq read into the index, -1 before the first load; read and written on the sync thread only. */
    private long lastSeq = -1;

    public boolean enabled() {
        return embeddings.enabled();
    }

    /**
     * Reads the embeddings written since the last catch-up, or all of them into a fresh index the first time and when
     * {@code reload} (after a bulk import, which deletes the embeddings of the texts it changed without logging them).
     */
    public void catchUp(Connection c, boolean reload) throws SQLException {
        if (reload || lastSeq < 0) {
            Instant started = Instant.now();
            SemanticIndex fresh = new SemanticIndex(MiniLmEmbedder.DIMENSIONS,
                    Math.max(1024, embeddings.semanticIndex().size()));
            lastSeq = store.loadAll(c, fresh);
            fresh.buildNeighboursInBackground();
            embeddings.replaceIndex(fresh);
            Log.infof("Semantic index loaded: %d papers embedded, in %d ms", fresh.size(),
                    Duration.between(started, Instant.now()).toMillis());
        } else {
            lastSeq = store.loadSince(c, lastSeq, embeddings.semanticIndex());
        }
    }

    /** Brings one paper's embedding in line with its row: the stored vector, or none. */
    public void refresh(long paperId) throws SQLException {
        Optional<Int8Vector> vector = store.byId(paperId);
        SemanticIndex index = embeddings.semanticIndex();
        if (vector.isPresent()) {
            index.put(paperId, vector.get());
        } else {
            index.remove(paperId);
        }
    }
}
