package dev.readnext.recommend.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongPredicate;

/**
 * In-memory sentence embeddings of documents, int8 ({@link Int8Vector}), with exact top-k by dot product (the cosine of
 * unit vectors). Vectors sit in one flat byte array, scales and ids in primitive arrays beside it, so a query is one
 * sequential scan of {@code documents × dimensions} bytes ({@link Int8Dot}); a removal moves the last document into
 * the hole, keeping the arrays dense.
 *
 * <p>Thread safety as {@link TfIdfIndex}: concurrent readers share a read lock, a put or removal takes the write lock
 * for a copy of one vector.
 */
public final class SemanticIndex {

    private final int dimensions;
    private final GuardedLock lock = new GuardedLock();
    private final LongIntMap slots;
    private long[] ids;
    private float[] scales;
    private byte[] vectors;
    private int size;

    public SemanticIndex(int dimensions, int expectedDocuments) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        this.dimensions = dimensions;
        int capacity = Math.max(16, expectedDocuments);
        slots = new LongIntMap(capacity);
        ids = new long[capacity];
        scales = new float[capacity];
        vectors = new byte[capacity * dimensions];
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
            if (slot < 0) {
                if (size == ids.length) {
                    grow();
                }
                slot = size++;
                slots.put(id, slot);
                ids[slot] = id;
            }
            scales[slot] = vector.scale();
            System.arraycopy(vector.values(), 0, vectors, slot * dimensions, dimensions);
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
            int last = --size;
            if (slot != last) {
                ids[slot] = ids[last];
                scales[slot] = scales[last];
                System.arraycopy(vectors, last * dimensions, vectors, slot * dimensions, dimensions);
                slots.put(ids[slot], slot);
            }
            slots.remove(id);
            return true;
        });
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
            return slot < 0 ? Optional.empty() : Optional.of(new Int8Vector(
                    Arrays.copyOfRange(vectors, slot * dimensions, (slot + 1) * dimensions), scales[slot]));
        });
    }

    /** The cosine of {@code query} and document {@code id}; empty when the document has no vector. */
    public OptionalDouble similarity(Int8Vector query, long id) {
        return lock.read(() -> {
            int slot = slots.get(id);
            return slot < 0 ? OptionalDouble.empty() : OptionalDouble.of(score(Int8Dot.widen(query.values()), query.scale(), slot));
        });
    }

    /**
     * The k documents with the highest cosine to {@code query} (which may be negative), by score descending then id
     * ascending, skipping ids {@code exclude} accepts; it is asked only about documents that could enter the top k.
     */
    public List<ScoredDocument> topK(Int8Vector query, int k, LongPredicate exclude) {
        if (query.dimensions() != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.dimensions());
        }
        if (k < 1) {
            return List.of();
        }
        return lock.read(() -> {
            RankedTopK top = new RankedTopK(Math.max(1, Math.min(k, size)));
            short[] widened = Int8Dot.widen(query.values());
            for (int slot = 0; slot < size; slot++) {
                double score = score(widened, query.scale(), slot);
                long id = ids[slot];
                if (top.accepts(id, score) && !exclude.test(id)) {
                    top.offer(id, score);
                }
            }
            return top.toList();
        });
    }

    /** The cosine of a query with every document, by position: {@code scores[i]} is that of {@code ids[i]}, i < size. */
    public record AllScores(long[] ids, double[] scores, int size) {
    }

    /**
     * The cosine of {@code query} with every document, in one sequential scan; the arrays are this thread's own and
     * valid until its next call (a query allocates nothing).
     */
    public AllScores scoreAll(Int8Vector query) {
        if (query.dimensions() != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.dimensions());
        }
        return lock.read(() -> {
            AllScores scratch = SCRATCH.get();
            if (scratch.ids.length < size) {
                scratch = new AllScores(new long[ids.length], new double[ids.length], 0);
            }
            short[] widened = Int8Dot.widen(query.values());
            double[] scores = scratch.scores;
            for (int slot = 0; slot < size; slot++) {
                scores[slot] = score(widened, query.scale(), slot);
            }
            System.arraycopy(ids, 0, scratch.ids, 0, size);
            AllScores result = new AllScores(scratch.ids, scores, size);
            SCRATCH.set(result);
            return result;
        });
    }

    private static final ThreadLocal<AllScores> SCRATCH =
            ThreadLocal.withInitial(() -> new AllScores(new long[0], new double[0], 0));

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

    /** Adds {@code factor · mean} of the vectors of {@code ids} to {@code sum}; returns how many had one. */
    private int add(double[] sum, long[] ids, double factor) {
        int[] found = Arrays.stream(ids).distinct().mapToInt(slots::get).filter(slot -> slot >= 0).toArray();
        for (int slot : found) {
            for (int i = 0; i < dimensions; i++) {
                sum[i] += factor / found.length * scales[slot] * vectors[slot * dimensions + i];
            }
        }
        return found.length;
    }

    /** Heap held by the arrays and the id map. */
    public long approximateBytes() {
        return lock.read(() -> (long) ids.length * (Long.BYTES + Float.BYTES + dimensions) + slots.approximateBytes());
    }

    private double score(short[] query, float queryScale, int slot) {
        return (double) queryScale * scales[slot] * Int8Dot.BEST.dot(query, vectors, slot * dimensions, dimensions);
    }

    private void grow() {
        int capacity = ids.length + (ids.length >> 1);
        ids = Arrays.copyOf(ids, capacity);
        scales = Arrays.copyOf(scales, capacity);
        vectors = Arrays.copyOf(vectors, capacity * dimensions);
    }
}
