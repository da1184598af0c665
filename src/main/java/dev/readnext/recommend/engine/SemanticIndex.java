package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * In-memory sentence embeddings of documents, int8 ({@link Int8Vector}), with exact top-k by dot product (the cosine of
 * unit vectors).
 *
 * <p>Each vector is split in two. Its first {@value #HEAD} dimensions (its head) sit in blocks of
 * {@link Int8Dot#blockWidth()} documents, dimension-major, so one pass of SIMD registers gives a whole block's head dot
 * products ({@link Int8Dot#blockDots}); the rest (its tail) sits elsewhere, one document after another, with its
 * length and the length of its second half. By Cauchy–Schwarz a document's cosine is at most its head dot product plus
 * the product of the two tails' lengths, so a scan for the documents above a threshold reads the tail only of those
 * whose bound reaches it, and the second half of the tail only if the first half leaves it a chance. The embeddings
 * come in a basis that puts most of their length in the first dimensions ({@code PrincipalAxes}: 94 % in the first
 * 192 on the arXiv corpus), where a related-papers query at 75k papers reads part of about 150 tails (README "Semantic
 * similarity"); any basis gives the same, exact answers, only more slowly.
 *
 * <p>Ids and scales sit in primitive arrays beside the vectors; a removal moves the last document into the hole,
 * keeping the arrays dense. Thread safety as {@link TfIdfIndex}: concurrent readers share a read lock, a put or
 * removal takes the write lock for a copy of one vector.
 */
public final class SemanticIndex {

    /** Dimensions read for every document in a scan. */
    static final int HEAD = 192;
    /** Neighbour lists as long as the TF-IDF ones ({@link IndexSettings#DEFAULT}), so the two prove a hybrid top k alike. */
    static final int NEIGHBOURS = 64;
    static final int NEIGHBOUR_SLACK = 16;
    private static final int BUILD_CHUNK = 256;
    /** Slack for the rounding of the bound, worked out in floats: a bound is never below a cosine it should cover. */
    private static final double ROUNDING = 1e-5;

    private final int dimensions;
    private final int head;
    private final int tail;
    /** Where the tail's second part starts: its own length bounds the cosine once the first part is read. */
    private final int middle;
    private final int width;
    private final GuardedLock lock = new GuardedLock();
    private final LongIntMap slots;
    private final SemanticNeighbourLists neighbours;
    private final SemanticNeighbourLists.Cosines cosines = new SemanticNeighbourLists.Cosines() {
        @Override
        public long id(int slot) {
            return ids[slot];
        }

        @Override
        public double cosine(int a, int b) {
            return exactCosine(a, b);
        }
    };
    private final CompletableFuture<Void> neighboursBuilt = new CompletableFuture<>();
    private long[] ids;
    private float[] scales;
    private float[] tailLengths;
    private float[] restLengths;
    private byte[] heads;
    private byte[] tails;
    private int size;

    public SemanticIndex(int dimensions, int expectedDocuments) {
        this(dimensions, expectedDocuments, HEAD, NEIGHBOURS, NEIGHBOUR_SLACK);
    }

    /** With {@code head} dimensions read for every document, for tests of vectors shorter than {@value #HEAD}. */
    SemanticIndex(int dimensions, int expectedDocuments, int head) {
        this(dimensions, expectedDocuments, head, NEIGHBOURS, NEIGHBOUR_SLACK);
    }

    /**
     * With {@code head} dimensions read for every document (for tests of vectors shorter than {@value #HEAD}) and
     * neighbour lists of K = {@code neighbours} to K + {@code slack} entries.
     */
    SemanticIndex(int dimensions, int expectedDocuments, int head, int neighbours, int slack) {
        if (dimensions < 1 || head < 1 || neighbours < 1 || slack < 0) {
            throw new IllegalArgumentException("dimensions, head and neighbours must be positive");
        }
        this.dimensions = dimensions;
        this.head = Math.min(head, dimensions);
        tail = dimensions - this.head;
        middle = tail / 2;
        width = Int8Dot.BEST.blockWidth();
        int capacity = wholeBlocks(Math.max(16, expectedDocuments));
        slots = new LongIntMap(capacity);
        this.neighbours = new SemanticNeighbourLists(neighbours, slack, capacity);
        allocate(capacity);
    }

    public int dimensions() {
        return dimensions;
    }

    /** Adds or replaces the vector of document {@code id}. */
    public void put(long id, Int8Vector vector) {
        if (vector.dimensions() != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.dimensions());
        }
        lock.write(() -> {
            int slot = slots.get(id);
            List<Integer> shortened = slot >= 0 ? detach(slot) : List.of();
            if (slot < 0) {
                if (size == ids.length) {
                    allocate(wholeBlocks(ids.length + (ids.length >> 1)));
                }
                slot = size++;
                slots.put(id, slot);
                ids[slot] = id;
            }
            store(slot, vector.values(), vector.scale());
            attach(slot);
            refill(shortened);
            return null;
        });
    }

    /** Removes document {@code id}; false if it had no vector. */
    public boolean remove(long id) {
        return lock.write(() -> {
            int slot = slots.get(id);
            if (slot < 0) {
                return false;
            }
            List<Integer> shortened = detach(slot);
            int last = --size;
            if (slot != last) {
                ids[slot] = ids[last];
                store(slot, valuesOf(last), scales[last]);
                slots.put(ids[slot], slot);
                if (neighbours.started()) {
                    neighbours.move(last, slot, size);
                    shortened.replaceAll(owner -> owner == last ? slot : owner);
                }
            }
            slots.remove(id);
            refill(shortened);
            return true;
        });
    }

    /**
     * Starts computing every document's neighbour list in the background, chunk by chunk under the read lock (writes
     * interleave and keep the lists computed so far exact); call once the embeddings are loaded.
     */
    public void buildNeighboursInBackground() {
        if (neighbours.started()) {
            return;
        }
        long[] documents = lock.read(() -> {
            neighbours.start();
            return Arrays.copyOf(ids, size);
        });
        IndexSettings.runOnDaemonThread(() -> {
            for (int from = 0; from < documents.length; from += BUILD_CHUNK) {
                int chunk = from;
                lock.read(() -> {
                    IntStream.range(chunk, Math.min(documents.length, chunk + BUILD_CHUNK)).parallel()
                            .map(i -> slots.get(documents[i])).filter(slot -> slot >= 0 && neighbours.row(slot) == null)
                            .forEach(this::computeList);
                    return null;
                });
            }
            neighboursBuilt.complete(null);
        }, "semantic-neighbours");
    }

    /** Whether every document's neighbour list is computed. */
    public boolean neighboursReady() {
        return neighboursBuilt.isDone();
    }

    /** Waits until {@link #neighboursReady()} or at most {@code timeoutMillis}; returns whether ready. */
    boolean awaitNeighbours(long timeoutMillis) throws InterruptedException {
        try {
            neighboursBuilt.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Document {@code id}'s first {@code count} embedding neighbours that {@code exclude} rejects, from its list, with
     * the highest cosine any other embedded document has; null when its list cannot prove them (not computed yet,
     * or exclusions ate into it): then only a scan knows.
     */
    SemanticNeighbourLists.Neighbours neighbours(long id, int count, LongPredicate exclude) {
        return lock.read(() -> {
            int slot = slots.get(id);
            return slot < 0 ? null : neighbours.lookup(slot, count, exclude, cosines);
        });
    }

    /** K: how many embedding neighbours each document's list proves. */
    int listedNeighbours() {
        return neighbours.k();
    }

    /** The exact entries of a document's list; null while it has none (for tests). */
    List<ScoredDocument> neighbourList(long id) {
        return lock.read(() -> {
            int slot = slots.get(id);
            SemanticNeighbourLists.Row row = slot < 0 ? null : neighbours.row(slot);
            return row == null ? null : Arrays.stream(row.slots())
                    .mapToObj(other -> new ScoredDocument(ids[other], exactCosine(slot, other))).toList();
        });
    }

    /** Under the write lock: takes the document in {@code slot}, with its current vector, out of every list. */
    private List<Integer> detach(int slot) {
        return neighbours.started() ? neighbours.detach(slot, size) : new ArrayList<>();
    }

    /**
     * Under the write lock, after the vector in {@code slot} was stored: offers it to every list (reading the tail of
     * a document only when the bound from its head could beat the list's last entry) and computes its own.
     */
    private void attach(int slot) {
        if (!neighbours.started()) {
            return;
        }
        Query query = prepare(new Int8Vector(valuesOf(slot), scales[slot]));
        int[] headDots = new int[width];
        for (int first = 0; first < size; first += width) {
            Int8Dot.BEST.blockDots(query.head, heads, first * head, head, headDots);
            for (int other = first; other < Math.min(size, first + width); other++) {
                SemanticNeighbourLists.Row row = other == slot ? null : neighbours.row(other);
                if (row != null && bound(query, other, headDots[other - first]) >= row.threshold() - ROUNDING) {
                    neighbours.offer(other, slot, cosine(query, other, headDots[other - first]), cosines);
                }
            }
        }
        computeList(slot);
    }

    /** Under the write lock: computes again the lists a detach left too short. */
    private void refill(List<Integer> shortened) {
        for (int slot : shortened) {
            computeList(slot);
        }
    }

    /** Computes the list of the document in {@code slot} by one search (under either lock). */
    private void computeList(int slot) {
        long id = ids[slot];
        List<ScoredDocument> top = topKLocked(prepare(new Int8Vector(valuesOf(slot), scales[slot])),
                neighbours.capacity(), other -> other == id);
        neighbours.set(slot, top, top.stream().mapToInt(hit -> slots.get(hit.id())).toArray());
    }

    /** The exact cosine of two stored documents, bit for bit what a search from either computes. */
    private double exactCosine(int a, int b) {
        return cosineOf(prepare(new Int8Vector(valuesOf(a), scales[a])), b);
    }

    private double cosineOf(Query query, int slot) {
        int headDot = 0;
        for (int j = 0; j < head; j++) {
            headDot += query.head[j] * heads[headAt(slot, j)];
        }
        return cosine(query, slot, headDot);
    }

    public boolean contains(long id) {
        return lock.read(() -> slots.get(id) >= 0);
    }

    public int size() {
        return lock.read(() -> size);
    }

    public Optional<Int8Vector> vectorOf(long id) {
        return lock.read(() -> {
            int slot = slots.get(id);
            return slot < 0 ? Optional.empty() : Optional.of(new Int8Vector(valuesOf(slot), scales[slot]));
        });
    }

    /** The cosine of {@code query} and document {@code id}; empty when the document has no vector. */
    public OptionalDouble similarity(Int8Vector query, long id) {
        Query prepared = prepare(query);
        return lock.read(() -> {
            int slot = slots.get(id);
            return slot < 0 ? OptionalDouble.empty() : OptionalDouble.of(cosineOf(prepared, slot));
        });
    }

    /** The cosines of {@code query} and each of the documents (NaN for a document without a vector). */
    public double[] similarities(Int8Vector query, long[] documents) {
        Query prepared = prepare(query);
        return lock.read(() -> {
            double[] cosines = new double[documents.length];
            for (int i = 0; i < documents.length; i++) {
                int slot = slots.get(documents[i]);
                cosines[i] = slot < 0 ? Double.NaN : cosineOf(prepared, slot);
            }
            return cosines;
        });
    }

    /**
     * The k documents with the highest cosine to {@code query} (which may be negative), by score descending then id
     * ascending, skipping ids {@code exclude} accepts; it is asked only about documents that could enter the top k.
     */
    public List<ScoredDocument> topK(Int8Vector query, int k, LongPredicate exclude) {
        if (k < 1) {
            return List.of();
        }
        Query prepared = prepare(query);
        return lock.read(() -> topKLocked(prepared, k, exclude));
    }

    private List<ScoredDocument> topKLocked(Query query, int k, LongPredicate exclude) {
        RankedTopK top = new RankedTopK(k);
        scanLocked(query, () -> top.isFull() ? top.worstScore() : Double.NEGATIVE_INFINITY, (id, cosine) -> {
            if (top.accepts(id, cosine) && !exclude.test(id)) {
                top.offer(id, cosine);
            }
        });
        return top.toList();
    }

    /** Receives a document and its cosine with the query from {@link #scan}. */
    @FunctionalInterface
    public interface CosineVisitor {
        void accept(long id, double cosine);
    }

    /**
     * Gives {@code visitor} every document whose cosine with {@code query} reaches {@code minimum} (and some just
     * below it). The minimum may rise as the scan goes, so a visitor keeping a top k can raise it to its k-th score and
     * be shown fewer documents. One pass over the heads keeps the documents whose bound reaches the minimum
     * ({@link Deferred}); until the minimum is finite (a top k not yet full) they are visited as the pass meets them.
     */
    public void scan(Int8Vector query, DoubleSupplier minimum, CosineVisitor visitor) {
        Query prepared = prepare(query);
        lock.read(() -> {
            scanLocked(prepared, minimum, visitor);
            return null;
        });
    }

    private void scanLocked(Query prepared, DoubleSupplier minimum, CosineVisitor visitor) {
        int[] headDots = new int[width];
        Deferred deferred = new Deferred(prepared, minimum, visitor);
        double threshold = minimum.getAsDouble() - ROUNDING;
        for (int first = 0; first < size; first += width) {
            Int8Dot.BEST.blockDots(prepared.head, heads, first * head, head, headDots);
            long reaching = Int8Dot.BEST.reaching(headDots, scales, tailLengths, first, prepared.scale,
                    (float) prepared.tailLength, (float) threshold);
            if (size - first < width) {
                reaching &= (1L << (size - first)) - 1;
            }
            for (; reaching != 0; reaching &= reaching - 1) {
                int slot = first + Long.numberOfTrailingZeros(reaching);
                int headDot = headDots[slot - first];
                if (threshold == Double.NEGATIVE_INFINITY) {
                    visit(prepared, slot, headDot, threshold, visitor);
                } else if (deferred.add(slot, headDot)) {
                    continue;
                }
                threshold = minimum.getAsDouble() - ROUNDING;
            }
        }
        deferred.drain();
    }

    /**
     * Documents whose bound reached the minimum, kept to be read best bound first: the minimum rises fastest that
     * way, and once a bound is below it so are all the rest. Drained when full, so the minimum rises during the pass.
     */
    private final class Deferred {

        private static final int CAPACITY = 512;
        private final long[] byBound = new long[CAPACITY];
        private final int[] slots = new int[CAPACITY];
        private final int[] headDots = new int[CAPACITY];
        private final Query query;
        private final DoubleSupplier minimum;
        private final CosineVisitor visitor;
        private int count;

        Deferred(Query query, DoubleSupplier minimum, CosineVisitor visitor) {
            this.query = query;
            this.minimum = minimum;
            this.visitor = visitor;
        }

        /** Keeps a document; true while there is room, false when it was full and was drained. */
        boolean add(int slot, int headDot) {
            slots[count] = slot;
            headDots[count] = headDot;
            byBound[count] = sortable(bound(query, slot, headDot), count);
            if (++count < CAPACITY) {
                return true;
            }
            drain();
            return false;
        }

        void drain() {
            Arrays.sort(byBound, 0, count);
            for (int i = count - 1; i >= 0; i--) {
                double threshold = minimum.getAsDouble() - ROUNDING;
                if (boundOf(byBound[i]) < threshold) {
                    break;
                }
                int entry = (int) byBound[i];
                visit(query, slots[entry], headDots[entry], threshold, visitor);
            }
            count = 0;
        }
    }

    /**
     * Rocchio in embedding space: {@code α·mean(positives) − β·mean(negatives)}, normalised; ids without a vector are
     * ignored, and it is empty when no positive has one (or the result has no direction).
     */
    public Optional<Int8Vector> rocchio(long[] positives, long[] negatives, double alpha, double beta) {
        return lock.read(() -> {
            double[] sum = new double[dimensions];
            if (add(sum, positives, alpha) == 0) {
                return Optional.empty();
            }
            add(sum, negatives, -beta);
            double norm = Math.sqrt(Arrays.stream(sum).map(v -> v * v).sum());
            if (!(norm > 1e-9)) {
                return Optional.empty();
            }
            float[] unit = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                unit[i] = (float) (sum[i] / norm);
            }
            return Optional.of(Int8Vector.quantize(unit));
        });
    }

    /**
     * Weighted centroid in embedding space, {@code Σ wᵢ·vᵢ}, normalised, for ids aligned with positive
     * {@code weights}; ids without a vector are ignored, and it is empty when none has one.
     */
    public Optional<Int8Vector> weightedCentroid(long[] ids, double[] weights) {
        if (ids.length != weights.length) {
            throw new IllegalArgumentException("ids and weights differ in length");
        }
        return lock.read(() -> {
            double[] sum = new double[dimensions];
            boolean any = false;
            for (int k = 0; k < ids.length; k++) {
                int slot = slots.get(ids[k]);
                if (slot < 0 || !(weights[k] > 0)) {
                    continue;
                }
                any = true;
                byte[] values = valuesOf(slot);
                for (int i = 0; i < dimensions; i++) {
                    sum[i] += weights[k] * scales[slot] * values[i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(sum).map(v -> v * v).sum());
            if (!any || !(norm > 1e-9)) {
                return Optional.empty();
            }
            float[] unit = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                unit[i] = (float) (sum[i] / norm);
            }
            return Optional.of(Int8Vector.quantize(unit));
        });
    }

    /** The embedding cosine of documents {@code a} and {@code b}; empty when either has no vector. */
    public OptionalDouble similarity(long a, long b) {
        Optional<Int8Vector> first = vectorOf(a);
        Optional<Int8Vector> second = vectorOf(b);
        return first.isEmpty() || second.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(first.get().dot(second.get()));
    }

    /** Adds {@code factor · mean} of the vectors of {@code ids} to {@code sum}; returns how many had one. */
    private int add(double[] sum, long[] ids, double factor) {
        int[] found = Arrays.stream(ids).distinct().mapToInt(slots::get).filter(slot -> slot >= 0).toArray();
        for (int slot : found) {
            byte[] values = valuesOf(slot);
            for (int i = 0; i < dimensions; i++) {
                sum[i] += factor / found.length * scales[slot] * values[i];
            }
        }
        return found.length;
    }

    /** Heap held by the arrays and the id map. */
    public long approximateBytes() {
        return lock.read(() -> (long) ids.length * (Long.BYTES + 3 * Float.BYTES + dimensions)
                + slots.approximateBytes() + neighbours.approximateBytes());
    }

    /** A query's head, tail and the tail's rest widened to shorts, its scale and the lengths of tail and rest. */
    private record Query(short[] head, short[] tail, short[] rest, float scale, double tailLength, double restLength) {
    }

    private Query prepare(Int8Vector query) {
        if (query.dimensions() != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.dimensions());
        }
        byte[] values = query.values();
        short[] widened = Int8Dot.widen(values);
        return new Query(Arrays.copyOf(widened, head), Arrays.copyOfRange(widened, head, dimensions),
                Arrays.copyOfRange(widened, head + middle, dimensions), query.scale(),
                query.scale() * length(values, head), query.scale() * length(values, head + middle));
    }

    /** The cosine with the document in {@code slot}, given the dot product of the heads. */
    private double cosine(Query query, int slot, int headDot) {
        int dot = headDot + Int8Dot.BEST.dot(query.tail, tails, slot * tail, tail);
        return (double) query.scale * scales[slot] * dot;
    }

    /** The head dot product plus the tails' lengths: no cosine of the document in {@code slot} is higher. */
    private float bound(Query query, int slot, int headDot) {
        return (float) ((double) query.scale * scales[slot] * headDot + query.tailLength * tailLengths[slot]);
    }

    /** Visits the document in {@code slot} if its cosine reaches {@code threshold}, reading its rest only if need be. */
    private void visit(Query query, int slot, int headDot, double threshold, CosineVisitor visitor) {
        double scale = (double) query.scale * scales[slot];
        int dot = headDot + Int8Dot.BEST.dot(query.tail, tails, slot * tail, middle);
        if (scale * dot + query.restLength * restLengths[slot] >= threshold) {
            dot += Int8Dot.BEST.dot(query.rest, tails, slot * tail + middle, tail - middle);
            double cosine = scale * dot;
            if (cosine >= threshold) {
                visitor.accept(ids[slot], cosine);
            }
        }
    }

    /** A deferred document as one sortable long: its bound in the high half (order-kept bits), its entry below. */
    private static long sortable(float bound, int entry) {
        int bits = Float.floatToIntBits(bound);
        return ((long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32) | entry;
    }

    private static float boundOf(long deferred) {
        int bits = (int) (deferred >> 32);
        return Float.intBitsToFloat(bits ^ ((bits >> 31) & 0x7fffffff));
    }

    private void store(int slot, byte[] values, float scale) {
        for (int j = 0; j < head; j++) {
            heads[headAt(slot, j)] = values[j];
        }
        System.arraycopy(values, head, tails, slot * tail, tail);
        scales[slot] = scale;
        tailLengths[slot] = (float) (scale * length(values, head));
        restLengths[slot] = (float) (scale * length(values, head + middle));
    }

    private byte[] valuesOf(int slot) {
        byte[] values = new byte[dimensions];
        for (int j = 0; j < head; j++) {
            values[j] = heads[headAt(slot, j)];
        }
        System.arraycopy(tails, slot * tail, values, head, tail);
        return values;
    }

    /** Where dimension {@code j} of the document in {@code slot} sits among the heads. */
    private int headAt(int slot, int j) {
        return (slot - slot % width) * head + j * width + slot % width;
    }

    /** The length of {@code values} from {@code from} on. */
    private static double length(byte[] values, int from) {
        long sum = 0;
        for (int i = from; i < values.length; i++) {
            sum += values[i] * values[i];
        }
        return Math.sqrt(sum);
    }

    private int wholeBlocks(int documents) {
        return (documents + width - 1) / width * width;
    }

    private void allocate(int capacity) {
        neighbours.grow(capacity);
        ids = ids == null ? new long[capacity] : Arrays.copyOf(ids, capacity);
        scales = scales == null ? new float[capacity] : Arrays.copyOf(scales, capacity);
        tailLengths = tailLengths == null ? new float[capacity] : Arrays.copyOf(tailLengths, capacity);
        restLengths = restLengths == null ? new float[capacity] : Arrays.copyOf(restLengths, capacity);
        heads = heads == null ? new byte[capacity * head] : Arrays.copyOf(heads, capacity * head);
        tails = tails == null ? new byte[capacity * tail] : Arrays.copyOf(tails, capacity * tail);
    }
}
