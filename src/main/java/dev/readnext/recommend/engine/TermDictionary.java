package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * Term ↔ dense term id, with each term's live document frequency and display surface. Ids are never reused, so
 * query vectors stay valid across re-weightings. Compact: the terms' characters lie back to back in one array, found
 * through an open-addressing table of ids (linear probing, load ≤ 0.5), and the surfaces likewise in a second array;
 * about 50 bytes per term instead of a few hundred for a map of strings. Not thread-safe: {@link TfIdfIndex} mutates
 * it only under its write lock.
 */
final class TermDictionary {

    private static final int EMPTY = -1;

    private char[] termChars = new char[1 << 14];
    private int[] termStarts = new int[1025];
    private char[] surfaceChars = new char[1 << 14];
    private int surfaceLength;
    private int[] surfaceStarts = new int[1024];
    private int[] surfaceLengths = new int[1024];
    private int[] liveDf = new int[1024];
    private int[] table = emptyTable(2048);
    private int size;

    int size() {
        return size;
    }

    /** The term of an id. */
    String term(int termId) {
        return new String(termChars, termStarts[termId], termStarts[termId + 1] - termStarts[termId]);
    }

    /** The id of {@code term}, or -1. */
    int idOf(String term) {
        int mask = table.length - 1;
        for (int slot = hash(term) & mask; table[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (termEquals(table[slot], term)) {
                return table[slot];
            }
        }
        return -1;
    }

    /** The id of {@code term}, adding it with {@code surface} as its display form if it is new. */
    int idOrAdd(String term, String surface) {
        int id = idOf(term);
        if (id >= 0) {
            return id;
        }
        id = size++;
        ensureCapacity(id + 1, termStarts[id] + term.length());
        term.getChars(0, term.length(), termChars, termStarts[id]);
        termStarts[id + 1] = termStarts[id] + term.length();
        setSurface(id, surface);
        if (2 * size > table.length) {
            table = rehash(2 * table.length);
        } else {
            insert(table, id);
        }
        return id;
    }

    String surface(int termId) {
        return new String(surfaceChars, surfaceStarts[termId], surfaceLengths[termId]);
    }

    /** Appends the new surface unless unchanged (a bulk build changes each term's surface a few times at most). */
    void setSurface(int termId, String surface) {
        if (sameChars(surfaceChars, surfaceStarts[termId], surfaceLengths[termId], surface)) {
            return;
        }
        if (surfaceLength + surface.length() > surfaceChars.length) {
            surfaceChars = Arrays.copyOf(surfaceChars, Math.max(surfaceLength + surface.length(), 2 * surfaceChars.length));
        }
        surface.getChars(0, surface.length(), surfaceChars, surfaceLength);
        surfaceStarts[termId] = surfaceLength;
        surfaceLengths[termId] = surface.length();
        surfaceLength += surface.length();
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

    /** Drops the spare capacity that growth by doubling left behind (after a bulk build, up to half the arrays). */
    void trimToSize() {
        termChars = Arrays.copyOf(termChars, termStarts[size]);
        termStarts = Arrays.copyOf(termStarts, size + 1);
        surfaceChars = Arrays.copyOf(surfaceChars, surfaceLength);
        surfaceStarts = Arrays.copyOf(surfaceStarts, size);
        surfaceLengths = Arrays.copyOf(surfaceLengths, size);
        liveDf = Arrays.copyOf(liveDf, size);
    }

    long approximateBytes() {
        return 16L * 7 + 2L * termChars.length + 2L * surfaceChars.length
                + 4L * (termStarts.length + surfaceStarts.length + surfaceLengths.length + liveDf.length + table.length);
    }

    private boolean termEquals(int id, String term) {
        return sameChars(termChars, termStarts[id], termStarts[id + 1] - termStarts[id], term);
    }

    private static boolean sameChars(char[] chars, int start, int length, String text) {
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void ensureCapacity(int terms, int chars) {
        if (terms + 1 > termStarts.length) {
            int capacity = 2 * terms;
            termStarts = Arrays.copyOf(termStarts, capacity + 1);
            surfaceStarts = Arrays.copyOf(surfaceStarts, capacity);
            surfaceLengths = Arrays.copyOf(surfaceLengths, capacity);
            liveDf = Arrays.copyOf(liveDf, capacity);
        }
        if (chars > termChars.length) {
            termChars = Arrays.copyOf(termChars, Math.max(chars, 2 * termChars.length));
        }
    }

    private int[] rehash(int capacity) {
        int[] grown = emptyTable(capacity);
        for (int id = 0; id < size; id++) {
            insert(grown, id);
        }
        return grown;
    }

    private void insert(int[] into, int id) {
        int mask = into.length - 1;
        int slot = hashOfTerm(id) & mask;
        while (into[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        into[slot] = id;
    }

    private int hashOfTerm(int id) {
        int h = 0;
        for (int i = termStarts[id]; i < termStarts[id + 1]; i++) {
            h = 31 * h + termChars[i];
        }
        return spread(h);
    }

    private static int hash(String term) {
        return spread(term.hashCode());
    }

    /** String.hashCode (the same polynomial as {@link #hashOfTerm}), with its high bits mixed into the low ones. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int[] emptyTable(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
