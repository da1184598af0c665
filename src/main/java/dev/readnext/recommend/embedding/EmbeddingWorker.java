package dev.readnext.recommend.embedding;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.readnext.ReadnextConfig;
import dev.readnext.paper.PaperChanged;
import dev.readnext.persistence.DedicatedConnections;
import dev.readnext.recommend.embedding.EmbeddingStore.Embedded;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.Int8Vector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import org.jboss.logging.Logger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Embeds papers in the background, after their changes are committed (never inside an import's transaction): papers
 * without an embedding of the current model, a batch at a time, in id order, on one daemon thread of its own.
 *
 * <p>Every replica loads the model (questions are embedded where they are asked), but only one embeds papers at a
 * time: the one whose connection holds a session advisory lock; the others try again every few seconds, and take
 * over when the holder's connection, and with it the lock, goes away. When nothing is pending the worker sleeps,
 * woken early by this replica's paper changes (another replica's are embedded by that replica, or by the lock holder
 * within {@link #IDLE}).
 */
@ApplicationScoped
public class EmbeddingWorker {

    static final int BATCH = 32;
    static final Duration IDLE = Duration.ofSeconds(5);
    static final Duration LOCK_RETRY = Duration.ofSeconds(5);
    static final Duration COUNT_EVERY = Duration.ofSeconds(5);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    private static final String NAME = "readnext-embedding-worker";

    @Inject
    PaperEmbeddings embeddings;

    @Inject
    EmbeddingStore store;

    @Inject
    DedicatedConnections connections;

    @Inject
    ReadnextConfig config;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    /** Papers whose embedding failed: not tried again while this process runs. Worker thread only. */
    private final Set<Long> failed = new HashSet<>();
    private volatile boolean running;
    private volatile Connection connection;
    private volatile long pending = -1;
    private long countedAt;
    private Counter computed;
    private Timer embedTime;

    /** After the recommendation index build has started (priority 3000), so that the build reads first. */
    void onStart(@Observes @Priority(3100) StartupEvent event) {
        if (!embeddings.enabled() || !config.index().enabled()) {
            return;
        }
        Gauge.builder("readnext.embeddings.pending", this, w -> w.pending < 0 ? Double.NaN : w.pending)
                .description("Papers without an embedding of the current model").register(metrics);
        Gauge.builder("readnext.embeddings.indexed", embeddings, e -> e.semanticIndex().size())
                .description("Papers in this replica's semantic index").register(metrics);
        Gauge.builder("readnext.embeddings.neighbours.ready", embeddings,
                e -> e.semanticIndex().neighboursReady() ? 1 : 0)
                .description("1 once every embedded paper's embedding neighbour list is computed (hybrid related"
                        + " papers are then look-ups when the lists prove them; before, a scan)").register(metrics);
        computed = Counter.builder("readnext.embeddings.computed").description("Paper embeddings computed here")
                .register(metrics);
        embedTime = Timer.builder("readnext.embeddings.embed").description("Time to embed one paper's text")
                .register(metrics);
        running = true;
        Thread worker = new Thread(this::run, NAME);
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
        DedicatedConnections.closeQuietly(connection);
    }

    void onPaperChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaperChanged change) {
        wakeUps.release();
    }

    /** Papers without an embedding of the current model, counted every few seconds; empty before the first count. */
    OptionalLong pending() {
        long count = pending;
        return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
    }

    private void run() {
        TextEmbedder model = loadModel();
        if (model == null) {
            return;
        }
        Duration backOff = Duration.ofMillis(250);
        boolean outage = false;
        while (running) {
            try {
                connection = connections.open(NAME);
                if (outage) {
                    Log.info("Embedding worker reconnected to the database");
                    outage = false;
                }
                backOff = Duration.ofMillis(250);
                while (running && !store.tryLock(connection)) {
                    count(true);
                    pause(LOCK_RETRY);
                }
                if (running) {
                    work(model);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!outage) {
                        Log.warnf("Embedding worker lost its database connection (%s); retrying with back-off up to %d s",
                                e.getMessage(), MAX_BACK_OFF.toSeconds());
                        outage = true;
                    }
                    sleep(backOff);
                    backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
                }
            } finally {
                DedicatedConnections.closeQuietly(connection);
                connection = null;
            }
        }
    }

    private TextEmbedder loadModel() {
        try {
            long started = System.nanoTime();
            TextEmbedder model = new MiniLmEmbedder();
            embeddings.use(model);
            Log.infof("Embedding model %s loaded in %d ms", model.model(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return model;
        } catch (RuntimeException e) {
            Log.error("Loading the embedding model failed; papers rank by TF-IDF alone", e);
            return null;
        }
    }

    /**
     * Sweeps the pending papers in id order, holding the lock; a sweep that stored nothing (every paper pending is
     * being changed right now, or failed) ends in a pause, so the same papers are not embedded again and again.
     */
    private void work(TextEmbedder model) throws SQLException {
        Log.info("This replica embeds the papers (it holds the embedding lock)");
        Progress progress = new Progress();
        long cursor = 0;
        boolean storedThisSweep = false;
        while (running) {
            count(false);
            List<DocumentText> batch = store.pending(connection, cursor, BATCH, failed);
            if (batch.isEmpty()) {
                if (!storedThisSweep) {
                    count(true);
                    progress.finish(pending);
                    pause(IDLE);
                }
                cursor = 0;
                storedThisSweep = false;
                continue;
            }
            cursor = batch.get(batch.size() - 1).id();
            List<Embedded> stored = store.store(connection, embed(model, batch));
            for (Embedded e : stored) {
                embeddings.semanticIndex().put(e.paperId(), e.vector());
            }
            storedThisSweep |= !stored.isEmpty();
            progress.add(stored.size(), pending);
        }
    }

    private List<Embedded> embed(TextEmbedder model, List<DocumentText> papers) {
        List<Embedded> embedded = new ArrayList<>(papers.size());
        for (DocumentText paper : papers) {
            String text = PaperEmbeddingText.of(paper.title(), paper.tldr(), paper.abstractText());
            try {
                long started = System.nanoTime();
                Int8Vector vector = Int8Vector.quantize(model.embed(text));
                embedTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                computed.increment();
                embedded.add(new Embedded(paper.id(), text, vector));
            } catch (RuntimeException e) {
                failed.add(paper.id());
                Log.errorf(e, "Could not embed paper %d; it ranks by TF-IDF alone until the service restarts",
                        paper.id());
            }
        }
        return embedded;
    }

    private void count(boolean now) throws SQLException {
        if (now || System.nanoTime() - countedAt >= COUNT_EVERY.toNanos()) {
            pending = store.countPending(connection);
            countedAt = System.nanoTime();
        }
    }

    /** Waits up to {@code duration}, or until a paper changes here or the service stops. */
    private void pause(Duration duration) {
        try {
            wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The progress log: at most every {@link #PROGRESS_EVERY} while embedding, and a summary when done. */
    private static final class Progress {

        private long started = -1;
        private long lastLog;
        private long stored;

        void add(int count, long pending) {
            long now = System.nanoTime();
            if (started < 0) {
                started = now;
                lastLog = now;
            }
            stored += count;
            if (now - lastLog >= PROGRESS_EVERY.toNanos()) {
                Log.infof("Embedding papers: %d embedded, %.1f/s, %d pending", stored, rate(now), pending);
                lastLog = now;
            }
        }

        /** A summary at INFO after a run of more than a batch (the seed, an import); single edits at DEBUG. */
        void finish(long pending) {
            if (stored > 0) {
                long now = System.nanoTime();
                Log.logf(stored > BATCH ? Logger.Level.INFO : Logger.Level.DEBUG,
                        "Embedded %d papers in %.1f s (%.1f/s); %d pending", stored, (now - started) / 1e9, rate(now),
                        pending);
            }
            started = -1;
            stored = 0;
        }

        private double rate(long now) {
            return now > started ? stored / ((now - started) / 1e9) : 0;
        }
    }
}
