package dev.readnext.recommend.engine;

import java.util.Arrays;

/** A document's distinct term ids in ascending order with their damped frequencies {@code 1 + ln(tf)}. */
record TermFrequencies(int[] terms, float[] logTf) {

    /** Maps the terms of {@code doc} to ids (adding new ones to the dictionary) and damps the boosted tf. */
    static TermFrequencies of(AnalyzedDocument doc, TermDictionary dictionary) {
        int n = doc.terms().length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int term = dictionary.idOrAdd(doc.terms()[i], doc.surfaces()[i]);
            float logTf = (float) (1.0 + Math.log(doc.boostedTf()[i]));
            packed[i] = (long) term << 32 | (Float.floatToRawIntBits(logTf) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] terms = new int[n];
        float[] logTfs = new float[n];
        for (int i = 0; i < n; i++) {
            terms[i] = (int) (packed[i] >>> 32);
            logTfs[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new TermFrequencies(terms, logTfs);
    }
}
