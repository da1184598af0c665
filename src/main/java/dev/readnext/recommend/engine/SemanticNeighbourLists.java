package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Lists are immutable and replaced whole, so readers under the read lock need no further synchronisation; the
 * map is concurrent because the background build adds lists from several threads under the read lock.
 */
final class SemanticNeighbourLists {

    /** One document's list; immutable. */
    record Row(long[] ids, double[] scores, boolean complete) {

        int size() {
            return ids.length;
        }

        boolean contains(long id) {
            for (long other : ids) {
                if (other == id) {
                    return true;
                }
            }
            return false;
        }

        /** The cosine a document must beat (ties: a lower id) to enter; −∞ when complete, as any document enters. */
        double threshold() {
            return complete || ids.length == 0 ? Double.NEGATIVE_INFINITY : scores[ids.length - 1];
        }

        /** This list with {@code id} in its place, if it ranks within it; at most {@code capacity} entries. */
        Row with(long id, double score, int capacity) {
            int slot = ids.length;
            while (slot > 0 && ranksBefore(score, id, scores[slot - 1], ids[slot - 1])) {
                slot--;
            }
            if (slot == ids.length && !complete) {
                return this;
            }
            int size = Math.min(ids.length + 1, capacity);
            if (slot >= size) {
                return new Row(ids, scores, false);
            }
            long[] newIds = new long[size];
            double[] newScores = new double[size];
            System.arraycopy(ids, 0, newIds, 0, slot);
            System.arraycopy(scores, 0, newScores, 0, slot);
            newIds[slot] = id;
            newScores[slot] = score;
            System.arraycopy(ids, slot, newIds, slot + 1, size - slot - 1);
            System.arraycopy(scores, slot, newScores, slot + 1, size - slot - 1);
            return new Row(newIds, newScores, complete && size == ids.length + 1);
        }

        Row without(long id) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == id) {
                    long[] newIds = new long[ids.length - 1];
                    double[] newScores = new double[ids.length - 1];
                    System.arraycopy(ids, 0, newIds, 0, i);
                    System.arraycopy(scores, 0, newScores, 0, i);
                    System.arraycopy(ids, i + 1, newIds, i, ids.length - i - 1);
                    System.arraycopy(scores, i + 1, newScores, i, ids.length - i - 1);
                    return new Row(newIds, newScores, complete);
                }
            }
            return this;
        }
    }

    /**
     * The first entries of a list that an exclusion accepts, and the highest cosine any other (embedded, not excluded)
     * document can have: −∞ when there is none.
     */
    record Neighbours(List<ScoredDocument> hits, double bound) {
    }

    private final int k;
    private final int capacity;
    private final Map<Long, Row> rows = new ConcurrentHashMap<>();
    private volatile boolean started;

    SemanticNeighbourLists(int k, int slack) {
        this.k = k;
        this.capacity = k + slack;
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

    Row row(long id) {
        return rows.get(id);
    }

    void set(long id, List<ScoredDocument> top) {
        long[] ids = new long[top.size()];
        double[] scores = new double[top.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = top.get(i).id();
            scores[i] = top.get(i).score();
        }
        rows.put(id, new Row(ids, scores, ids.length < capacity));
    }

    void forget(long id) {
        rows.remove(id);
    }

    /** Takes {@code id} out of every list; returns the documents whose list is now too short to prove a top K. */
    List<Long> detach(long id) {
        List<Long> shortened = new ArrayList<>();
        rows.replaceAll((owner, row) -> {
            if (!row.contains(id)) {
                return row;
            }
            Row shorter = row.without(id);
            if (shorter.size() < k && !shorter.complete()) {
                shortened.add(owner);
            }
            return shorter;
        });
        return shortened;
    }

    /** Offers document {@code id} with its cosine to the list of {@code owner}, if it has one. */
    void offer(long owner, long id, double cosine) {
        rows.computeIfPresent(owner, (o, row) -> row.with(id, cosine, capacity));
    }

    /**
     * The first {@code count} entries of the document's list that {@code exclude} rejects, when the list proves them
     * to be its exact top {@code count}; null when it cannot (no list yet, or exclusions ate into it).
     */
    Neighbours lookup(long id, int count, LongPredicate exclude) {
        Row row = rows.get(id);
        if (row == null) {
            return null;
        }
        List<ScoredDocument> hits = new ArrayList<>(Math.min(count, row.size()));
        for (int i = 0; i < row.size() && hits.size() < count; i++) {
            if (!exclude.test(row.ids()[i])) {
                hits.add(new ScoredDocument(row.ids()[i], row.scores()[i]));
            }
        }
        if (hits.size() == count) {
            return new Neighbours(hits, count == 0 ? row.threshold() : hits.get(count - 1).score());
        }
        return row.complete() ? new Neighbours(hits, Double.NEGATIVE_INFINITY) : null;
    }

    long approximateBytes() {
        long bytes = 0;
        for (Row row : rows.values()) {
            bytes += 64 + 16L * row.size(); // map entry, boxed key, record and two arrays
        }
        return bytes;
    }

    private static boolean ranksBefore(double score, long id, double otherScore, long otherId) {
        return score > otherScore || (score == otherScore && id < otherId);
    }

}
