package dev.readnext.recommend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Term ↔ dense term id, with each term's live document frequency and display surface.
 * Ids are never reused, so query vectors stay valid across re-weightings. Not thread-safe:
 * {@link TfIdfIndex} mutates it only under its write lock.
 */
final class TermDictionary {

    /** Rough heap per term: map node, table slot, boxed id, term and surface strings, two array slots. */
    private static final int BYTES_PER_TERM_ESTIMATE = 32 + 8 + 16 + 2 * 48 + 8;

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] surfaces = new String[1024];
    private int[] liveDf = new int[1024];

    int size() {
        return ids.size();
    }

    /** The id of {@code term}, or -1. */
    int idOf(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    /** The id of {@code term}, adding it with {@code surface} as its display form if it is new. */
    int idOrAdd(String term, String surface) {
        Integer id = ids.get(term);
        if (id != null) {
            return id;
        }
        int newId = ids.size();
        ids.put(term, newId);
        if (newId == surfaces.length) {
            surfaces = Arrays.copyOf(surfaces, newId * 2);
            liveDf = Arrays.copyOf(liveDf, newId * 2);
        }
        surfaces[newId] = surface;
        return newId;
    }

    String surface(int termId) {
        return surfaces[termId];
    }

    void setSurface(int termId, String surface) {
        surfaces[termId] = surface;
    }

    int liveDf(int termId) {
        return liveDf[termId];
    }

    void addDocument(int[] termIds) {
        for (int t : termIds) {
            liveDf[t]++;
        }
    }

    void removeDocument(int[] termIds) {
        for (int t : termIds) {
            liveDf[t]--;
        }
    }

    long approximateBytes() {
        long surfaceChars = 0;
        for (int t = 0; t < size(); t++) {
            surfaceChars += surfaces[t].length();
        }
        return (long) size() * BYTES_PER_TERM_ESTIMATE + 2 * surfaceChars;
    }
}
