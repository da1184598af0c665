package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * pg_trgm's {@code similarity} and {@code word_similarity} in Java, and an index of the title keys' trigrams that
 * finds the titles closest to a text as PostgreSQL's trigram queries in {@link PaperResolver} do, to the same scores
 * (float4, computed as pg_trgm computes them), ties and order.
 *
 * <p>Trigrams as pg_trgm makes them (PostgreSQL 15, database locale C.UTF-8): words are runs of letters and digits
 * (glibc's {@code iswalpha || iswdigit}, which is Java's alphabetic or digit), each lower-cased character by character
 * and padded with two spaces in front and one behind; a trigram is three consecutive characters. Where they may
 * differ: characters that Java 17's Unicode 13 does not know and glibc's Unicode 14 does (531 rare letters, which
 * PostgreSQL takes as word characters and Java does not), and trigrams with non-ASCII characters, which pg_trgm keeps
 * as a 24-bit hash, so that two of them may collide there (one chance in 16 million a pair) and never here.
 *
 * <p>A title's posting slot, its trigrams' posting lists and its entry change together under the dictionary's
 * writer; readers never wait and may see one paper's change half done.
 */
final class TitleTrigrams {

    /** A title's closeness to a text: pg_trgm's word similarity, and the greater similarity to title or name. */
    record Match(long paperId, float wordSimilarity, float similarity) {
    }

    private static final int SPACE = ' ';

    private record Title(long id, String key, String title, int keyLength, int titleLength) {
    }

    /**
     * A trigram's slots: the first {@code size} of {@code slots}. An append writes past the size of the array it
     * shares with older lists and publishes a longer list, so readers of those never see it: amortised O(1) appends.
     */
    private record Postings(int[] slots, int size) {

        Postings with(int slot) {
            int[] grown = size < slots.length ? slots : Arrays.copyOf(slots, Math.max(4, 2 * size));
            grown[size] = slot;
            return new Postings(grown, size + 1);
        }
    }

    /** Posting lists and the titles their slots name, published together; a removed title's slot holds null. */
    private record Index(Map<Long, Postings> postings, Title[] titles) {
    }

    /** Slots are not reused: a removal leaves its postings behind, to be dropped by the next compaction. */
    private static final int COMPACT_AFTER = 1024;

    private volatile Index index;
    private final Map<Long, Integer> slots = new HashMap<>();
    private int used;
    private int removed;

    private TitleTrigrams(List<Title> titles) {
        compactFrom(titles);
    }

    /** The index of these papers' title keys, built in one pass. */
    static TitleTrigrams of(Iterable<TitleDictionary.Names> papers) {
        List<Title> all = new ArrayList<>();
        for (TitleDictionary.Names names : papers) {
            all.add(title(names));
        }
        return new TitleTrigrams(all);
    }

    /** Indexes the paper's title key (callers take turns). */
    void add(TitleDictionary.Names names) {
        Index current = index;
        Title[] titles = current.titles();
        if (used == titles.length) {
            titles = Arrays.copyOf(titles, titles.length * 2);
        }
        int slot = used++;
        titles[slot] = title(names);
        for (long trigram : set(names.titleKey())) {
            current.postings().compute(trigram, (t, list) -> list == null ? new Postings(new int[] {slot}, 1)
                    : list.with(slot));
        }
        slots.put(names.id(), slot);
        if (titles != current.titles()) {
            index = new Index(current.postings(), titles);
        }
    }

    /**
     * Forgets the paper's title key (callers take turns): its slot is emptied and its postings are left behind, to
     * be skipped by readers; after {@value #COMPACT_AFTER} removals, and when they are a quarter of the slots, the
     * index is built again from the titles left.
     */
    void remove(long id) {
        Integer slot = slots.remove(id);
        if (slot == null) {
            return;
        }
        index.titles()[slot] = null;
        if (++removed >= COMPACT_AFTER && removed * 4 >= used) {
            compactFrom(Arrays.stream(index.titles(), 0, used).filter(title -> title != null).toList());
        }
    }

    private void compactFrom(List<Title> titles) {
        Map<Long, IntList> lists = new HashMap<>();
        slots.clear();
        for (int slot = 0; slot < titles.size(); slot++) {
            for (long trigram : set(titles.get(slot).key())) {
                lists.computeIfAbsent(trigram, t -> new IntList()).add(slot);
            }
            slots.put(titles.get(slot).id(), slot);
        }
        Map<Long, Postings> postings = new ConcurrentHashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((trigram, list) -> postings.put(trigram, new Postings(list.values, list.size)));
        used = titles.size();
        removed = 0;
        index = new Index(postings, titles.toArray(new Title[Math.max(16, titles.size())]));
    }

