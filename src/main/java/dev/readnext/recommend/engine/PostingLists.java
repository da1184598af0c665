package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * The inverted index. Each term owns one or more <em>tiers</em>: disjoint posting lists split by weight, tier j
 * holding the postings with {@code lowerBound[j] < weight ≤ lowerBound[j-1]}. A re-weighting splits every list
 * of at least {@value #MIN_TIERED_SIZE} postings at the weights ranked n/256, n/64, n/16 and n/4, so the few
 * high-weight postings (short documents) sit in small tiers and the long tail gets a tight upper bound
 * ({@link #maxWeight}) for {@link TierScanSearcher}. Within a tier, postings are in ascending ordinal order:
 * accumulating scores then walks memory forward, which is several times faster than random order.
 * Single upserts and removals find their tier by weight and their slot by binary search on the ordinal.
 */
final class PostingLists {

    static final int MIN_TIERED_SIZE = 256;
    private static final int[] TIER_SHIFTS = {8, 6, 4, 2};
    private static final int[] EMPTY_DOCS = new int[0];
    private static final float[] EMPTY_WEIGHTS = new float[0];

    private int[] firstTier;
    private int[] tierCounts;
    private int termCount;

    private int[][] docs;
    private float[][] weights;
    private int[] sizes;
    private float[] maxWeights;
    private float[] lowerBounds;
    private int tierCount;

    /** One empty tier per term with exactly {@code capacities[t]} slots, to be filled by {@link #append}. */
    PostingLists(int[] capacities) {
        termCount = capacities.length;
        firstTier = new int[termCount];
        tierCounts = new int[termCount];
        allocateTiers(termCount);
        for (int t = 0; t < termCount; t++) {
            firstTier[t] = t;
            tierCounts[t] = 1;
            docs[t] = capacities[t] == 0 ? EMPTY_DOCS : new int[capacities[t]];
            weights[t] = capacities[t] == 0 ? EMPTY_WEIGHTS : new float[capacities[t]];
        }
        tierCount = termCount;
    }

    /** Tiers of {@code term}: ids {@code firstTier(term) … firstTier(term) + tierCount(term) - 1}, heaviest first. */
    int firstTier(int term) {
        return term < termCount ? firstTier[term] : 0;
    }

    int tierCount(int term) {
        return term < termCount ? tierCounts[term] : 0;
    }

    int size(int tier) {
        return sizes[tier];
    }

    int[] docs(int tier) {
        return docs[tier];
    }

    float[] weights(int tier) {
        return weights[tier];
    }

    /** Upper bound of the weights in the tier (exact after a re-weighting, possibly stale-high after removals). */
    float maxWeight(int tier) {
        return maxWeights[tier];
    }

    /** Every weight in the tier is strictly above this (0 for a term's last tier). */
    float lowerBound(int tier) {
        return lowerBounds[tier];
    }

    /**
     * Bulk load: appends to the term's single tier (whose id is the term id until {@link #splitIntoTiers()}),
     * in ascending ordinal order.
     */
    void append(int term, int doc, float weight) {
        appendToTier(term, doc, weight);
    }

    void splitIntoTiers() {
        for (int t = 0; t < termCount; t++) {
            if (sizes[t] >= MIN_TIERED_SIZE) {
                split(t);
            }
        }
    }

    void insert(int term, int doc, float weight) {
        ensureTerm(term);
        int tier = tierOf(term, weight);
        int size = sizes[tier];
        if (size == docs[tier].length) {
            int capacity = Math.max(4, size + (size >> 1));
            docs[tier] = Arrays.copyOf(docs[tier], capacity);
            weights[tier] = Arrays.copyOf(weights[tier], capacity);
        }
        int slot = -1 - Arrays.binarySearch(docs[tier], 0, size, doc);
        assert slot >= 0 : "term " + term + " already has a posting for ordinal " + doc;
        System.arraycopy(docs[tier], slot, docs[tier], slot + 1, size - slot);
        System.arraycopy(weights[tier], slot, weights[tier], slot + 1, size - slot);
        docs[tier][slot] = doc;
        weights[tier][slot] = weight;
        sizes[tier] = size + 1;
        maxWeights[tier] = Math.max(maxWeights[tier], weight);
    }

    /** Removes the posting, whose weight must be the one it was added with (it selects the tier). */
    void remove(int term, int doc, float weight) {
        int tier = tierOf(term, weight);
        int slot = Arrays.binarySearch(docs[tier], 0, sizes[tier], doc);
        if (slot < 0) {
            throw new IllegalStateException("term " + term + " has no posting for ordinal " + doc);
        }
        int size = --sizes[tier];
        System.arraycopy(docs[tier], slot + 1, docs[tier], slot, size - slot);
        System.arraycopy(weights[tier], slot + 1, weights[tier], slot, size - slot);
    }

    long approximateBytes() {
        long bytes = 16L * 9 + 8L * firstTier.length + (4L * 5 + 8) * docs.length;
        for (int tier = 0; tier < tierCount; tier++) {
            if (docs[tier].length > 0) {
                bytes += 2 * (16L + 4L * docs[tier].length);
            }
        }
        return bytes;
    }

    private int tierOf(int term, float weight) {
        int tier = firstTier[term];
        int last = tier + tierCounts[term] - 1;
        while (tier < last && weight <= lowerBounds[tier]) {
            tier++;
        }
        return tier;
    }

    /** Replaces the term's single tier by tiers cut at strict weight drops near the ranks n/256 … n/4. */
    private void split(int term) {
        int size = sizes[term];
        float[] ascending = Arrays.copyOf(weights[term], size);
        Arrays.sort(ascending);
        float[] cuts = new float[TIER_SHIFTS.length];
        int cutCount = 0;
        for (int shift : TIER_SHIFTS) {
            float cut = ascending[size - 1 - (size >> shift)];
            if (cut > ascending[0] && (cutCount == 0 || cut < cuts[cutCount - 1])) {
                cuts[cutCount++] = cut;
            }
        }
        if (cutCount == 0) {
            return;
        }
        int[] sourceDocs = docs[term];
        float[] sourceWeights = weights[term];
        int first = tierCount;
        ensureTierCapacity(tierCount + cutCount + 1);
        for (int j = 0; j <= cutCount; j++) {
            lowerBounds[first + j] = j < cutCount ? cuts[j] : 0f;
        }
        firstTier[term] = first;
        tierCounts[term] = cutCount + 1;
        tierCount += cutCount + 1;
        int[] tierSizes = new int[cutCount + 1];
        for (int p = 0; p < size; p++) {
            tierSizes[tierOf(term, sourceWeights[p]) - first]++;
        }
        for (int j = 0; j <= cutCount; j++) {
            docs[first + j] = new int[tierSizes[j]];
            weights[first + j] = new float[tierSizes[j]];
        }
        for (int p = 0; p < size; p++) {
            appendToTier(tierOf(term, sourceWeights[p]), sourceDocs[p], sourceWeights[p]);
        }
        docs[term] = EMPTY_DOCS;
        weights[term] = EMPTY_WEIGHTS;
        sizes[term] = 0;
        maxWeights[term] = 0f;
    }

    private void appendToTier(int tier, int doc, float weight) {
        int size = sizes[tier];
        docs[tier][size] = doc;
        weights[tier][size] = weight;
        sizes[tier] = size + 1;
        maxWeights[tier] = Math.max(maxWeights[tier], weight);
    }

    private void ensureTerm(int term) {
        if (term < termCount) {
            return;
        }
        if (term >= firstTier.length) {
            int capacity = Math.max(term + 1, firstTier.length + (firstTier.length >> 1));
            firstTier = Arrays.copyOf(firstTier, capacity);
            tierCounts = Arrays.copyOf(tierCounts, capacity);
        }
        ensureTierCapacity(tierCount + term + 1 - termCount);
        for (int t = termCount; t <= term; t++) {
            firstTier[t] = tierCount++;
            tierCounts[t] = 1;
        }
        termCount = term + 1;
    }

    private void allocateTiers(int capacity) {
        docs = new int[capacity][];
        weights = new float[capacity][];
        sizes = new int[capacity];
        maxWeights = new float[capacity];
        lowerBounds = new float[capacity];
    }

    private void ensureTierCapacity(int needed) {
        if (needed <= docs.length) {
            return;
        }
        int capacity = Math.max(needed, docs.length + (docs.length >> 1));
        int oldLength = docs.length;
        docs = Arrays.copyOf(docs, capacity);
        weights = Arrays.copyOf(weights, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        maxWeights = Arrays.copyOf(maxWeights, capacity);
        lowerBounds = Arrays.copyOf(lowerBounds, capacity);
        Arrays.fill(docs, oldLength, capacity, EMPTY_DOCS);
        Arrays.fill(weights, oldLength, capacity, EMPTY_WEIGHTS);
    }
}
