package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * The forward index: per document ordinal its external id, its distinct term ids (ascending) with their
 * damped frequencies {@code 1 + ln(tf)}, and the inverse L2 norm of its weight vector in the current
 * generation. Per-document arrays are never modified after creation, so a re-weighting can share them.
 * A removed document leaves a hole (null terms) until the next re-weighting compacts the ordinals.
 */
final class DocumentStore {

    private long[] ids;
    private int[][] terms;
    private float[][] logTf;
    private float[] inverseNorm;
    private int ordinalBound;
    private final LongIntMap ordinals;

    DocumentStore(int expectedDocs) {
        int capacity = Math.max(16, expectedDocs);
        ids = new long[capacity];
        terms = new int[capacity][];
        logTf = new float[capacity][];
        inverseNorm = new float[capacity];
        ordinals = new LongIntMap(capacity);
    }

    /** One past the highest ordinal in use; size of per-document scratch arrays. */
    int ordinalBound() {
        return ordinalBound;
    }

    int liveDocuments() {
        return ordinals.size();
    }

    /** Ordinal of the document with this id, or -1. */
    int ordinalOf(long id) {
        return ordinals.get(id);
    }

    boolean isLive(int ordinal) {
        return terms[ordinal] != null;
    }

    long id(int ordinal) {
        return ids[ordinal];
    }

    int[] terms(int ordinal) {
        return terms[ordinal];
    }

    float[] logTf(int ordinal) {
        return logTf[ordinal];
    }

    float inverseNorm(int ordinal) {
        return inverseNorm[ordinal];
    }

    /** Stores a new document at the next ordinal and returns it. */
    int append(long id, int[] termIds, float[] logTfs, float invNorm) {
        if (ordinalBound == ids.length) {
            int capacity = ids.length + (ids.length >> 1);
            ids = Arrays.copyOf(ids, capacity);
            terms = Arrays.copyOf(terms, capacity);
            logTf = Arrays.copyOf(logTf, capacity);
            inverseNorm = Arrays.copyOf(inverseNorm, capacity);
        }
        int ordinal = ordinalBound++;
        ordinals.put(id, ordinal);
        ids[ordinal] = id;
        replace(ordinal, termIds, logTfs, invNorm);
        return ordinal;
    }

    void replace(int ordinal, int[] termIds, float[] logTfs, float invNorm) {
        terms[ordinal] = termIds;
        logTf[ordinal] = logTfs;
        inverseNorm[ordinal] = invNorm;
    }

    void remove(int ordinal) {
        ordinals.remove(ids[ordinal]);
        terms[ordinal] = null;
        logTf[ordinal] = null;
    }

    long postings() {
        long total = 0;
        for (int d = 0; d < ordinalBound; d++) {
            total += terms[d] == null ? 0 : terms[d].length;
        }
        return total;
    }

    long approximateBytes() {
        long bytes = 16L * 4 + (8L + 4 + 4 + 4) * ids.length + ordinals.approximateBytes();
        for (int d = 0; d < ordinalBound; d++) {
            if (terms[d] != null) {
                bytes += 2 * (16L + 4L * terms[d].length);
            }
        }
        return bytes;
    }
}
