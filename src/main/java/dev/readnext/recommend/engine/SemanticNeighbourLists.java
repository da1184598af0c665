package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Every embedded document's exact top-K embedding neighbours in a {@link SemanticIndex}, so that
 * {@link HybridSearch#related} can answer from two look-ups (this and the TF-IDF lists) instead of a scan of every
 * embedding. A document's list holds a prefix of its ranking by embedding cosine (score descending, then id), K to
 * K + S entries, fewer only when it is <em>complete</em>: every other embedded document is in it.
 *
 * <p>Lists are computed one document at a time ({@link SemanticIndex#topK}), in the background once the embeddings
 * are loaded; until its turn a document has none and its related papers are found by a scan. Writes, under the
 * index's write lock, keep every computed list exact: a document's old vector leaves every list that holds it (a
 * list left shorter than K is computed again), and its new vector is offered to every list, which keeps it if it
 * ranks before its last entry (or the list is complete). Cosines are symmetric, bit for bit (the scales' product times
 * the integer dot product), so the score offered to another's list is the one that list's own query would compute.
 *
 * <p>Compact: lists are indexed by the index's slots and name their neighbours by slot (a removal that moves the last
 * document into the hole renames it in every list), with cosines rounded to float, 8 bytes an entry: about 55 MB for
 * 75k papers. Where two rounded cosines are too close to order, the exact ones decide ({@link Cosines}), so the order
 * is the exact ranking's; a look-up's scores are rounded, and callers score its documents exactly themselves.
 *
 * <p>Lists are immutable and replaced whole, so readers under the read lock need no further synchronisation; the
 * background build writes the lists of distinct slots from several threads under the read lock.
 */
final class SemanticNeighbourLists {

    /** Rounding of a cosine (|x| ≤ 1) to float is below this; closer scores are compared exactly. */
    static final double FLOAT_ROUNDING = 1e-6;

    /** What the lists need to know of the index: ids and exact cosines, by slot. */
    interface Cosines {
        long id(int slot);

        double cosine(int a, int b);
    }

    /** One document's list: its neighbours' slots and rounded cosines, best first; immutable. */
    record Row(int[] slots, float[] scores, boolean complete) {

        int size() {
            return slots.length;
        }

        int indexOf(int slot) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == slot) {
                    return i;
                }
            }
            return -1;
        }

        /** The cosine a document must reach to enter (rounded); −∞ when complete, as any document enters. */
        double threshold() {
            return complete || slots.length == 0 ? Double.NEGATIVE_INFINITY : scores[slots.length - 1];
        }

        Row without(int i) {
            int[] newSlots = new int[slots.length - 1];
            float[] newScores = new float[slots.length - 1];
            System.arraycopy(slots, 0, newSlots, 0, i);
            System.arraycopy(scores, 0, newScores, 0, i);
            System.arraycopy(slots, i + 1, newSlots, i, slots.length - i - 1);
            System.arraycopy(scores, i + 1, newScores, i, slots.length - i - 1);
            return new Row(newSlots, newScores, complete);
        }
    }

    /**
     * The first entries of a list that an exclusion rejects (ids, rounded cosines), and the highest cosine any other
     * embedded, not excluded document can have: −∞ when there is none.
     */
    record Neighbours(List<ScoredDocument> hits, double bound) {
    }

    private final int k;
    private final int capacity;
    private Row[] rows;
    private volatile boolean started;

    SemanticNeighbourLists(int k, int slack, int slots) {
        this.k = k;
        this.capacity = k + slack;
        this.rows = new Row[slots];
    }

    int k() {
        return k;
    }

    int capacity() {
        return capacity;
    }

    /** Whether lists are being computed or kept: writes then maintain them. */
    boolean started() {
        return started;
    }

    void start() {
        started = true;
    }

    void grow(int slots) {
        rows = Arrays.copyOf(rows, slots);
    }

    Row row(int slot) {
        return rows[slot];
    }

    /** Sets a document's list to the exact top {@code capacity} of its ranking. */
    void set(int slot, List<ScoredDocument> top, int[] slotsOfTop) {
        float[] scores = new float[top.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) top.get(i).score();
        }
        rows[slot] = new Row(slotsOfTop, scores, scores.length < capacity);
    }

    /** Takes the document in {@code slot} out of every list; returns the slots whose list is now too short. */
    List<Integer> detach(int slot, int bound) {
        rows[slot] = null;
        List<Integer> shortened = new ArrayList<>();
        for (int owner = 0; owner < bound; owner++) {
            Row row = rows[owner];
            int i = row == null ? -1 : row.indexOf(slot);
            if (i >= 0) {
                rows[owner] = row.without(i);
                if (rows[owner].size() < k && !row.complete()) {
                    shortened.add(owner);
                }
            }
        }
        return shortened;
    }

    /** The document in slot {@code from} moved to slot {@code to} (empty): its list moves, and every list renames it. */
    void move(int from, int to, int bound) {
        rows[to] = rows[from];
        rows[from] = null;
        for (int owner = 0; owner < bound; owner++) {
            Row row = rows[owner];
            int i = row == null ? -1 : row.indexOf(from);
            if (i >= 0) {
                int[] renamed = row.slots().clone();
                renamed[i] = to;
                rows[owner] = new Row(renamed, row.scores(), row.complete());
            }
        }
    }

    /**
     * Offers the document in {@code slot}, with its exact cosine, to the list of {@code owner}: kept if it ranks within
     * it (or the list is complete), the last entry beyond {@code capacity} dropped.
     */
    void offer(int owner, int slot, double cosine, Cosines cosines) {
        Row row = rows[owner];
        int at = row.size();
        while (at > 0 && ranksBefore(cosine, slot, row, at - 1, owner, cosines)) {
            at--;
        }
        if (at == row.size() && !row.complete()) {
            return;
        }
        int size = Math.min(row.size() + 1, capacity);
        if (at >= size) {
            rows[owner] = new Row(row.slots(), row.scores(), false);
            return;
        }
        int[] slots = new int[size];
        float[] scores = new float[size];
        System.arraycopy(row.slots(), 0, slots, 0, at);
        System.arraycopy(row.scores(), 0, scores, 0, at);
        slots[at] = slot;
        scores[at] = (float) cosine;
        System.arraycopy(row.slots(), at, slots, at + 1, size - at - 1);
        System.arraycopy(row.scores(), at, scores, at + 1, size - at - 1);
        rows[owner] = new Row(slots, scores, row.complete() && size == row.size() + 1);
    }

    /**
     * The first {@code count} entries of the list of {@code slot} that {@code exclude} rejects, when the list proves
     * them to be the exact top {@code count}; null when it cannot (no list yet, or exclusions ate into it).
     */
    Neighbours lookup(int slot, int count, LongPredicate exclude, Cosines cosines) {
        Row row = rows[slot];
        if (row == null) {
            return null;
        }
        List<ScoredDocument> hits = new ArrayList<>(Math.min(count, row.size()));
        for (int i = 0; i < row.size() && hits.size() < count; i++) {
            long id = cosines.id(row.slots()[i]);
            if (!exclude.test(id)) {
                hits.add(new ScoredDocument(id, row.scores()[i]));
            }
        }
        if (hits.size() == count) {
            double last = count == 0 ? row.threshold() : hits.get(count - 1).score();
            return new Neighbours(hits, last + FLOAT_ROUNDING);
        }
        return row.complete() ? new Neighbours(hits, Double.NEGATIVE_INFINITY) : null;
    }

    long approximateBytes() {
        long bytes = 16 + 4L * rows.length;
        for (Row row : rows) {
            bytes += row == null ? 0 : 24 + 2 * 16 + 8L * row.size();
        }
        return bytes;
    }

    /** Whether (cosine, slot) ranks before entry i of the list of {@code owner}: the exact cosines decide when close. */
    private static boolean ranksBefore(double cosine, int slot, Row row, int i, int owner, Cosines cosines) {
        double rounded = row.scores()[i];
        if (cosine > rounded + FLOAT_ROUNDING) {
            return true;
        }
        if (cosine < rounded - FLOAT_ROUNDING) {
            return false;
        }
        double exact = cosines.cosine(owner, row.slots()[i]);
        return cosine > exact || cosine == exact && cosines.id(slot) < cosines.id(row.slots()[i]);
    }
}
