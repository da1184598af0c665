package dev.readnext.recommend.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The all-pairs cosine join that builds a generation's neighbour lists, row by row in ordinal order, each pair once:
 * row d accumulates, over d's posting lists, the exact cosines of d with the documents of higher ordinal only
 * (postings are sorted by ordinal within a tier, so a binary search skips the lower ones), and offers each positive
 * pair to both documents' partial lists ({@link NeighbourList#offerPartial}). Once rows 0 … b − 1 are joined, the
 * lists of documents 0 … b − 1 have been offered every pair they belong to, so they are exact ({@link NeighbourLists#buildChunk}).
 * <p>Cosines are {@link CosineRow}'s fixed-point sums, bit for bit what a search computes. Rows run on several threads;
 * a list keeps the best {@code capacity} pairs it is offered whatever the order of the offers (ties by id), so the
 * lists do not depend on thread timing. Most offers lose against a full list: each list's current worst score is
 * kept in {@link #floors}, read without locking (a stale floor is lower, so it only lets an offer through to the
 * list's monitor, which decides).
 * <p>Writes between chunks of rows ({@link NeighbourLists}): a document written gets its exact list from its own row
 * over all documents and is offered to every partial list, so its row is skipped and no row offers to it; when a pair
 * leaves a partial list that has been full, a pair it pushed out may now belong in it again, so that list is marked
 * dirty and gets a live search at its turn instead.
 */
final class SymmetricJoin {

    private static final VarHandle FLOORS = MethodHandles.arrayElementVarHandle(long[].class);

    private final IndexGeneration generation;
    private final NeighbourLists lists;
    private final int bound;
    private final int capacity;
    private final long[] floors;
    private final ConcurrentLinkedQueue<long[]> idleRows = new ConcurrentLinkedQueue<>();

    /** Joins the documents of ordinals below {@code bound} (those of the generation when the build starts). */
    SymmetricJoin(IndexGeneration generation, NeighbourLists lists, int bound, int capacity) {
        this.generation = generation;
        this.lists = lists;
        this.bound = bound;
        this.capacity = capacity;
        this.floors = new long[bound];
    }

    int bound() {
        return bound;
    }

    /** Offers every positive pair of document d with a partial list of higher ordinal, to both lists. */
    void joinRow(int d) {
        long[] sums = borrowRow();
        try {
            CosineRow.accumulate(generation, generation.vector(d), sums, d + 1, bound);
            for (int e = d + 1; e < bound; e++) {
                long sum = sums[e];
                if (sum != 0) {
                    sums[e] = 0;
                    if (sum > 0 && !lists.list(e).isExact()) {
                        double cosine = OrderFreeSum.dotValue(sum);
                        offer(d, e, cosine);
                        offer(e, d, cosine);
                    }
                }
            }
        } finally {
            idleRows.offer(sums);
        }
    }

    /** Offers the exact pair (owner, other) to owner's partial list. */
    void offer(int owner, int other, double cosine) {
        long bits = Double.doubleToRawLongBits(cosine);
        if (bits < (long) FLOORS.getOpaque(floors, owner)) {
            return;
        }
        NeighbourList list = lists.list(owner);
        synchronized (list) {
            double floor = list.offerPartial(other, cosine, generation.docs, capacity);
            FLOORS.setOpaque(floors, owner, Double.doubleToRawLongBits(floor));
        }
    }

    private long[] borrowRow() {
        long[] row = idleRows.poll();
        return row != null ? row : new long[bound];
    }
}
