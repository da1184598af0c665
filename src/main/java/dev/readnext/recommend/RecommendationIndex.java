package dev.readnext.recommend;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.readnext.ReadnextConfig;
import dev.readnext.api.ApiException;
import dev.readnext.paper.PaperChanged;
import dev.readnext.recommend.embedding.EmbeddingSync;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.IndexStats;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * This replica's TF-IDF index of every paper. Built from PostgreSQL in the background after start (after the seed
 * import; readiness stays down until it is built), updated at once with the paper changes committed here and, through
 * {@link IndexSync}, with those committed by any replica (including changes made while the build was reading). The
 * structure in memory ({@link StructureSignals}) is read with it, after the log position, so the sync brings both.
 */
@ApplicationScoped
public class RecommendationIndex {

    /** Every replica weighs with published statistics; none re-weighs on its own (see {@link IndexWeightings}). */
    static final IndexSettings SETTINGS = IndexSettings.DEFAULT.withoutAutomaticReweighting();
    /** Changes since the weighting in use, as a fraction of the documents, past which new counts are published. */
    static final double DRIFT = 0.02;
    /** Changes past a snapshot that a start catches up with; with more, it builds from the texts. */
    static final long MAX_CATCH_UP = 1_000;
    /** Changes after which a replica saves a newer snapshot (unless another replica just did): a start catches up with fewer. */
    static final long SNAPSHOT_EVERY = MAX_CATCH_UP / 4;

    @Inject
    PaperTexts texts;

    @Inject
    MeterRegistry metrics;

    @Inject
    IndexSync sync;

    @Inject
    StructureSignals structure;

    @Inject
    ReadnextConfig config;

    @Inject
    EmbeddingSync embeddings;

    @Inject
    IndexWeightings weightings;

    @Inject
    IndexSnapshots snapshots;

    private volatile TfIdfIndex index;
    private volatile Instant builtAt;
    /** The published weighting the index is weighed with; 0 before the first is published. */
    private volatile long weightingId;
    /** A weighting this replica published and has not re-weighed with yet; 0 for none. */
    private volatile long publishedId;
    private final AtomicBoolean publishing = new AtomicBoolean();
    private final AtomicLong changesSinceSnapshot = new AtomicLong();

