package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the k best (score, id) pairs by score descending, then id ascending, as a min-heap whose root is the
 * worst kept pair. Ties therefore never depend on scan order.
 */
public final class RankedTopK {

    private final long[] ids;
    private final double[] scores;
    private int size;

    public RankedTopK(int capacity) {
        ids = new long[capacity];
        scores = new double[capacity];
    }

    int capacity() {
        return ids.length;
    }

    boolean isFull() {
        return size == ids.length;
    }

    /** Score of the worst kept pair; meaningful only when {@link #isFull()}. */
    double worstScore() {
        return scores[0];
    }

    /** Whether {@link #offer} would keep this pair. */
    boolean accepts(long id, double score) {
        return size < ids.length || ranksBefore(id, score, ids[0], scores[0]);
    }

    public void offer(long id, double score) {
        assert !Double.isNaN(score) : "a NaN score has no rank";
        if (size < ids.length) {
            ids[size] = id;
            scores[size] = score;
            siftUp(size++);
        } else if (ranksBefore(id, score, ids[0], scores[0])) {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The kept pairs, best first. */
    public List<ScoredDocument> toList() {
        List<ScoredDocument> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(new ScoredDocument(ids[i], scores[i]));
        }
        result.sort((a, b) -> ranksBefore(a.id(), a.score(), b.id(), b.score()) ? -1 : 1);
        return Collections.unmodifiableList(result);
    }

    private static boolean ranksBefore(long id, double score, long otherId, double otherScore) {
        return score > otherScore || (score == otherScore && id < otherId);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!ranksBefore(ids[parent], scores[parent], ids[i], scores[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (ranksBefore(ids[worst], scores[worst], ids[child], scores[child])) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
