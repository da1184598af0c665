package dev.readnext.recommend.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * Every document's exact top-K cosine neighbours in one {@link IndexGeneration}, so that "papers related to X" is a
 * look-up. Each list ({@link NeighbourList}) holds a prefix of its document's ranking, K to K + S entries (S of slack,
 * so removals seldom force a refill), fewer only when it holds every document with a positive cosine.
 *
 * <h2>Writes</h2>
 * Within a generation every term weight and every document's norm is frozen ({@link IndexGeneration}), so a write
 * changes the cosines of the written document only: it is taken out with its old vector and put in with its new one.
 * <ul>
 * <li><b>Out</b> ({@link #detach}): one {@link CosineRow} over its postings finds every document e with a positive
 * cosine; it leaves e's list, and a list left shorter than K without being complete is refilled by one live search
 * after the write ({@link #refillShortLists}). Its own list is forgotten.</li>
 * <li><b>In</b> ({@link #attach}): the new vector's row gives its own list (the top K + S of the row) and is offered to
 * every exact list, which keeps it if it ranks within its prefix, dropping its last entry beyond K + S.</li>
 * </ul>
 * A prefix minus a document is a prefix of the new ranking; a prefix plus a document ranking before its last entry
 * (or any document, when complete) is one too; so exact lists stay exact through any sequence of writes.
 *
 * <h2>Building all lists</h2>
 * After a (re-)weighting every cosine changes, so a new generation starts with no exact list and a
 * {@link SymmetricJoin} builds them in the background, in chunks of {@value #CHUNK} rows, each chunk under the read lock
 * ({@link TfIdfIndex}) so that writers interleave, its rows in parallel. After a chunk, the lists of every row joined
 * so far are exact. A write between chunks keeps the exact lists exact (above) and keeps the partial ones as the
 * join needs them: the written document's old pairs leave them (a full one becomes dirty, to be searched live), its
 * new pairs are offered to them, and as its own list is then exact its row is skipped. Look-ups use every exact
 * list: until its row is joined, a document's {@code related} is a live search.
 */
final class NeighbourLists {

    static final int CHUNK = 256;

    private final IndexGeneration generation;
    private final TermDictionary dictionary;
    private final SearchScratch.Pool scratchPool;
    private final int k;
    private final int capacity;
    private final CosineRow row = new CosineRow();
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private final List<Integer> shortLists = new ArrayList<>();
    private NeighbourList[] lists;
    /** The join building the lists; null once they are built. */
    private SymmetricJoin join;
    private long refills;

    NeighbourLists(IndexGeneration generation, TermDictionary dictionary, SearchScratch.Pool scratchPool, int k,
                   int slack) {
        this.generation = generation;
        this.dictionary = dictionary;
        this.scratchPool = scratchPool;
        this.k = k;
        this.capacity = k + slack;
        this.lists = new NeighbourList[0];
        ensureLists(generation.docs.ordinalBound());
        this.join = new SymmetricJoin(generation, this, generation.docs.ordinalBound(), capacity);
    }

    private NeighbourLists(IndexGeneration generation, TermDictionary dictionary, SearchScratch.Pool scratchPool,
                           int k, int slack, NeighbourList[] lists) {
        this.generation = generation;
        this.dictionary = dictionary;
        this.scratchPool = scratchPool;
        this.k = k;
        this.capacity = k + slack;
        this.lists = lists;
        this.built.complete(null);
    }

    /**
     * The lists as they are now, for a snapshot: built lists only, under the read lock (every one of them is then
     * exact). Neighbours are numbered as they will be read back: the live ordinals, compacted.
     */
    Captured capture() {
        DocumentStore docs = generation.docs;
        int[] renumbered = new int[docs.ordinalBound()];
        int live = 0;
        long entries = 0;
        for (int d = 0; d < docs.ordinalBound(); d++) {
            renumbered[d] = docs.isLive(d) ? live++ : -1;
            entries += docs.isLive(d) ? lists[d].size() : 0;
        }
        int[] sizes = new int[live];
        int[] neighbours = new int[Math.toIntExact(entries)];
        double[] scores = new double[neighbours.length];
        int at = 0;
        for (int d = 0; d < docs.ordinalBound(); d++) {
            if (docs.isLive(d)) {
                int size = lists[d].copyTo(neighbours, scores, at, renumbered);
                sizes[renumbered[d]] = size;
                at += size < 0 ? -size - 1 : size;
            }
        }
        return new Captured(k, capacity, sizes, neighbours, scores);
    }

    /**
     * Lists captured for a snapshot: each live document's in turn, {@code sizes[d]} entries (negated minus one when
     * the list is complete) of {@code neighbours} and {@code scores}.
     */
    record Captured(int k, int capacity, int[] sizes, int[] neighbours, double[] scores) {

        void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(k);
            out.writeInt(capacity);
            int at = 0;
            for (int size : sizes) {
                boolean complete = size < 0;
                int length = complete ? -size - 1 : size;
                out.writeBoolean(complete);
                out.writeInt(length);
                for (int i = at; i < at + length; i++) {
                    out.writeInt(neighbours[i]);
                    out.writeDouble(scores[i]);
                }
                at += length;
            }
        }
    }

    /**
     * Built lists as {@link Captured#writeTo} wrote them, for a generation weighed from the same documents with the same
     * statistics (so every cosine is bit for bit the one written); null if they were written with another K or S.
     */
    static NeighbourLists read(DataInputStream in, IndexGeneration generation, TermDictionary dictionary,
                               SearchScratch.Pool scratchPool, int k, int slack) throws IOException {
        if (in.readInt() != k || in.readInt() != k + slack) {
            return null;
        }
        NeighbourList[] lists = new NeighbourList[generation.docs.ordinalBound()];
        for (int d = 0; d < lists.length; d++) {
            lists[d] = NeighbourList.read(in, k + slack, generation.docs, d);
        }
        return new NeighbourLists(generation, dictionary, scratchPool, k, slack, lists);
    }

    boolean isBuilt() {
        return built.isDone();
    }

    CompletableFuture<Void> built() {
        return built;
    }

    /** One past the last row the background build joins (documents added later get their list when written). */
    int rowBound() {
        return join == null ? 0 : join.bound();
    }

    NeighbourList list(int ordinal) {
        return lists[ordinal];
    }

    /**
     * Joins rows {@code from … to - 1} in parallel, then makes their lists exact (a dirty one by a live search).
     * Chunks must come in order. Under the read lock.
     */
    void buildChunk(int from, int to) {
        IntStream.range(from, to).parallel().forEach(d -> {
            if (generation.docs.isLive(d) && !lists[d].isExact()) {
                join.joinRow(d);
            }
        });
        for (int d = from; d < to; d++) {
            if (generation.docs.isLive(d) && !lists[d].isExact() && !lists[d].promote(capacity)) {
                search(d);
            }
        }
    }

    /** Every row has been joined (under the read lock, by the builder after the last chunk). */
    void markBuilt() {
        join = null;
        built.complete(null);
    }

    /** The exact top k by look-up, or null when the document's list cannot prove it (see {@link NeighbourList#lookup}). */
    List<ScoredDocument> lookup(int ordinal, int count, LongPredicate exclude) {
        return lists[ordinal].lookup(count, exclude, generation.docs);
    }

    /** The exact entries of a document's list; null while it is not computed. */
    List<ScoredDocument> entries(int ordinal) {
        return lists[ordinal].entries(generation.docs);
    }

    /** Takes a live document out of every list, with its current vector. Under the write lock, before the change. */
    void detach(int ordinal) {
        DocumentStore docs = generation.docs;
        row.forEachPositive(generation, generation.vector(ordinal), ordinal, (other, cosine) -> {
            if (lists[other].remove(ordinal, cosine, docs, k, capacity)) {
                shortLists.add(other);
            }
        });
        lists[ordinal].clear();
    }

    /** Puts a document, as now stored, into every list, and computes its own. Under the write lock, after the change. */
    void attach(int ordinal) {
        ensureLists(generation.docs.ordinalBound());
        DocumentStore docs = generation.docs;
        RankedTopK own = new RankedTopK(capacity);
        int[] positives = {0};
        row.forEachPositive(generation, generation.vector(ordinal), ordinal, (other, cosine) -> {
            NeighbourList list = lists[other];
            if (list.isExact()) {
                if (list.mayTake(cosine)) { // most lists refuse on the score alone: no monitor, no id
                    list.insertExact(ordinal, cosine, docs, capacity);
                }
            } else if (join != null) {
                join.offer(other, ordinal, cosine);
            }
            if (!own.isFull() || cosine >= own.worstScore()) {
                own.offer(docs.id(other), cosine);
            }
            positives[0]++;
        });
        lists[ordinal].setExact(own.toList(), positives[0] <= capacity, docs);
    }

    /** Recomputes by live search the lists a removal left short. Under the write lock, after the change. */
    void refillShortLists() {
        for (int ordinal : shortLists) {
            if (generation.docs.isLive(ordinal) && lists[ordinal].needsRefill(k)) {
                search(ordinal);
                refills++;
            }
        }
        shortLists.clear();
    }

    /** How many lists removals have left short and a live search refilled. */
    long refills() {
        return refills;
    }

    long approximateBytes() {
        long bytes = 16 + 4L * lists.length;
        for (NeighbourList list : lists) {
            bytes += list.approximateBytes();
        }
        return bytes;
    }

    /** Makes the document's list its top K + S by one live search. */
    private void search(int ordinal) {
        DocumentStore docs = generation.docs;
        QueryVector query = generation.vector(ordinal);
        if (query.isEmpty()) {
            lists[ordinal].setExact(List.of(), true, docs);
            return;
        }
        long self = docs.id(ordinal);
        SearchScratch scratch = scratchPool.borrow(docs.ordinalBound(), dictionary.size());
        try {
            List<ScoredDocument> hits = new TierScanSearcher(generation, scratch, query).topK(capacity, id -> id == self);
            lists[ordinal].setExact(hits, hits.size() < capacity, docs);
        } finally {
            scratchPool.giveBack(scratch);
        }
    }

    private void ensureLists(int bound) {
        if (lists.length >= bound) {
            return;
        }
        int old = lists.length;
        lists = Arrays.copyOf(lists, Math.max(bound, old + (old >> 1)));
        for (int i = old; i < lists.length; i++) {
            lists[i] = new NeighbourList();
        }
    }
}
