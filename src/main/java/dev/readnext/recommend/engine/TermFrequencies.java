package dev.readnext.recommend.engine;

import java.util.Arrays;

/** A document's distinct term ids in ascending order with their damped frequencies {@code 1 + ln(tf)}. */
record TermFrequencies(int[] terms, float[] logTf) {

    /** Maps the terms of {@code doc} to ids (adding new ones to the dictionary) and damps the boosted tf. */
    static TermFrequencies of(AnalyzedDocument doc, TermDictionary dictionary) {
        int n = doc.terms().length;
        int[] terms = new int[n];
        float[] logTf = new float[n];
        for (int i = 0; i < n; i++) {
            terms[i] = dictionary.idOrAdd(doc.terms()[i], doc.surfaces()[i]);
            logTf[i] = damped(doc.boostedTf()[i]);
        }
        return sortedByTerm(terms, logTf);
    }

    /** The terms of {@code doc} the dictionary already has, for querying without adding terms. */
    static TermFrequencies ofKnown(AnalyzedDocument doc, TermDictionary dictionary) {
        int[] terms = new int[doc.terms().length];
        float[] logTf = new float[terms.length];
        int known = 0;
        for (int i = 0; i < terms.length; i++) {
            int term = dictionary.idOf(doc.terms()[i]);
            if (term >= 0 && dictionary.liveDf(term) > 0) {
                terms[known] = term;
                logTf[known++] = damped(doc.boostedTf()[i]);
            }
        }
        return sortedByTerm(Arrays.copyOf(terms, known), Arrays.copyOf(logTf, known));
    }

    private static float damped(float boostedTf) {
        return (float) (1.0 + Math.log(boostedTf));
    }

    private static TermFrequencies sortedByTerm(int[] terms, float[] logTf) {
        int n = terms.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (long) terms[i] << 32 | (Float.floatToRawIntBits(logTf[i]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] sortedTerms = new int[n];
        float[] sortedLogTf = new float[n];
        for (int i = 0; i < n; i++) {
            sortedTerms[i] = (int) (packed[i] >>> 32);
            sortedLogTf[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new TermFrequencies(sortedTerms, sortedLogTf);
    }
}
