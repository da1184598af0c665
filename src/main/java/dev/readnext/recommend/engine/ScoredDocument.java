package dev.readnext.recommend.engine;

/**
 * One hit of a top-k query.
 *
 * @param id    the document's key
 * @param score cosine similarity with the query, in [0, 1]
 */
public record ScoredDocument(long id, double score) {
}
