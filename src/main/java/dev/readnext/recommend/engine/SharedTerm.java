package dev.readnext.recommend.engine;

/**
 * A term that a query and a hit share, with its share of their cosine.
 *
 * @param term         the readable (surface) form, e.g. "embeddings" for the stem "embed"
 * @param contribution {@code q_t · d_t}; the contributions of all shared terms sum to the cosine
 * @param informative  whether the term says what the two texts have in common: not a bare number, not a generic
 *                     word ({@link dev.readnext.text.GenericWords}) and not corpus-frequent (in more than
 *                     {@value SharedTerms#FREQUENT_SHARE_PERCENT} % of the documents)
 */
public record SharedTerm(String term, double contribution, boolean informative) {
}
