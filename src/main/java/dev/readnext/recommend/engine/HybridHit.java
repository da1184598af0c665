package dev.readnext.recommend.engine;

/**
 * A document scored by {@link HybridSearch}: its hybrid score and the two similarities it is made of.
 *
 * @param tfidf    TF-IDF cosine, 0 when the document shares no term with the query
 * @param semantic embedding cosine, NaN when the document or the query has no embedding
 */
public record HybridHit(long id, double score, double tfidf, double semantic) {

    /** {@code (1 − weight)·tfidf + weight·semantic}, or the TF-IDF cosine alone when there is no embedding cosine. */
    public static double combine(double tfidf, double semantic, double weight) {
        return Double.isNaN(semantic) ? tfidf : (1 - weight) * tfidf + weight * semantic;
    }

    public boolean hasSemantic() {
        return !Double.isNaN(semantic);
    }
}