    /**
     * As {@code WHERE word_similarity(text, title_key) >= threshold ORDER BY word_similarity DESC,
     * length(title_key), id LIMIT limit}: only titles sharing enough of the text's trigrams to reach the threshold
     * are measured.
     */
    List<Match> closest(String text, double threshold, int limit) {
        Sharing sharing = new Sharing(set(text), index);
        return sharing.best(threshold, limit, Comparator.comparingInt(Title::keyLength));
    }

    /**
     * As {@code ORDER BY word_similarity(text, title_key) DESC, length(title), id LIMIT limit} over every title: the
     * titles sharing a trigram with the text, then (word similarity 0) the shortest others, found by one scan.
     */
    List<Match> closestOfAll(String text, int limit) {
        Sharing sharing = new Sharing(set(text), index);
        Comparator<Title> shorter = Comparator.comparingInt(Title::titleLength);
        List<Match> matches = new ArrayList<>(sharing.best(0, limit, shorter));
        if (matches.size() < limit) {
            Comparator<Title> order = shorter.thenComparingLong(Title::id);
            PriorityQueue<Title> shortest = new PriorityQueue<>(order.reversed());
            for (int slot = 0; slot < sharing.titles.length; slot++) {
                Title title = sharing.titles[slot];
                if (title != null && sharing.shared[slot] == 0) {
                    shortest.add(title);
                    if (shortest.size() > limit - matches.size()) {
                        shortest.poll();
                    }
                }
            }
            shortest.stream().sorted(order)
                    .forEach(t -> matches.add(new Match(t.id(), 0f, similarity(sharing.query, t))));
        }
        return matches;
    }

    /** How many of the text's trigrams each title shares, from the posting lists. */
    private final class Sharing {
        final long[] query;
        final Title[] titles;
        final int[] shared;
        final IntList touched = new IntList();

        Sharing(long[] query, Index index) {
            this.query = query;
            this.titles = index.titles();
            this.shared = new int[titles.length];
            for (long trigram : query) {
                Postings list = index.postings().get(trigram);
                for (int i = 0; list != null && i < list.size(); i++) {
                    int slot = list.slots()[i];
                    // a slot past the titles read, or emptied, is a title added or removed since: skipped
                    if (slot < shared.length && titles[slot] != null && shared[slot]++ == 0) {
                        touched.add(slot);
                    }
                }
            }
        }

        /**
         * The {@code limit} titles of greatest word similarity (at least {@code threshold}, above 0), ties to the
         * shorter then the lower id. Word similarity never exceeds shared / |query|: the titles sharing most are
         * measured first, until none left can enter.
         */
        List<Match> best(double threshold, int limit, Comparator<Title> shorter) {
            int[] bySharing = bySharingDescending();
            Comparator<Scored> order = Comparator.comparing(Scored::wordSimilarity, Comparator.reverseOrder())
                    .thenComparing(Scored::title, shorter).thenComparingLong(s -> s.title().id());
            List<Scored> best = new ArrayList<>();
            for (int slot : bySharing) {
                float bound = ratio(shared[slot], query.length, shared[slot]);
                if (bound < threshold || best.size() == limit && bound < best.get(limit - 1).wordSimilarity()) {
                    break;
                }
                Title title = titles[slot];
                float score = title == null ? 0f : wordSimilarity(query, title.key());
                if (score >= threshold && score > 0f) {
                    Scored scored = new Scored(title, score);
                    int at = -Collections.binarySearch(best, scored, order) - 1;
                    if (at < limit) {
                        best.add(at, scored);
                        if (best.size() > limit) {
                            best.remove(limit);
                        }
                    }
                }
            }
            return best.stream().map(s -> new Match(s.title().id(), s.wordSimilarity(), similarity(query, s.title())))
                    .toList();
        }

        /** The touched slots, those sharing most first (a counting sort: no slot shares more than the query has). */
        private int[] bySharingDescending() {
            int[] next = new int[query.length + 2];
            for (int i = 0; i < touched.size; i++) {
                next[query.length - shared[touched.values[i]] + 1]++;
            }
            for (int i = 1; i < next.length; i++) {
                next[i] += next[i - 1];
            }
            int[] sorted = new int[touched.size];
            for (int i = 0; i < touched.size; i++) {
                int slot = touched.values[i];
                sorted[next[query.length - shared[slot]]++] = slot;
            }
            return sorted;
        }
    }

    private record Scored(Title title, float wordSimilarity) {
    }

    /** {@code greatest(similarity(text, title_key), similarity(text, <name before the colon>))}. */
    private static float similarity(long[] query, Title title) {
        int colon = title.title().indexOf(':');
        String name = colon < 0 ? title.title() : title.title().substring(0, colon);
        return Math.max(similarity(query, set(title.key())), similarity(query, set(name)));
    }