    /** Runs after the seed import (which observes StartupEvent with the default priority). */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (!config.index().enabled()) {
            Log.info("Recommendation index disabled (readnext.index.enabled=false)");
            return;
        }
        Thread builder = new Thread(this::build, "recommendation-index-build");
        builder.setDaemon(true);
        builder.start();
        Gauge.builder("readnext.index.documents", this, i -> i.statsOrEmpty().documents()).register(metrics);
        Gauge.builder("readnext.index.postings", this, i -> i.statsOrEmpty().postings()).register(metrics);
        Gauge.builder("readnext.index.bytes", this, i -> i.statsOrEmpty().approximateBytes()).register(metrics);
        Gauge.builder("readnext.index.neighbours.ready", this, i -> i.index != null && i.index.neighboursReady() ? 1 : 0)
                .description("1 once every paper's neighbour list of the current weighting is computed (related"
                        + " papers are then a look-up; before, a live query)").register(metrics);
        Gauge.builder("readnext.index.age.seconds", this,
                i -> i.builtAt == null ? Double.NaN : Duration.between(i.builtAt, Instant.now()).toSeconds())
                .register(metrics);
    }

    void build() {
        try {
            Instant started = Instant.now();
            // the structure is read beside the index, on the other core; after this position, so the sync brings
            // what either misses
            PaperTexts.LogPosition position = texts.logPosition(IndexSync.LOOK_BACK);
            CompletableFuture<Void> structureRead = CompletableFuture.runAsync(this::readStructure,
                    task -> new Thread(task, "structure-read").start()); // not the common pool: the build uses it
            Optional<IndexSnapshots.Loaded> snapshot = Optional.empty();
            try {
                snapshot = fromSnapshot();
            } catch (SQLException | IOException | RuntimeException e) {
                Log.warn("The index snapshot could not be read; building from the texts instead", e);
            }
            if (snapshot.isPresent()) {
                TfIdfIndex loaded = snapshot.get().index();
                structureRead.join();
                index = loaded;
                sync.start(snapshot.get().position());
                builtAt = Instant.now();
                Log.infof("Recommendation index loaded from snapshot: %s in %d ms (neighbour lists %s)",
                        index.stats(), Duration.between(started, builtAt).toMillis(),
                        loaded.neighboursReady() ? "loaded" : "to be computed");
            } else {
                TfIdfIndex built = load();
                structureRead.join();
                index = built;
                sync.start(position);
                builtAt = Instant.now();
                Log.infof("Recommendation index built: %s in %d ms", index.stats(),
                        Duration.between(started, builtAt).toMillis());
                saveSnapshot(index, () -> position, false);
            }
            saveSnapshotWhenListsAreBuilt(index);
            if (weightingId == 0) {
                publish(); // the first replica of a new database: its counts become everyone's
            }
        } catch (SQLException | RuntimeException e) {
            Log.error("Building the recommendation index failed; readiness stays down", e);
        }
    }

    private void readStructure() {
        try {
            structure.load();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the structure failed", e);
        }
    }

    /**
     * The newest snapshot, weighed with the newest published statistics, unless there is none or the log has moved
     * too far since (a rebuild, or more than {@link #MAX_CATCH_UP} changes, each applied with a query): then building
     * from the texts is quicker.
     */
    private Optional<IndexSnapshots.Loaded> fromSnapshot() throws SQLException, IOException {
        Optional<PaperTexts.LogPosition> at = snapshots.latest().map(IndexSnapshots.Saved::position);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        long behind = texts.changesSince(at.get().seq());
        if (behind < 0 || behind > MAX_CATCH_UP) {
            Log.infof("Index snapshot skipped: %s", behind < 0 ? "a rebuild was logged since" : behind + " changes since");
            return Optional.empty();
        }
        Optional<IndexWeightings.Weighting> shared = weightings.latest();
        Optional<IndexSnapshots.Loaded> loaded = snapshots.load(SETTINGS,
                shared.map(IndexWeightings.Weighting::statistics).orElse(null));
        weightingId = shared.map(IndexWeightings.Weighting::id).orElse(0L);
        return loaded;
    }

    /**
     * Once the index's neighbour lists are built (after the build, and after each re-weighting), saves a snapshot
     * with them, so that the next start need not compute them.
     */
    private void saveSnapshotWhenListsAreBuilt(TfIdfIndex built) {
        built.whenNeighboursBuilt(() -> {
            if (index == built) {
                saveSnapshot(built, sync::position, true);
            }
        });
    }

    /**
     * Saves a snapshot of the index as of {@code position} in the background (readiness does not wait for it).
     * With {@code unlessCurrent}, only when the index's lists are built and the newest snapshot lacks them or is
     * {@link #SNAPSHOT_EVERY} changes behind: replicas that computed the same lists save them once.
     */
    private void saveSnapshot(TfIdfIndex built, Supplier<PaperTexts.LogPosition> position, boolean unlessCurrent) {
        Thread saver = new Thread(() -> {
            try {
                Instant started = Instant.now();
                PaperTexts.LogPosition at = position.get();
                changesSinceSnapshot.set(0);
                if (unlessCurrent && snapshots.latest().filter(saved -> holdsListsOf(saved, built, at)).isPresent()) {
                    return;
                }
                if (snapshots.save(built, at)) {
                    Log.infof("Index snapshot saved in %d ms (neighbour lists %s)",
                            Duration.between(started, Instant.now()).toMillis(),
                            built.neighboursWeighting().isPresent() ? "included" : "not built yet");
                }
            } catch (SQLException | IOException | RuntimeException e) {
                Log.warn("Saving an index snapshot failed; the next start builds from the texts", e);
            }
        }, "index-snapshot-save");
        saver.setDaemon(true);
        saver.start();
    }

    /** Whether a saved snapshot already holds the index's lists, and is at most {@link #SNAPSHOT_EVERY} behind. */
    private static boolean holdsListsOf(IndexSnapshots.Saved saved, TfIdfIndex built, PaperTexts.LogPosition at) {
        OptionalLong lists = built.neighboursWeighting();
        return lists.isEmpty() || lists.equals(saved.neighboursWeighting())
                && at.seq() - saved.position().seq() < SNAPSHOT_EVERY;
    }

    /**
     * Replaces the index (and the structure) with one built afresh from the database, after a bulk import; the old index serves until the
     * new one is swapped in. Runs on the sync thread, so no change from the log is applied meanwhile, and those
     * committed after the build read are applied to the new index by the next catch-up.
     */
    void rebuild() {
        try {
            Instant started = Instant.now();
            PaperTexts.LogPosition position = texts.logPosition(IndexSync.LOOK_BACK);
            structure.load();
            TfIdfIndex fresh = load();
            index = fresh;
            builtAt = Instant.now();
            Log.infof("Recommendation index rebuilt: %s in %d ms", fresh.stats(),
                    Duration.between(started, builtAt).toMillis());
            publish(); // a bulk write changed the counts a lot: one replica publishes new ones for all
            saveSnapshot(fresh, () -> position, false);
            saveSnapshotWhenListsAreBuilt(fresh);
        } catch (SQLException | RuntimeException e) {
            Log.error("Rebuilding the recommendation index failed; the previous index keeps serving", e);
        }
    }

    /** Builds from the database, weighed with the newest published weighting (its own counts when none). */
    private TfIdfIndex load() throws SQLException {
        Optional<IndexWeightings.Weighting> shared = weightings.latest();
        TfIdfIndex built = texts.withAll(documents -> TfIdfIndex.build(documents, SETTINGS,
                shared.map(IndexWeightings.Weighting::statistics).orElse(null)));
        weightingId = shared.map(IndexWeightings.Weighting::id).orElse(0L);
        return built;
    }

    /**
     * Re-weighs the index with published weighting {@code id} unless it already uses it or a newer one; called by
     * {@link IndexSync} when the change log reaches its marker, on every replica at the same place in the log.
     */
    void reweighTo(long id) {
        TfIdfIndex current = index;
        if (current == null || id <= weightingId) {
            return;
        }
        try {
            Optional<IndexWeightings.Weighting> weighting = weightings.byId(id);
            if (weighting.isPresent()) {
                Instant started = Instant.now();
                current.reweigh(weighting.get().statistics());
                weightingId = id;
                Log.infof("Recommendation index re-weighed with published weighting %d (%s) in %d ms", id,
                        weighting.get().statistics(), Duration.between(started, Instant.now()).toMillis());
            }
        } catch (SQLException | RuntimeException e) {
            Log.errorf(e, "Re-weighing with published weighting %d failed; the index keeps weighting %d", id,
                    weightingId);
        }
    }

    /**
     * Publishes this replica's live counts for every replica once they drifted from the weighting in use by more
     * than {@link #DRIFT} of the documents, unless this replica's last publication is still on its way or another
     * replica published first.
     */
    private void publishIfDrifted(TfIdfIndex current) {
        if (publishedId <= weightingId && current.driftedPast(DRIFT) && publishing.compareAndSet(false, true)) {
            Thread publisher = new Thread(() -> {
                try {
                    publish();
                } finally {
                    publishing.set(false);
                }
            }, "index-weighting-publish");
            publisher.setDaemon(true);
            publisher.start();
        }
    }

    /** No publication of this replica's is under way or on its way back through the log (for tests). */
    boolean weightingSettled() {
        return !publishing.get() && publishedId <= weightingId;
    }

    private void publish() {
        TfIdfIndex current = index;
        try {
            Optional<Long> id = weightings.publish(weightingId, current.statistics());
            id.ifPresent(published -> {
                publishedId = published;
                Log.infof("Published index weighting %d", published);
            });
        } catch (SQLException | RuntimeException e) {
            Log.error("Publishing the index weighting failed; the next change tries again", e);
        }
    }

    /** This replica's own changes apply at once; before the build is done, the sync catches them up. */
    void onPaperChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaperChanged change) {
        if (index != null) {
            apply(change.paperId());
        }
    }

    /**
     * Brings one paper's entry in line with the database (upsert, or remove when the paper is gone), and its embedding
     * with its row: read after the change, so an embedding of the new text that arrived before is kept.
     */
    public void apply(long paperId) {
        try {
            apply(paperId, texts.byId(paperId));
        } catch (SQLException e) {
            Log.errorf(e, "Could not refresh paper %d in the recommendation index", paperId);
        }
    }

    /**
     * {@link #apply(long)} for the papers of a catch-up: their texts read in one query, then each paper applied in
     * turn and reported to {@code applied} at once, so that the first need not wait for the last.
     */
    void apply(List<Long> paperIds, LongConsumer applied) {
        if (paperIds.isEmpty()) {
            return;
        }
        try {
            Map<Long, DocumentText> read = texts.byIds(paperIds);
            for (long paperId : paperIds) {
                apply(paperId, Optional.ofNullable(read.get(paperId)));
                applied.accept(paperId);
            }
        } catch (SQLException e) {
            Log.errorf(e, "Could not refresh %d papers in the recommendation index", paperIds.size());
        }
    }

    private void apply(long paperId, Optional<DocumentText> text) throws SQLException {
        TfIdfIndex current = index;
        if (text.isPresent()) {
            current.upsert(text.get());
        } else {
            current.remove(paperId);
        }
        publishIfDrifted(current);
        if (changesSinceSnapshot.incrementAndGet() == SNAPSHOT_EVERY) {
            saveSnapshot(current, sync::position, true);
        }
        if (embeddings.enabled()) {
            embeddings.refresh(paperId);
        }
    }

    public boolean isReady() {
        return index != null;
    }

    /** The index, or a retryable error while it is still being built. */
    public TfIdfIndex require() {
        TfIdfIndex current = index;
        if (current == null) {
            throw ApiException.retryable("The recommendation index is still being built; try again shortly");
        }
        return current;
    }

    public IndexStats statsOrEmpty() {
        TfIdfIndex current = index;
        return current == null ? new IndexStats(0, 0, 0, 0, 0, 0) : current.stats();
    }

    public Optional<Instant> builtAt() {
        return Optional.ofNullable(builtAt);
    }
}
