package dev.readnext.recommend.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * One document's nearest neighbours: ordinals with their exact cosines, by score descending, then id ascending.
 * <p>Once <em>exact</em>, the entries are a prefix of the document's full ranking (every other live document with a
 * positive cosine ranks after the last entry), and the whole ranking when <em>complete</em>. Before, while its
 * generation's lists are being built ({@link SymmetricJoin}), it is a <em>partial</em> list: the best of the exact
 * pairs offered so far. A partial list that lost an entry to a write after it had been full may have dropped a pair
 * that would now be back in the top: it is <em>dirty</em> and will be computed by a live search instead.
 * <p>Two flat arrays, no boxing: 12 bytes an entry. Methods synchronise on the list, because the build offers pairs
 * from several threads while readers look up exact lists; {@code exact} is also volatile, so that the build's inner
 * loop can skip exact lists without taking the monitor.
 */
final class NeighbourList {

    private static final int[] NO_ORDINALS = new int[0];
    private static final double[] NO_SCORES = new double[0];

    private int[] ordinals = NO_ORDINALS;
    private double[] scores = NO_SCORES;
    private int size;
    private volatile boolean exact;
    private boolean complete;
    private boolean dirty;

    boolean isExact() {
        return exact;
    }

    /** Replaces the content by the exact top of the ranking, {@code hits} (complete if it is the whole ranking). */
    synchronized void setExact(List<ScoredDocument> hits, boolean wholeRanking, DocumentStore docs) {
        ordinals = new int[hits.size()];
        scores = new double[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            ordinals[i] = docs.ordinalOf(hits.get(i).id());
            scores[i] = hits.get(i).score();
        }
        size = hits.size();
        complete = wholeRanking;
        dirty = false;
        exact = true;
    }

    /**
     * Turns a partial list that has been offered every pair into the exact list; false (and unchanged) if it is dirty.
     */
    synchronized boolean promote(int capacity) {
        if (dirty) {
            return false;
        }
        complete = size < capacity;
        exact = true;
        return true;
    }

    /** Forgets everything: the document is gone or changed; its list will be computed again. */
    synchronized void clear() {
        ordinals = NO_ORDINALS;
        scores = NO_SCORES;
        size = 0;
        exact = false;
        complete = false;
        dirty = false;
    }

    /**
     * An exact pair for a partial list, kept if among the best {@code capacity} offered; returns the score an offer
     * must reach from now on (0 until the list is full).
     */
    synchronized double offerPartial(int ordinal, double score, DocumentStore docs, int capacity) {
        if (!exact) {
            insert(ordinal, score, docs, capacity);
        }
        return size == capacity ? scores[size - 1] : 0;
    }

    /**
     * A document that newly has a positive cosine with this one: inserted if it ranks within the prefix (or the
     * list is complete); beyond {@code capacity} the last entry is dropped and the list is no longer complete.
     */
    /**
     * Whether an exact list could take a document of this score (false: it surely does not). Unsynchronised, for
     * writers under the index's write lock, which no list changes under.
     */
    boolean mayTake(double score) {
        return complete || size > 0 && score >= scores[size - 1];
    }

    synchronized void insertExact(int ordinal, double score, DocumentStore docs, int capacity) {
        if (exact && (complete || size > 0 && ranksBefore(score, docs.id(ordinal), size - 1, docs))) {
            insert(ordinal, score, docs, capacity);
        }
    }

