package dev.readnext.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Exact top-k cosine over one {@link IndexGeneration}, pruned by MaxScore over posting-list tiers.
 *
 * <p>Each tier s of a query term t ({@link PostingLists}) can add at most {@code u_s = q_t · maxWeight_s} to any
 * document's score; tiers are taken in decreasing {@code u_s} (so a term's tiers come heaviest first), and
 * {@code rest_i} is the sum of the bounds of tiers i, i+1, ….
 * <ol>
 *   <li><b>Admit</b> (tier at a time): add each posting to its document's accumulator, tracking the k-th best
 *       partial score θ ({@link PartialTopK}). Partial scores only grow, so θ ≤ the final k-th best. Once
 *       θ &gt; rest_i, a document not yet touched scores at most rest_i &lt; θ: it can neither enter the top k nor
 *       tie with it, so from then on only documents already touched are updated.</li>
 *   <li><b>Stop scanning</b> once rest_i &lt; {@value #COMPLETION_RATIO}·θ: the remaining (long, low-weight) tiers
 *       are not read. Scanning a posting costs far less than completing a document, so scanning continues until
 *       most candidates are provably out.</li>
 *   <li><b>Complete</b>: each touched document whose partial score + rest_i could still reach the k-th best so far
 *       gets the contributions of its unscanned postings, found through its forward-index terms: a posting of
 *       term t was scanned iff its weight is above the lower bound of the last tier of t scanned. Documents whose
 *       bound falls strictly below are dropped: they cannot reach the top k.</li>
 * </ol>
 * Cuts are strict and bounds get an absolute margin of {@value #BOUND_MARGIN}, far above the rounding of a sum
 * of a few thousand double products of floats, so pruning never changes the result: it is the brute-force
 * top k of {@code Σ_t q_t · w(d, t)} over all documents, ties broken by ascending id.
 */
final class MaxScoreSearcher {

    private static final double BOUND_MARGIN = 1e-9;
    private static final double EXCLUDED = Double.NEGATIVE_INFINITY;
    private static final double COMPLETION_RATIO = 0.5;

    private final IndexGeneration generation;
    private final SearchScratch scratch;
    private final QueryVector query;
    private final Segments segments;
    private final float[] scanCuts;

    MaxScoreSearcher(IndexGeneration generation, SearchScratch scratch, QueryVector query) {
        this.generation = generation;
        this.scratch = scratch;
        this.query = query;
        this.segments = new Segments(tierCount(generation.postings, query));
        this.scanCuts = new float[query.size()];
        Arrays.fill(scanCuts, Float.POSITIVE_INFINITY);
        for (int i = 0; i < query.size(); i++) {
            addSegments(i);
        }
        segments.sortByDecreasingBound();
    }

    List<ScoredDocument> topK(int k, LongPredicate exclude) {
        PartialTopK partial = new PartialTopK(k, scratch.heapPositions, scratch.accumulators);
        try {
            int next = 0;
            boolean admitting = true;
            for (; next < segments.count; next++) {
                if (partial.isFull()) {
                    double theta = partial.minimum();
                    admitting = admitting && theta <= segments.rest[next] + BOUND_MARGIN;
                    if (!admitting && segments.rest[next] < theta * COMPLETION_RATIO) {
                        break;
                    }
                }
                scan(next, partial, exclude, admitting);
            }
            double kthPartial = partial.isFull() ? partial.minimum() : EXCLUDED;
            return complete(next < segments.count, segments.rest[next], kthPartial, k, exclude);
        } finally {
            partial.clear();
            Arrays.fill(scratch.accumulators, 0, generation.docs.ordinalBound(), 0.0);
        }
    }

    private static int tierCount(PostingLists postings, QueryVector query) {
        int tiers = 0;
        for (int i = 0; i < query.size(); i++) {
            tiers += postings.tierCount(query.term(i));
        }
        return tiers;
    }

    private void addSegments(int i) {
        int first = generation.postings.firstTier(query.term(i));
        for (int tier = first; tier < first + generation.postings.tierCount(query.term(i)); tier++) {
            if (generation.postings.size(tier) > 0) {
                segments.add(i, tier, (double) query.weight(i) * generation.postings.maxWeight(tier));
            }
        }
    }

    /**
     * Adds one segment's postings. Excluded documents are detected only when they would enter the partial
     * top k, and then pinned at −∞ (which absorbs later additions), so the hot loop has no per-posting test.
     * Once not admitting, documents never touched stay at 0.
     */
    private void scan(int segment, PartialTopK partial, LongPredicate exclude, boolean admitting) {
        int i = segments.queryIndex[segment];
        int tier = segments.tier[segment];
        double queryWeight = query.weight(i);
        int[] docs = generation.postings.docs(tier);
        float[] weights = generation.postings.weights(tier);
        double[] accumulators = scratch.accumulators;
        for (int p = 0, end = generation.postings.size(tier); p < end; p++) {
            int doc = docs[p];
            double score = accumulators[doc];
            if (score == 0 && !admitting) {
                continue;
            }
            score += queryWeight * weights[p];
            accumulators[doc] = score;
            if (score > partial.threshold()) {
                if (partial.contains(doc) || !exclude.test(generation.docs.id(doc))) {
                    partial.update(doc);
                } else {
                    accumulators[doc] = EXCLUDED;
                }
            }
        }
        scanCuts[i] = generation.postings.lowerBound(tier);
    }

    private List<ScoredDocument> complete(boolean pruned, double rest, double kthPartial, int k, LongPredicate exclude) {
        if (pruned) {
            markUnscannedPostings(true);
        }
        RankedTopK top = new RankedTopK(k);
        double[] accumulators = scratch.accumulators;
        for (int doc = 0, bound = generation.docs.ordinalBound(); doc < bound; doc++) {
            double score = accumulators[doc];
            if (score == 0 || score == EXCLUDED) {
                continue;
            }
            if (pruned) {
                double floor = top.isFull() ? Math.max(kthPartial, top.worstScore()) : kthPartial;
                if (score + rest + BOUND_MARGIN < floor) {
                    continue;
                }
                score += unscannedContribution(doc);
            }
            long id = generation.docs.id(doc);
            if (top.accepts(id, score) && !exclude.test(id)) {
                top.offer(id, score);
            }
        }
        if (pruned) {
            markUnscannedPostings(false);
        }
        return top.toList();
    }

    /** Publishes (or clears) per term the query weight and the weight below which postings were not scanned. */
    private void markUnscannedPostings(boolean mark) {
        for (int i = 0; i < query.size(); i++) {
            if (scanCuts[i] > 0) {
                scratch.remainingWeights[query.term(i)] = mark ? query.weight(i) : 0f;
                scratch.scanCutWeights[query.term(i)] = scanCuts[i];
            }
        }
    }

    private double unscannedContribution(int doc) {
        int[] terms = generation.docs.terms(doc);
        float[] logTf = generation.docs.logTf(doc);
        float inverseNorm = generation.docs.inverseNorm(doc);
        float[] remaining = scratch.remainingWeights;
        double sum = 0;
        for (int j = 0; j < terms.length; j++) {
            int term = terms[j];
            float queryWeight = remaining[term];
            if (queryWeight != 0) {
                float weight = IndexGeneration.weight(logTf[j], generation.idf(term), inverseNorm);
                if (weight <= scratch.scanCutWeights[term]) {
                    sum += (double) queryWeight * weight;
                }
            }
        }
        return sum;
    }

    /** Query-term tiers with their score bounds, sorted by decreasing bound, and suffix sums of bounds. */
    private static final class Segments {
        final int[] queryIndex;
        final int[] tier;
        final double[] bound;
        double[] rest;
        int count;

        Segments(int capacity) {
            queryIndex = new int[capacity];
            tier = new int[capacity];
            bound = new double[capacity];
        }

        void add(int i, int tierId, double upperBound) {
            queryIndex[count] = i;
            tier[count] = tierId;
            bound[count++] = upperBound;
        }

        /** Stable on equal float bounds, so the tiers of one term stay heaviest first. */
        void sortByDecreasingBound() {
            long[] keys = new long[count];
            for (int s = 0; s < count; s++) {
                keys[s] = (long) (Integer.MAX_VALUE - Float.floatToIntBits((float) bound[s])) << 32 | s;
            }
            Arrays.sort(keys);
            int[] oldIndex = queryIndex.clone();
            int[] oldTier = tier.clone();
            double[] oldBound = bound.clone();
            rest = new double[count + 1];
            for (int s = 0; s < count; s++) {
                int from = (int) keys[s];
                queryIndex[s] = oldIndex[from];
                tier[s] = oldTier[from];
                bound[s] = oldBound[from];
            }
            for (int s = count - 1; s >= 0; s--) {
                rest[s] = rest[s + 1] + bound[s];
            }
        }
    }
}
