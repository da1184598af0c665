package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Exact top k of the hybrid similarity {@code (1 − w)·tfidf + w·semantic} over every document: documents without an
 * embedding (not yet embedded) score their TF-IDF cosine alone, and a document is a hit when it shares a term with
 * the query or has an embedding.
 *
 * <p>Candidates are the K best by each similarity (Fagin's threshold algorithm): a document in neither list has a
 * TF-IDF cosine at most the K-th of the first list (0 if that list is not full) and an embedding cosine at most the
 * K-th of the second, so its hybrid score is at most {@code max((1 − w)·tfK + w·semK, tfK)}. When the k-th candidate
 * scores above that bound the answer is exact; otherwise K grows fourfold and the search runs again (rarely: see
 * README "Semantic similarity"). Ties order by id, as everywhere in the engine.
 */
public final class HybridSearch {

    private static final Comparator<HybridHit> BEST_FIRST =
            Comparator.comparingDouble(HybridHit::score).reversed().thenComparingLong(HybridHit::id);

    private final TfIdfIndex tfidf;
    private final SemanticIndex semantic;
    private final double weight;

    /** @param weight the embedding's share w, 0 to 1 */
    public HybridSearch(TfIdfIndex tfidf, SemanticIndex semantic, double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1]: " + weight);
        }
        this.tfidf = tfidf;
        this.semantic = semantic;
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** The hybrid score of document {@code id} for the two queries ({@code semanticQuery} may be null). */
    public HybridHit score(QueryVector textQuery, Int8Vector semanticQuery, long id) {
        double cosine = tfidf.cosine(textQuery, id);
        double embedding = semanticQuery == null ? Double.NaN : semantic.similarity(semanticQuery, id).orElse(Double.NaN);
        return new HybridHit(id, HybridHit.combine(cosine, embedding, weight), cosine, embedding);
    }

    /**
     * The k best documents by hybrid score, skipping ids {@code exclude} accepts; with no {@code semanticQuery} (the
     * query has no embedding) or a weight of 0, the TF-IDF top k.
     */
    public List<HybridHit> topK(QueryVector textQuery, Int8Vector semanticQuery, int k, LongPredicate exclude) {
        if (k < 1) {
            return List.of();
        }
        if (semanticQuery == null || weight == 0) {
            return tfidf.topK(textQuery, k, exclude).stream()
                    .map(hit -> new HybridHit(hit.id(), hit.score(), hit.score(), Double.NaN)).toList();
        }
        for (int depth = k; ; depth *= 4) {
            List<ScoredDocument> byText = tfidf.topK(textQuery, depth, exclude);
            List<ScoredDocument> byMeaning = semantic.topK(semanticQuery, depth, exclude);
            Map<Long, HybridHit> candidates = new LinkedHashMap<>();
            byText.forEach(hit -> candidates.put(hit.id(), score(textQuery, semanticQuery, hit.id())));
            byMeaning.forEach(hit -> candidates.computeIfAbsent(hit.id(), id -> score(textQuery, semanticQuery, id)));
            List<HybridHit> ranked = new ArrayList<>(candidates.values());
            ranked.sort(BEST_FIRST);
            List<HybridHit> best = List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
            boolean textExhausted = byText.size() < depth;
            boolean meaningExhausted = byMeaning.size() < depth;
            if (textExhausted && meaningExhausted) {
                return best;
            }
            double textBound = textExhausted ? 0 : byText.get(byText.size() - 1).score();
            double unseen = meaningExhausted ? textBound
                    : Math.max(textBound, HybridHit.combine(textBound, byMeaning.get(byMeaning.size() - 1).score(), weight));
            if (best.size() == k && best.get(k - 1).score() > unseen) {
                return best;
            }
        }
    }
}
