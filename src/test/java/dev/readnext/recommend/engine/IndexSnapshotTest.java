package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A snapshot read back is the index that wrote it: with the same statistics every query gives the same ids and
 * scores, before and after more writes to both.
 */
class IndexSnapshotTest {

    private static final IndexSettings MANUAL = IndexSettings.DEFAULT.withoutAutomaticReweighting();

    @Test
    void aSnapshotReadBackScoresExactlyAsTheIndexThatWroteIt() throws IOException {
        for (int trial = 0; trial < 20; trial++) {
            Random random = new Random(trial);
            int size = 10 + random.nextInt(150);
            TfIdfIndex written = TfIdfIndex.build(IntStream.rangeClosed(1, size)
                    .mapToObj(id -> document(random, id)), MANUAL);
            for (int step = 0; step < 20; step++) { // removed documents and new terms are in the snapshot too
                if (random.nextBoolean()) {
                    written.remove(1 + random.nextInt(size));
                } else {
                    written.upsert(document(random, 1 + random.nextInt(size + 10)));
                }
            }
            TermStatistics statistics = written.statistics();
            written.reweigh(statistics);

            TfIdfIndex read = read(snapshot(written), statistics);
            assertEquals(written.stats().documents(), read.stats().documents());
            assertSameAnswers(written, read, size + 10);

            DocumentText later = document(random, size + 100);
            written.upsert(later);
            read.upsert(later);
            written.remove(2);
            read.remove(2);
            assertSameAnswers(written, read, size + 100);
        }
    }

    @Test
    void aSnapshotCarriesTheNeighbourListsOfItsWeighting() throws Exception {
        for (int trial = 0; trial < 10; trial++) {
            Random random = new Random(100 + trial);
            int size = 20 + random.nextInt(200);
            IndexSettings settings = MANUAL.withNeighbours(1 + random.nextInt(6), random.nextInt(4));
            TfIdfIndex written = TfIdfIndex.build(IntStream.rangeClosed(1, size)
                    .mapToObj(id -> document(random, id)), settings);
            TermStatistics statistics = written.statistics();
            written.reweigh(statistics);
            assertTrue(written.awaitNeighbours(60_000));
            for (int step = 0; step < 20; step++) { // lists maintained by writes are written as they stand
                if (random.nextBoolean()) {
                    written.remove(1 + random.nextInt(size));
                } else {
                    written.upsert(document(random, 1 + random.nextInt(size + 10)));
                }
            }
            TfIdfIndex.Snapshot snapshot = written.snapshot();
            assertEquals(OptionalLong.of(statistics.fingerprint()), snapshot.neighboursWeighting());

            TfIdfIndex read = TfIdfIndex.readSnapshot(new ByteArrayInputStream(bytes(snapshot)), settings, statistics);
            assertTrue(read.neighboursReady(), "the lists come with the snapshot");
            assertSameLists(written, read, size + 10);

            DocumentText later = document(random, size + 100); // and are maintained alike from there
            written.upsert(later);
            read.upsert(later);
            written.remove(3);
            read.remove(3);
            assertSameLists(written, read, size + 100);
        }
    }

    @Test
    void listsOfAnotherWeightingAreComputedAgain() throws Exception {
        Random random = new Random(7);
        IndexSettings settings = MANUAL.withNeighbours(4, 2);
        TfIdfIndex written = TfIdfIndex.build(IntStream.rangeClosed(1, 120).mapToObj(id -> document(random, id)),
                settings);
        TermStatistics first = written.statistics();
        written.reweigh(first);
        assertTrue(written.awaitNeighbours(60_000));
        written.upsert(document(random, 500)); // the live counts move on: new statistics
        TermStatistics other = written.statistics();
        assertNotEquals(first.fingerprint(), other.fingerprint());
        byte[] snapshot = bytes(written.snapshot());

        TfIdfIndex read = TfIdfIndex.readSnapshot(new ByteArrayInputStream(snapshot), settings, other);
        assertTrue(read.awaitNeighbours(60_000));
        written.reweigh(other);
        assertTrue(written.awaitNeighbours(60_000));
        assertSameLists(written, read, 500);
    }

    @Test
    void listsWithoutSharedStatisticsAreNotWritten() throws Exception {
        Random random = new Random(9);
        TfIdfIndex index = TfIdfIndex.build(IntStream.rangeClosed(1, 50).mapToObj(id -> document(random, id)),
                MANUAL.withNeighbours(3, 1));
        assertTrue(index.awaitNeighbours(60_000));
        assertEquals(OptionalLong.empty(), index.snapshot().neighboursWeighting(), "weighed with its own counts");
    }

    @Test
    void aDamagedSnapshotIsRefused() throws IOException {
        TfIdfIndex index = TfIdfIndex.build(List.of(new DocumentText(1, "rotary attention", null, null),
                new DocumentText(2, "rotary embedding", null, null)).stream(), MANUAL);
        byte[] bytes = snapshot(index);
        bytes[3] = 9; // the format
        assertThrows(IOException.class, () -> read(bytes, null));
        byte[] cut = java.util.Arrays.copyOf(snapshot(index), 20);
        assertThrows(IOException.class, () -> read(cut, null));
    }

    @Test
    void aSnapshotCutInItsListsIsRefused() throws Exception {
        Random random = new Random(11);
        TfIdfIndex index = TfIdfIndex.build(IntStream.rangeClosed(1, 40).mapToObj(id -> document(random, id)),
                MANUAL);
        TermStatistics statistics = index.statistics();
        index.reweigh(statistics);
        assertTrue(index.awaitNeighbours(60_000));
        byte[] whole = snapshot(index);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5);
        assertThrows(IOException.class, () -> read(cut, statistics));
    }

    private static void assertSameLists(TfIdfIndex a, TfIdfIndex b, int maxId) {
        for (long id = 1; id <= maxId; id++) {
            assertEquals(a.neighbourList(id), b.neighbourList(id), "list of " + id);
            assertEquals(a.related(id, 5, other -> other % 3 == 0), b.related(id, 5, other -> other % 3 == 0));
        }
    }

    private static byte[] bytes(TfIdfIndex.Snapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        snapshot.writeTo(out);
        return out.toByteArray();
    }

    private static void assertSameAnswers(TfIdfIndex a, TfIdfIndex b, int maxId) {
        for (long id = 1; id <= maxId; id++) {
            assertEquals(a.related(id, 10, other -> false), b.related(id, 10, other -> false), "related to " + id);
        }
        assertEquals(a.topK(a.queryFor("w1x w2x w3x"), 10, id -> false), b.topK(b.queryFor("w1x w2x w3x"), 10,
                id -> false));
    }

    private static byte[] snapshot(TfIdfIndex index) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.snapshot().writeTo(out);
        return out.toByteArray();
    }

    private static TfIdfIndex read(byte[] snapshot, TermStatistics statistics) throws IOException {
        return TfIdfIndex.readSnapshot(new ByteArrayInputStream(snapshot), MANUAL, statistics);
    }

    private static DocumentText document(Random random, long id) {
        return new DocumentText(id, text(random, 5), random.nextBoolean() ? null : text(random, 8), text(random, 20));
    }

    private static String text(Random random, int maxWords) {
        return IntStream.range(0, 1 + random.nextInt(maxWords))
                .mapToObj(i -> "w" + (int) (60 * Math.pow(random.nextDouble(), 2)) + "x")
                .collect(Collectors.joining(" "));
    }
}
