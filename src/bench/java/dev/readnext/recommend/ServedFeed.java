package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.readnext.api.Paging;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The text side of the reader's feed ({@link FeedRanking#forHistory}) without the database, for the feed quality
 * report: the weighted Rocchio centroid of the history in TF-IDF and in embeddings, the hybrid top
 * {@link FeedRanking#POOL_FACTOR}× the size asked (history and skipped papers left out), only candidates with a text
 * reason ({@link Recommender#textReasons}), best first, then {@link FeedRanking#mmr} over the hybrid cosine with its
 * λ and near-duplicate cut. Left out, as in {@link ServedRelatedPapers}: the structure part (course, path, sections,
 * topics, follow-ups) and the final drop of an entry with no {@code because} paper (one with a text reason is similar
 * to some history paper in practice).
 */
public final class ServedFeed {

    private final TfIdfIndex tfidf;
    private final SemanticIndex semantic;
    private final double weight;
    private final HybridSearch search;
    private final Blend blend;

    /** TF-IDF alone (semantic similarity off) when {@code semantic} is null. */
    public ServedFeed(TfIdfIndex tfidf, SemanticIndex semantic, double weight) {
        this.tfidf = tfidf;
        this.semantic = semantic;
        this.weight = semantic == null ? 0 : weight;
        this.search = new HybridSearch(tfidf, semantic, this.weight);
        this.blend = semantic == null ? new Blend(tfidf) : new Blend(tfidf, semantic, weight);
    }

    /** The candidates MMR picks from, best first: the history's weighted centroid's hybrid nearest, explainable. */
    public List<HybridHit> pool(long[] history, double[] weights, Set<Long> skip, int size) {
        QueryVector query = tfidf.weightedCentroid(history, weights);
        Int8Vector meaning = semantic == null ? null : semantic.weightedCentroid(history, weights).orElse(null);
        if (query.isEmpty() && meaning == null) {
            return List.of();
        }
        List<HybridHit> ranked = new ArrayList<>();
        for (HybridHit hit : search.topK(query, meaning, FeedRanking.POOL_FACTOR * size, skip::contains)) {
            if (!Recommender.textReasons(hit).isEmpty()) {
                ranked.add(hit);
            }
        }
        ranked.sort(Comparator.comparingDouble(HybridHit::score).reversed().thenComparingLong(HybridHit::id));
        return ranked;
    }

    /** The feed's entries as {@link FeedRanking#mmr} picks them from {@code pool}. */
    public List<Long> mmr(List<HybridHit> pool, int size) {
        return FeedRanking.mmr(pool, size, this::similarity).stream().map(HybridHit::id).toList();
    }

    /** The feed's entries in plain relevance order (MMR and the near-duplicate cut off). */
    public static List<Long> relevanceOrder(List<HybridHit> pool, int size) {
        return pool.stream().limit(size).map(HybridHit::id).toList();
    }

    /** {@link FeedRanking#mmr} itself with another λ and near-duplicate cut, for a sweep. */
    public List<Long> mmr(List<HybridHit> pool, int size, double lambda, double nearDuplicate) {
        return FeedRanking.mmr(pool, size, this::similarity, lambda, nearDuplicate).stream().map(HybridHit::id)
                .toList();
    }

    /** Hybrid cosine of two papers, as the feed's MMR judges it (TF-IDF alone when either has no embedding). */
    public double similarity(long a, long b) {
        double embedding = semantic == null ? Double.NaN : semantic.similarity(a, b).orElse(Double.NaN);
        return HybridHit.combine(tfidf.similarity(a, b), embedding, weight);
    }

    /** {@code relatedPapers} of one paper, as {@link ServedRelatedPapers} computes it, skipping {@code skip} too. */
    public List<Long> related(long paperId, Set<Long> duplicates, Set<Long> skip, int first) {
        int size = Paging.pageSize(first, 5, Recommender.MAX_RESULTS);
        Structure structure = new Structure(Map.of(), Map.of(), duplicates, List.of(), Map.of(), null, List.of());
        Blend.Candidates candidates = blend.candidates(paperId, structure, skip, size);
        return blend.rank(candidates, Map.of(), size).stream().map(ScoredPaper::paperId)
                .filter(id -> !skip.contains(id)).toList();
    }

    public static double lambda() {
        return FeedRanking.MMR_LAMBDA;
    }

    public static double nearDuplicate() {
        return FeedRanking.NEAR_DUPLICATE;
    }
}
