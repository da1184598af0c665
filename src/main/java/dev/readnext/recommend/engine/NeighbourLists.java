package dev.readnext.recommend.engine;

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
            if (lists[other].isExact()) {
                lists[other].insertExact(ordinal, cosine, docs, capacity);
            } else if (join != null) {
                join.offer(other, ordinal, cosine);
            }
            own.offer(docs.id(other), cosine);
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