    /** pg_trgm's {@code similarity(a, b)}: shared trigrams over all trigrams of both. */
    static float similarity(String a, String b) {
        return similarity(set(a), set(b));
    }

    private static float similarity(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0f;
        }
        int count = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                count++;
                i++;
                j++;
            }
        }
        return ratio(count, a.length, b.length);
    }

    /** pg_trgm's {@code word_similarity(a, b)}: the greatest similarity of a to a continuous extent of b's trigrams. */
    static float wordSimilarity(String a, String b) {
        return wordSimilarity(set(a), b);
    }

    /**
     * pg_trgm's {@code iterate_word_similarity} (non-strict), step for step so that the float results agree: the
     * extent's upper end moves to each of b's trigrams that is in a, and its lower end to where the extent is most
     * similar.
     */
    private static float wordSimilarity(long[] query, String text) {
        long[] trigrams = sequence(text);
        long[] distinct = distinct(trigrams);
        int[] classes = new int[trigrams.length];
        for (int i = 0; i < trigrams.length; i++) {
            classes[i] = Arrays.binarySearch(distinct, trigrams[i]);
        }
        boolean[] found = new boolean[distinct.length];
        for (int c = 0; c < distinct.length; c++) {
            found[c] = Arrays.binarySearch(query, distinct[c]) >= 0;
        }
        int[] lastPosition = new int[distinct.length];
        Arrays.fill(lastPosition, -1);
        int extentTrigrams = 0;
        int count = 0;
        int lower = -1;
        float max = 0f;
        for (int upper = 0; upper < classes.length; upper++) {
            int trigram = classes[upper];
            if (lower >= 0 || found[trigram]) {
                if (lastPosition[trigram] < 0) {
                    extentTrigrams++;
                    if (found[trigram]) {
                        count++;
                    }
                }
                lastPosition[trigram] = upper;
            }
            if (!found[trigram]) {
                continue;
            }
            if (lower == -1) {
                lower = upper;
                extentTrigrams = 1;
            }
            float current = ratio(count, query.length, extentTrigrams);
            int tryCount = count;
            int tryExtent = extentTrigrams;
            int previousLower = lower;
            for (int tryLower = lower; tryLower <= upper; tryLower++) {
                float tried = ratio(tryCount, query.length, tryExtent);
                if (tried > current) {
                    current = tried;
                    extentTrigrams = tryExtent;
                    lower = tryLower;
                    count = tryCount;
                }
                int left = classes[tryLower];
                if (lastPosition[left] == tryLower) {
                    tryExtent--;
                    if (found[left]) {
                        tryCount--;
                    }
                }
            }
            max = Math.max(max, current);
            for (int dropped = previousLower; dropped < lower; dropped++) {
                int left = classes[dropped];
                if (lastPosition[left] == dropped) {
                    lastPosition[left] = -1;
                }
            }
        }
        return max;
    }

    /** pg_trgm's CALCSML, in float4 as there. */
    private static float ratio(int count, int length1, int length2) {
        return (float) count / (float) (length1 + length2 - count);
    }

    /** The distinct trigrams of the text, ascending. */
    static long[] set(String text) {
        return distinct(sequence(text));
    }

    /** The text's trigrams in order, repeats kept: each word's, lower-cased, padded "  word ". */
    static long[] sequence(String text) {
        LongStream.Builder trigrams = LongStream.builder();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (start < text.length() && !isWordCharacter(text.codePointAt(start))) {
                start += Character.charCount(text.codePointAt(start));
            }
            if (start >= text.length()) {
                break;
            }
            long a = SPACE;
            long b = SPACE;
            int end = start;
            while (end < text.length() && isWordCharacter(text.codePointAt(end))) {
                int c = Character.toLowerCase(text.codePointAt(end));
                trigrams.add(trigram(a, b, c));
                a = b;
                b = c;
                end += Character.charCount(text.codePointAt(end));
            }
            trigrams.add(trigram(a, b, SPACE));
            i = end;
        }
        return trigrams.build().toArray();
    }

    /** A word character for pg_trgm under glibc's C.UTF-8: {@code iswalpha} (all non-ASCII digits too) or a digit. */
    static boolean isWordCharacter(int codePoint) {
        return Character.isAlphabetic(codePoint) || Character.isDigit(codePoint);
    }

    private static long trigram(long a, long b, long c) {
        return a << 42 | b << 21 | c;
    }

    private static long[] distinct(long[] trigrams) {
        long[] sorted = trigrams.clone();
        Arrays.sort(sorted);
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[size++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, size);
    }

    private static Title title(TitleDictionary.Names names) {
        return new Title(names.id(), names.titleKey(), names.title(),
                names.titleKey().codePointCount(0, names.titleKey().length()),
                names.title().codePointCount(0, names.title().length()));
    }

    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
