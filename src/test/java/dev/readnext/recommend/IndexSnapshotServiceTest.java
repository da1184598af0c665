package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.DatabaseState;
import dev.readnext.recommend.engine.TermStatistics;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The replica that built its index from the texts saved a snapshot; a snapshot read back and weighed with the same
 * statistics scores every paper as the running index; an older snapshot never replaces a newer one.
 */
@QuarkusTest
class IndexSnapshotServiceTest {

    @Inject
    RecommendationIndex index;

    @Inject
    IndexSnapshots snapshots;

    @Inject
    PaperTexts texts;

    @Inject
    DataSource db;

    @Test
    void aSnapshotReadBackScoresEveryPaperAsTheRunningIndex() throws Exception {
        await();
        TfIdfIndex running = index.require();
        TermStatistics statistics = running.weighting().orElse(null);
        PaperTexts.LogPosition position = texts.logPosition(IndexSync.LOOK_BACK);
        assertTrue(snapshots.save(running, position));

        IndexSnapshots.Loaded loaded = snapshots.load(RecommendationIndex.SETTINGS, statistics).orElseThrow();
        assertEquals(position, loaded.position());
        TfIdfIndex read = loaded.index();
        assertEquals(running.stats().documents(), read.stats().documents());
        for (long id : paperIds()) {
            assertEquals(running.related(id, 10, other -> false), read.related(id, 10, other -> false),
                    "related to " + id);
        }
        assertEquals(1, DatabaseState.count(db, "SELECT count(*) FROM index_snapshot"), "only the newest is kept");
    }

    @Test
    void onceTheNeighbourListsAreBuiltTheSnapshotCarriesThem() throws Exception {
        await();
        TfIdfIndex running = index.require();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (running.neighboursWeighting().isEmpty() || !snapshots.latest().orElseThrow().neighboursWeighting()
                .equals(running.neighboursWeighting())) {
            assertTrue(Instant.now().isBefore(deadline), "no snapshot with the neighbour lists after 30 s");
            Thread.sleep(50);
        }
        TermStatistics statistics = running.weighting().orElseThrow();
        assertEquals(running.neighboursWeighting().getAsLong(), statistics.fingerprint());

        TfIdfIndex read = snapshots.load(RecommendationIndex.SETTINGS, statistics).orElseThrow().index();
        assertTrue(read.neighboursReady(), "read with the lists' weighting, the lists come with the snapshot");
        for (long id : paperIds()) {
            assertEquals(running.neighbours(id, 10, other -> false), read.neighbours(id, 10, other -> false),
                    "neighbours of " + id);
        }
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() throws Exception {
        await();
        PaperTexts.LogPosition newest = snapshots.latest().map(IndexSnapshots.Saved::position).orElseThrow();
        assertFalse(snapshots.save(index.require(), new PaperTexts.LogPosition(newest.seq() - 1, Set.of())));
        assertEquals(newest, snapshots.latest().map(IndexSnapshots.Saved::position).orElseThrow());
    }

    private List<Long> paperIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        texts.withAll(documents -> {
            documents.forEach(document -> ids.add(document.id()));
            return null;
        });
        return ids;
    }

    /** Until the index is built, its snapshot saved and no re-weighting is on its way. */
    private void await() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!index.isReady() || !index.weightingSettled() || snapshots.latest().map(IndexSnapshots.Saved::position).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "no index snapshot after 30 s");
            Thread.sleep(50);
        }
    }
}
