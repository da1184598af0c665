package dev.readnext.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Exact top-k cosine over one {@link IndexGeneration}: partial scores from the high-impact posting tiers
 * (term at a time, float accumulators) select candidates, and each candidate that could still make the top k is
 * scored exactly through the forward index.
 *
 * <p>Each tier s of a query term t ({@link PostingLists}) can add at most {@code u_s = q_t · maxWeight_s} to a
 * document's score. Tiers are scanned in decreasing {@code u_s}; {@code rest_i} is the sum of the bounds of the
 * tiers not yet scanned before tier i. A document appears in at most one tier per term, so its score is at most
 * its partial score (sum over scanned tiers) + {@code rest_i}. θ is the k-th best <em>exact</em> score among the
 * documents scored so far (−∞ until k are scored): a lower bound of the final k-th best score that only grows.
 * <ol>
 *   <li><b>Admit</b>: scan tiers, adding every posting to its document's accumulator. Now and then (after the
 *       postings scanned have doubled) the best few partial scores are scored exactly, to raise θ early.
 *       Once {@code rest_i + margin < θ}, a document not yet touched scores below the final k-th best: it can
 *       neither enter the top k nor tie with it, so no further document is admitted.</li>
 *   <li><b>Tighten</b>: keep scanning the next tiers for the documents already touched, while
 *       {@code rest_i ≥ } {@value #TIGHTEN_UNTIL}{@code ·θ}: a scan costs a few ns per posting, an exact score a few
 *       hundred per document, and each tier scanned lowers every candidate's bound.</li>
 *   <li><b>Verify</b>: every touched document whose partial score + {@code rest_i} + margin reaches θ is scored
 *       exactly and offered to the top k; the others cannot reach the final k-th best.</li>
 * </ol>
 * Exact scores are {@link IndexGeneration#score}: the dot product of the stored weights in ascending term order,
 * summed in double, i.e. bit for bit what a brute-force scan of the stored vectors computes. Partial scores only
 * decide what to score; the margin of {@value #MARGIN} covers float rounding of a partial sum of a few hundred
 * products of weights ≤ 1 (each rounding ≤ 6e-8) with a wide berth, so pruning never changes the result: it is the
 * brute-force top k, score descending, ties by ascending id ({@link RankedTopK}).
 *
 * <p>Accumulator states: 0 = not touched; &gt; 0 = partial score; −∞ = scored exactly (or excluded), which later
 * additions leave at −∞, so the scan loops need no extra test.
 */
final class TierScanSearcher {

    private static final double MARGIN = 1e-4;
    private static final double TIGHTEN_UNTIL = 0.5;
    private static final int FIRST_REFRESH_POSTINGS = 1024;
    private static final float DONE = Float.NEGATIVE_INFINITY;

    private final IndexGeneration generation;
    private final SearchScratch scratch;
    private final QueryVector query;
    private final Segments segments;
    private int touchedCount;

    TierScanSearcher(IndexGeneration generation, SearchScratch scratch, QueryVector query) {
        this.generation = generation;
        this.scratch = scratch;
        this.query = query;
        this.segments = Segments.of(generation.postings, query);
    }

    List<ScoredDocument> topK(int k, LongPredicate exclude) {
        float[] queryWeights = scratch.queryWeights;
        for (int i = 0; i < query.size(); i++) {
            queryWeights[query.term(i)] = query.weight(i);
        }
        RankedTopK top = new RankedTopK(k);
        try {
            int next = admit(top, exclude);
            next = tighten(next, top);
            verify(segments.rest[next], top, exclude);
            return top.toList();
        } finally {
            for (int i = 0; i < query.size(); i++) {
                queryWeights[query.term(i)] = 0f;
            }
            float[] accumulators = scratch.accumulators;
            int[] touched = scratch.touched;
            for (int i = 0; i < touchedCount; i++) {
                accumulators[touched[i]] = 0f;
            }
        }
    }

    /** Scans tiers admitting new documents until none can reach θ any more; returns the next tier to scan. */
    private int admit(RankedTopK top, LongPredicate exclude) {
        long scanned = 0;
        long refreshAt = FIRST_REFRESH_POSTINGS;
        int next = 0;
        for (; next < segments.count; next++) {
            if (scanned >= refreshAt) {
                scoreBestPartials(top, exclude);
                refreshAt = 2 * scanned;
            }
            if (top.isFull() && segments.rest[next] + MARGIN < top.worstScore()) {
                break;
            }
            scanned += scanAdmitting(next);
        }
        return next;
    }

    private int tighten(int next, RankedTopK top) {
        if (!top.isFull()) {
            return next;
        }
        for (; next < segments.count && segments.rest[next] >= TIGHTEN_UNTIL * top.worstScore(); next++) {
            scanTouched(next);
        }
        return next;
    }

    private void verify(double rest, RankedTopK top, LongPredicate exclude) {
        float[] accumulators = scratch.accumulators;
        int[] touched = scratch.touched;
        for (int i = 0; i < touchedCount; i++) {
            int doc = touched[i];
            float partial = accumulators[doc];
            if (partial > 0 && (!top.isFull() || partial + rest + MARGIN >= top.worstScore())) {
                scoreExactly(doc, top, exclude);
            }
        }
    }

    private int scanAdmitting(int segment) {
        float queryWeight = query.weight(segments.queryIndex[segment]);
        int tier = segments.tier[segment];
        int[] docs = generation.postings.docs(tier);
        float[] weights = generation.postings.weights(tier);
        float[] accumulators = scratch.accumulators;
        int[] touched = scratch.touched;
        int count = touchedCount;
        int size = generation.postings.size(tier);
        for (int p = 0; p < size; p++) {
            int doc = docs[p];
            float partial = accumulators[doc];
            if (partial == 0f) {
                touched[count++] = doc;
            }
            accumulators[doc] = partial + queryWeight * weights[p];
        }
        touchedCount = count;
        return size;
    }

    private void scanTouched(int segment) {
        float queryWeight = query.weight(segments.queryIndex[segment]);
        int tier = segments.tier[segment];
        int[] docs = generation.postings.docs(tier);
        float[] weights = generation.postings.weights(tier);
        float[] accumulators = scratch.accumulators;
        for (int p = 0, size = generation.postings.size(tier); p < size; p++) {
            int doc = docs[p];
            float partial = accumulators[doc];
            if (partial > 0f) {
                accumulators[doc] = partial + queryWeight * weights[p];
            }
        }
    }

    /** Scores exactly the touched documents with the best partial scores (as many as the top k holds). */
    private void scoreBestPartials(RankedTopK top, LongPredicate exclude) {
        int[] best = new int[top.capacity()];
        float[] bestPartials = new float[best.length];
        int found = 0;
        float[] accumulators = scratch.accumulators;
        int[] touched = scratch.touched;
        for (int i = 0; i < touchedCount; i++) {
            int doc = touched[i];
            float partial = accumulators[doc];
            if (found < best.length || partial > bestPartials[found - 1]) {
                int slot = found < best.length ? found++ : found - 1;
                for (; slot > 0 && bestPartials[slot - 1] < partial; slot--) {
                    best[slot] = best[slot - 1];
                    bestPartials[slot] = bestPartials[slot - 1];
                }
                best[slot] = doc;
                bestPartials[slot] = partial;
            }
        }
        for (int i = 0; i < found; i++) {
            if (bestPartials[i] > 0) {
                scoreExactly(best[i], top, exclude);
            }
        }
    }

    private void scoreExactly(int doc, RankedTopK top, LongPredicate exclude) {
        scratch.accumulators[doc] = DONE;
        double score = generation.score(doc, scratch.queryWeights);
        long id = generation.docs.id(doc);
        if (top.accepts(id, score) && !exclude.test(id)) {
            top.offer(id, score);
        }
    }

    /** The query terms' non-empty tiers by decreasing score bound, with suffix sums of the bounds. */
    private static final class Segments {
        final int[] queryIndex;
        final int[] tier;
        final double[] rest;
        final int count;

        private Segments(int[] queryIndex, int[] tier, double[] rest) {
            this.queryIndex = queryIndex;
            this.tier = tier;
            this.rest = rest;
            this.count = tier.length;
        }

        static Segments of(PostingLists postings, QueryVector query) {
            int capacity = 0;
            for (int i = 0; i < query.size(); i++) {
                capacity += postings.tierCount(query.term(i));
            }
            int[] entryQueryIndex = new int[capacity];
            int[] entryTier = new int[capacity];
            float[] entryBound = new float[capacity];
            long[] keys = new long[capacity];
            int count = 0;
            for (int i = 0; i < query.size(); i++) {
                int first = postings.firstTier(query.term(i));
                for (int tier = first; tier < first + postings.tierCount(query.term(i)); tier++) {
                    if (postings.size(tier) > 0) {
                        entryQueryIndex[count] = i;
                        entryTier[count] = tier;
                        entryBound[count] = query.weight(i) * postings.maxWeight(tier);
                        // bounds are ≥ 0, so their bits order like the floats; ties keep entry order
                        keys[count] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(entryBound[count])) << 32 | count;
                        count++;
                    }
                }
            }
            Arrays.sort(keys, 0, count);
            int[] queryIndex = new int[count];
            int[] tier = new int[count];
            double[] rest = new double[count + 1];
            for (int s = 0; s < count; s++) {
                int entry = (int) keys[s];
                queryIndex[s] = entryQueryIndex[entry];
                tier[s] = entryTier[entry];
            }
            for (int s = count - 1; s >= 0; s--) {
                rest[s] = rest[s + 1] + entryBound[(int) keys[s]];
            }
            return new Segments(queryIndex, tier, rest);
        }
    }
}
