package dev.readnext.recommend.engine;

/**
 * A term that a query and a hit share, with its share of their cosine.
 *
 * @param term         the readable (surface) form, e.g. "embeddings" for the stem "embed"
 * @param contribution {@code q_t · d_t}; the contributions of all shared terms sum to the cosine
 */
public record SharedTerm(String term, double contribution) {
}