    /**
     * Removes a document that had cosine {@code score} with this one. Returns whether the exact list is now shorter
     * than {@code k} and not complete, i.e. must be refilled. A full partial list losing it becomes dirty.
     */
    synchronized boolean remove(int ordinal, double score, DocumentStore docs, int k, int capacity) {
        if (exact && !complete && size > 0 && !ranksBefore(score, docs.id(ordinal), size - 1, docs)
                && ordinals[size - 1] != ordinal) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (ordinals[i] == ordinal) {
                dirty |= !exact && size == capacity;
                System.arraycopy(ordinals, i + 1, ordinals, i, size - i - 1);
                System.arraycopy(scores, i + 1, scores, i, size - i - 1);
                size--;
                break;
            }
        }
        return needsRefill(k);
    }

    synchronized boolean needsRefill(int k) {
        return exact && !complete && size < k;
    }

    /**
     * The first k entries {@code exclude} does not accept, when the list proves them to be the exact top k;
     * null when it cannot (not exact, or exclusions ate into the unknown part of the ranking).
     */
    synchronized List<ScoredDocument> lookup(int k, LongPredicate exclude, DocumentStore docs) {
        if (!exact) {
            return null;
        }
        List<ScoredDocument> hits = new ArrayList<>(Math.min(k, size));
        for (int i = 0; i < size && hits.size() < k; i++) {
            long id = docs.id(ordinals[i]);
            if (!exclude.test(id)) {
                hits.add(new ScoredDocument(id, scores[i]));
            }
        }
        return hits.size() == k || complete ? List.copyOf(hits) : null;
    }

    /** The exact entries (for tests and snapshots); null when not exact. */
    synchronized List<ScoredDocument> entries(DocumentStore docs) {
        return exact ? lookup(size, id -> false, docs) : null;
    }

    /**
     * Copies the exact list into {@code neighbours} and {@code scores} from {@code at}, each neighbour as
     * {@code renumbered[ordinal]}; returns its size, negated when the list is complete (for a snapshot).
     */
    synchronized int copyTo(int[] neighbours, double[] scores, int at, int[] renumbered) {
        for (int i = 0; i < size; i++) {
            neighbours[at + i] = renumbered[ordinals[i]];
            scores[at + i] = this.scores[i];
        }
        return complete ? -size - 1 : size;
    }

    synchronized int size() {
        return size;
    }

    /**
     * The exact list of document {@code self} as {@link NeighbourLists.Captured#writeTo} wrote it; refuses one that names a document out of
     * range, holds more than {@code capacity} entries or is out of order.
     */
    static NeighbourList read(DataInputStream in, int capacity, DocumentStore docs, int self)
            throws IOException {
        NeighbourList list = new NeighbourList();
        list.complete = in.readBoolean();
        list.size = in.readInt();
        if (list.size < 0 || list.size > capacity) {
            throw new IOException("neighbour list of " + list.size + " entries");
        }
        list.ordinals = new int[list.size];
        list.scores = new double[list.size];
        for (int i = 0; i < list.size; i++) {
            int ordinal = in.readInt();
            double score = in.readDouble();
            if (ordinal < 0 || ordinal >= docs.ordinalBound() || ordinal == self || !(score > 0)
                    || i > 0 && list.ranksBefore(score, docs.id(ordinal), i - 1, docs)
                    || i > 0 && list.ordinals[i - 1] == ordinal) {
                throw new IOException("neighbour list entry " + ordinal + " (" + score + ") out of order or range");
            }
            list.ordinals[i] = ordinal;
            list.scores[i] = score;
        }
        list.exact = true;
        return list;
    }

    synchronized long approximateBytes() {
        return 16 + 4 + 4 + 4 + 2 + 2 * 16L + 4L * ordinals.length + 8L * scores.length;
    }

    private void insert(int ordinal, double score, DocumentStore docs, int capacity) {
        long id = docs.id(ordinal);
        int slot = size;
        while (slot > 0 && ranksBefore(score, id, slot - 1, docs)) {
            slot--;
        }
        if (slot >= capacity) {
            complete = false;
            return;
        }
        if (size == ordinals.length) {
            int grown = Math.min(capacity, Math.max(4, size + (size >> 1)));
            if (grown > size) {
                ordinals = Arrays.copyOf(ordinals, grown);
                scores = Arrays.copyOf(scores, grown);
            }
        }
        int kept = Math.min(size, ordinals.length - 1);
        if (kept < size) {
            complete = false;
        }
        System.arraycopy(ordinals, slot, ordinals, slot + 1, kept - slot);
        System.arraycopy(scores, slot, scores, slot + 1, kept - slot);
        ordinals[slot] = ordinal;
        scores[slot] = score;
        size = kept + 1;
    }

    /** Whether (score, id) ranks before entry i: higher score, or the same score and a lower id. */
    private boolean ranksBefore(double score, long id, int i, DocumentStore docs) {
        return score > scores[i] || (score == scores[i] && id < docs.id(ordinals[i]));
    }
}
