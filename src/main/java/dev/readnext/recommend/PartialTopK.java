package dev.readnext.recommend;

/**
 * The k documents with the highest partial scores so far, as a min-heap over the live accumulator array.
 * Scores only grow, so the heap minimum is always the k-th best partial score: a lower bound on the k-th best
 * final score. A document's heap slot is kept in {@code positions} (-1 outside), restored to -1 by {@link #clear()}.
 */
final class PartialTopK {

    private final int capacity;
    private final int[] heap;
    private final int[] positions;
    private final double[] scores;
    private int size;
    private double threshold = Double.NEGATIVE_INFINITY;

    PartialTopK(int capacity, int[] positions, double[] scores) {
        this.capacity = capacity;
        this.heap = new int[capacity];
        this.positions = positions;
        this.scores = scores;
    }

    boolean isFull() {
        return size == capacity;
    }

    /** The k-th best partial score; meaningful only when {@link #isFull()}. */
    double minimum() {
        return scores[heap[0]];
    }

    /** Scores at or below this cannot change the heap: the minimum when full, else −∞. */
    double threshold() {
        return threshold;
    }

    boolean contains(int doc) {
        return positions[doc] >= 0;
    }

    /** Records that {@code doc}'s score (already in the accumulator array) grew above {@link #threshold()}. */
    void update(int doc) {
        int position = positions[doc];
        if (position >= 0) {
            siftDown(position);
        } else if (size < capacity) {
            place(doc, size);
            siftUp(size++);
        } else {
            positions[heap[0]] = -1;
            place(doc, 0);
            siftDown(0);
        }
        threshold = size == capacity ? scores[heap[0]] : Double.NEGATIVE_INFINITY;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            positions[heap[i]] = -1;
        }
        size = 0;
        threshold = Double.NEGATIVE_INFINITY;
    }

    private void siftUp(int i) {
        int doc = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[heap[parent]] <= scores[doc]) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(doc, i);
    }

    private void siftDown(int i) {
        int doc = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && scores[heap[child + 1]] < scores[heap[child]]) {
                child++;
            }
            if (scores[heap[child]] >= scores[doc]) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(doc, i);
    }

    private void place(int doc, int slot) {
        heap[slot] = doc;
        positions[doc] = slot;
    }
}
