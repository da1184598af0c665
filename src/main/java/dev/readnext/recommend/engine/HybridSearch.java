package dev.readnext.recommend.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * Exact top k of the hybrid similarity {@code (1 − w)·tfidf + w·semantic} over every document: documents without an
 * embedding (not yet embedded) score their TF-IDF cosine alone, and a document is a hit when it shares a term with
 * the query or has an embedding.
 *
 * <p>TF-IDF gives its K best (K = 2k at first), scored exactly. Any other document has a TF-IDF cosine of at most the
 * K-th, tfK (0 when fewer than K share a term), so it can enter the top k only if its embedding cosine reaches
 * {@code (kth best − (1 − w)·tfK) / w}: one {@link SemanticIndex#scan} above that minimum, raised as better documents
 * come, finds every such document, reading the whole embedding of a handful. A document without an embedding scores
 * at most tfK; while that could still enter, K grows fourfold. Ties order by id, as everywhere in the engine.
 */
public final class HybridSearch {

    private final TfIdfIndex tfidf;
    private final SemanticIndex semantic;
    private final double weight;
    private final LongAdder answeredFromLists = new LongAdder();

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
        return topK(textQuery, semanticQuery, k, exclude, depth -> tfidf.topK(textQuery, depth, exclude));
    }

    /**
     * As {@link #topK} for document {@code id}'s own vectors ({@code textQuery} is its stored one): its text
     * neighbours come from its precomputed list when that proves them ({@link TfIdfIndex#related}), so a document's
     * related documents are a look-up plus, with embeddings, one scan. Never returns {@code id} itself.
     */
    public List<HybridHit> related(long id, QueryVector textQuery, Int8Vector semanticQuery, int k,
            LongPredicate exclude) {
        LongPredicate excluded = other -> other == id || exclude.test(other);
        if (semanticQuery != null && weight > 0 && k >= 1) {
            List<HybridHit> looked = fromNeighbourLists(id, textQuery, semanticQuery, k, excluded);
            if (looked != null) {
                answeredFromLists.increment();
                return looked;
            }
        }
        return topK(textQuery, semanticQuery, k, excluded, depth -> tfidf.related(id, depth, exclude));
    }

    /**
     * The hybrid top k of document {@code id} from its two neighbour lists, when they prove it (the threshold
     * algorithm over two sorted lists): a document in neither has a TF-IDF cosine of at most the text list's last,
     * tB (0 when that list holds every document sharing a term), and, if embedded, an embedding cosine of at most the
     * embedding list's last, eB; so a hybrid score of at most max(tB, (1 − w)·tB + w·eB), an unembedded one scoring its
     * TF-IDF cosine alone (floating point keeps the order: every operation is monotonic). The lists' documents, scored
     * exactly, give the answer when their k-th best is above that bound, or when no other document is a hit. Null
     * otherwise, or when a list is not computed or cannot prove its top: then the scan decides.
     */
    private List<HybridHit> fromNeighbourLists(long id, QueryVector textQuery, Int8Vector semanticQuery, int k,
            LongPredicate exclude) {
        int textDepth = tfidf.listedNeighbours();
        Optional<List<ScoredDocument>> byText = textDepth == 0 ? Optional.empty()
                : tfidf.neighbours(id, textDepth, exclude);
        SemanticNeighbourLists.Neighbours byMeaning = byText.isEmpty() ? null
                : semantic.neighbours(id, semantic.listedNeighbours(), exclude);
        if (byMeaning == null) {
            return null;
        }
        boolean everyTextListed = byText.get().size() < textDepth;
        double textBound = everyTextListed ? 0 : byText.get().get(textDepth - 1).score();
        boolean everyEmbeddingListed = byMeaning.bound() == Double.NEGATIVE_INFINITY;
        double bound = everyEmbeddingListed ? textBound
                : Math.max(textBound, HybridHit.combine(textBound, byMeaning.bound(), weight));
        // the embedding list's cosines are rounded: every candidate's embedding cosine is computed again, exactly
        long[] candidates = LongStream.concat(byText.get().stream().mapToLong(ScoredDocument::id),
                byMeaning.hits().stream().mapToLong(ScoredDocument::id)).distinct().toArray();
        double[] embeddings = semantic.similarities(semanticQuery, candidates);
        Map<Long, Double> textCosines = new HashMap<>();
        byText.get().forEach(hit -> textCosines.put(hit.id(), hit.score()));
        RankedTopK top = new RankedTopK(k);
        Map<Long, HybridHit> hits = new HashMap<>();
        for (int i = 0; i < candidates.length; i++) {
            long other = candidates[i];
            Double listed = textCosines.get(other);
            double cosine = listed != null ? listed : tfidf.cosine(textQuery, other);
            hits.put(other, new HybridHit(other, HybridHit.combine(cosine, embeddings[i], weight), cosine,
                    embeddings[i]));
        }
        hits.values().forEach(hit -> top.offer(hit.id(), hit.score()));
        boolean proven = everyTextListed && everyEmbeddingListed || top.isFull() && top.worstScore() > bound;
        return proven ? top.toList().stream().map(hit -> hits.get(hit.id())).toList() : null;
    }

    /** How many related-papers questions the two neighbour lists answered (for tests). */
    long answeredFromLists() {
        return answeredFromLists.sum();
    }

    private List<HybridHit> topK(QueryVector textQuery, Int8Vector semanticQuery, int k, LongPredicate exclude,
            IntFunction<List<ScoredDocument>> textTop) {
        if (k < 1) {
            return List.of();
        }
        if (semanticQuery == null || weight == 0) {
            return textTop.apply(k).stream()
                    .map(hit -> new HybridHit(hit.id(), hit.score(), hit.score(), Double.NaN)).toList();
        }
        for (int depth = 2 * k; ; depth *= 4) {
            List<ScoredDocument> byText = textTop.apply(depth);
            boolean textExhausted = byText.size() < depth;
            double textBound = textExhausted ? 0 : byText.get(byText.size() - 1).score();
            RankedTopK top = new RankedTopK(k);
            Map<Long, HybridHit> hits = new HashMap<>();
            for (ScoredDocument hit : byText) {
                double embedding = semantic.similarity(semanticQuery, hit.id()).orElse(Double.NaN);
                HybridHit scored = new HybridHit(hit.id(), HybridHit.combine(hit.score(), embedding, weight),
                        hit.score(), embedding);
                hits.put(hit.id(), scored);
                top.offer(hit.id(), scored.score());
            }
            DoubleSupplier embeddingNeeded = () ->
                    top.isFull() ? (top.worstScore() - (1 - weight) * textBound) / weight : Double.NEGATIVE_INFINITY;
            semantic.scan(semanticQuery, embeddingNeeded, (id, embedding) -> {
                if (!hits.containsKey(id) && !exclude.test(id)) {
                    double cosine = tfidf.cosine(textQuery, id);
                    HybridHit scored =
                            new HybridHit(id, HybridHit.combine(cosine, embedding, weight), cosine, embedding);
                    hits.put(id, scored);
                    top.offer(id, scored.score());
                }
            });
            // a document without an embedding scores its TF-IDF cosine: at most textBound unless already seen
            if (textExhausted || (top.isFull() && textBound < top.worstScore())) {
                return top.toList().stream().map(hit -> hits.get(hit.id())).toList();
            }
        }
    }
}
