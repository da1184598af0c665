package dev.readnext.recommend.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Exact top-k cosine over one {@link IndexGeneration}: partial scores from the high-impact posting tiers
 * (term at a time into dense float accumulators) select candidates, and each candidate that could still make the
 * top k is scored exactly through the forward index.
 *
 * <p>Each tier s of a query term ({@link PostingLists}) is a <em>segment</em>; segments are scanned in decreasing
 * {@code q_t · maxWeight_s}. After some segments are scanned, a document's score is its partial score (sum over the
 * scanned segments) plus what the unscanned ones add, which is at most {@code rest} ({@link #restBound}).
 * θ is the k-th best <em>exact</em> score among the documents scored so far (−∞ until k are scored): a lower bound
 * of the final k-th best score that only grows.
 * <ol>
 *   <li><b>Scan</b> segments, adding every posting to its document's accumulator (no per-posting test: every
 *       document's accumulator is its partial score). After {@value #FIRST_REFRESH_POSTINGS}, then 8× as many
 *       postings, the best k partial scores are scored exactly, to raise θ early.</li>
 *   <li><b>Stop</b> once {@code rest < }{@value #SCAN_UNTIL}{@code ·θ}: a posting costs one or two nanoseconds, an exact
 *       score one or two microseconds (cache misses on the document's forward entry), and each segment scanned
 *       lowers {@code rest}, hence the number of candidates (0.3 was the fastest of 0 … 0.5 on the arXiv corpus).</li>
 *   <li><b>Verify</b>: every document whose partial score + rest + margin reaches θ is scored exactly and offered
 *       to the top k; any other scores strictly below the final k-th best, so it can neither enter nor tie.</li>
 * </ol>
 * Exact scores are {@link IndexGeneration#score}: the dot product of the stored weights in ascending term order,
 * summed in double, i.e. bit for bit what a brute-force scan of the stored vectors computes. Partial scores only
 * decide what to score; the margin of {@value #MARGIN} covers float rounding of a partial sum of a few hundred
 * products of weights ≤ 1 (each rounding ≤ 6e-8) with a wide berth, so pruning never changes the result: it is the
 * brute-force top k, score descending, ties by ascending id ({@link RankedTopK}).
 *
 * <p>A document scored exactly (or excluded) gets accumulator −∞, which later additions leave at −∞: it is neither
 * picked again nor verified twice, and the scan loop needs no test.
 */
final class TierScanSearcher {

    private static final double MARGIN = 1e-4;
    private static final double SCAN_UNTIL = 0.3;
    private static final int FIRST_REFRESH_POSTINGS = 4096;
    private static final int BOUND_REFRESH_POSTINGS = 32768;
    private static final float DONE = Float.NEGATIVE_INFINITY;

    private final IndexGeneration generation;
    private final SearchScratch scratch;
    private final QueryVector query;
    private final Segments segments;
    private final RemainingScoreBound remaining;
    private final int documentBound;
    private long scanned;
    private long scannedAtBound;
    private double waterFilled = Double.POSITIVE_INFINITY;

    TierScanSearcher(IndexGeneration generation, SearchScratch scratch, QueryVector query) {
        this.generation = generation;
        this.scratch = scratch;
        this.query = query;
        this.segments = Segments.of(generation.postings, query);
        float[] weights = new float[query.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = query.weight(i);
        }
        this.remaining = new RemainingScoreBound(weights, segments.firstCaps);
        this.documentBound = generation.docs.ordinalBound();
    }

    List<ScoredDocument> topK(int k, LongPredicate exclude) {
        scratch.query.set(query, generation);
        RankedTopK top = new RankedTopK(k);
        try {
            int next = scan(top, exclude);
            verify(restBound(next, true), top, exclude);
            return top.toList();
        } finally {
            scratch.query.clear(query);
            Arrays.fill(scratch.accumulators, 0, documentBound, 0f);
        }
    }

    /** Scans segments until the rest is small against θ; returns the first segment not scanned. */
    private int scan(RankedTopK top, LongPredicate exclude) {
        long refreshAt = FIRST_REFRESH_POSTINGS;
        int next = 0;
        for (; next < segments.count; next++) {
            if (scanned >= refreshAt) {
                scoreBestPartials(top, exclude);
                refreshAt = 8 * scanned;
            }
            if (top.isFull() && restBound(next, false) < SCAN_UNTIL * top.worstScore()) {
                break;
            }
            scanSegment(next);
        }
        return next;
    }

    private void verify(double rest, RankedTopK top, LongPredicate exclude) {
        float[] accumulators = scratch.accumulators;
        float cut = verifyCut(rest, top);
        for (int doc = 0; doc < documentBound; doc++) {
            if (accumulators[doc] > cut) {
                scoreExactly(doc, top, exclude);
                cut = verifyCut(rest, top);
            }
        }
    }

    /** Partial scores at or below this cannot reach θ (rounded down to float, so the test never misses one). */
    private static float verifyCut(double rest, RankedTopK top) {
        if (!top.isFull()) {
            return 0f;
        }
        return Math.max(0f, Math.nextDown((float) (top.worstScore() - rest - MARGIN)));
    }

    /**
     * Upper bound of what segments {@code next…} can add to a document: the sum of their bounds, or the tighter
     * {@link RemainingScoreBound}, which costs a sort of the query terms and is therefore recomputed only after
     * {@value #BOUND_REFRESH_POSTINGS} more postings were scanned (or when {@code fresh}); bounds only fall as
     * segments are scanned, so a stale value is still a valid bound.
     */
    private double restBound(int next, boolean fresh) {
        if (fresh || scanned - scannedAtBound >= BOUND_REFRESH_POSTINGS) {
            waterFilled = remaining.value();
            scannedAtBound = scanned;
        }
        return Math.min(segments.rest[next], waterFilled);
    }

    private void scanSegment(int segment) {
        int i = segments.queryIndex[segment];
        remaining.lowerCap(i, segments.nextCap[segment]);
        float queryWeight = query.weight(i);
        int tier = segments.tier[segment];
        int[] docs = generation.postings.docs(tier);
        float[] weights = generation.postings.weights(tier);
        float[] accumulators = scratch.accumulators;
        int size = generation.postings.size(tier);
        for (int p = 0; p < size; p++) {
            accumulators[docs[p]] += queryWeight * weights[p];
        }
        scanned += size;
    }

    /** Scores exactly the documents with the best partial scores (as many as the top k holds). */
    private void scoreBestPartials(RankedTopK top, LongPredicate exclude) {
        int[] best = new int[top.capacity()];
        float[] bestPartials = new float[best.length];
        int found = 0;
        float cut = 0f;
        float[] accumulators = scratch.accumulators;
        for (int doc = 0; doc < documentBound; doc++) {
            float partial = accumulators[doc];
            if (partial > cut) {
                int slot = found < best.length ? found++ : found - 1;
                for (; slot > 0 && bestPartials[slot - 1] < partial; slot--) {
                    best[slot] = best[slot - 1];
                    bestPartials[slot] = bestPartials[slot - 1];
                }
                best[slot] = doc;
                bestPartials[slot] = partial;
                if (found == best.length) {
                    cut = bestPartials[found - 1];
                }
            }
        }
        for (int i = 0; i < found; i++) {
            scoreExactly(best[i], top, exclude);
        }
    }

    private void scoreExactly(int doc, RankedTopK top, LongPredicate exclude) {
        scratch.accumulators[doc] = DONE;
        double score = generation.score(doc, scratch.query);
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
        /** Per query term, the largest weight of its postings (its first tier's maximum). */
        final float[] firstCaps;
        /** After scanning segment s, its term's postings not scanned yet weigh at most this (0: none left). */
        final float[] nextCap;
        final int count;

        private Segments(int[] queryIndex, int[] tier, double[] rest, float[] firstCaps, float[] nextCap) {
            this.queryIndex = queryIndex;
            this.tier = tier;
            this.rest = rest;
            this.firstCaps = firstCaps;
            this.nextCap = nextCap;
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
            float[] firstCaps = new float[query.size()];
            float[] nextCap = new float[count];
            int[] lastSegmentOfTerm = new int[query.size()];
            Arrays.fill(lastSegmentOfTerm, -1);
            for (int s = 0; s < count; s++) {
                int i = queryIndex[s];
                float cap = postings.maxWeight(tier[s]);
                if (lastSegmentOfTerm[i] < 0) {
                    firstCaps[i] = cap;
                } else {
                    nextCap[lastSegmentOfTerm[i]] = cap;
                }
                lastSegmentOfTerm[i] = s;
            }
            for (int s = count - 1; s >= 0; s--) {
                rest[s] = rest[s + 1] + entryBound[(int) keys[s]];
            }
            return new Segments(queryIndex, tier, rest, firstCaps, nextCap);
        }
    }
}
