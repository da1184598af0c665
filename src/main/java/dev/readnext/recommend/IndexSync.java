package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import dev.readnext.persistence.DedicatedConnections;
import dev.readnext.recommend.embedding.EmbeddingSync;

/**
 * Keeps this replica's index in step with papers changed through any replica. A dedicated connection LISTENs on
 * {@code readnext_paper_changes} (sent by a trigger at commit, see V2 migration); each wake-up, and a poll every few
 * seconds, reads the {@code paper_change} log past the last change applied and refreshes those papers. After a lost
 * connection it reconnects with back-off and catches up from the log, so missed notifications cost nothing.
 *
 * <p>Log sequence numbers are taken at insert, commits can land out of order; so each read also looks back over the
 * last {@link #LOOK_BACK} and skips changes already applied. A writing transaction longer than that could be missed
 * until the paper changes again.
 *
 * <p>A bulk import logs no per-paper changes but one rebuild marker (a row with {@code rebuild} set, migration V3):
 * reading it, now or when catching up after a lost connection, rebuilds the whole index from the database.
 *
 * <p>The same log keeps the structure in memory current ({@link StructureSignals}): the papers it names have their
 * facts read again, and a catalogue marker (migration V12) reloads the catalogue's groups.
 *
 * <p>A published weighting (migration V9, {@link IndexWeightings}) is a marker row too: reading it re-weighs the
 * index with those statistics, so every replica weighs alike.
 *
 * <p>With semantic similarity on, the same connection follows the papers' embeddings ({@link EmbeddingSync}): it
 * also LISTENs on {@code readnext_embeddings}, and each catch-up reads the embeddings written since the last one
 * (all of them the first time and after a rebuild).
 *
 * <p>Each change applied from the log is timed from its commit to its application here, {@value #LAG}: its age by
 * the database's clock when the log is read ({@code changed_at} is the clock when the writing transaction logged it,
 * just before its commit), plus the time since the read, so the clocks of different hosts are never compared.
 */
@ApplicationScoped
public class IndexSync {

    static final String CHANNEL = "readnext_paper_changes";
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration LOOK_BACK = Duration.ofSeconds(60);
    static final String LAG = "readnext.index.sync.lag";
    private static final int REMEMBERED = 100_000;
    private static final int POSITION_VISIBLE = 10_000;
    private static final String CONNECTION_NAME = "readnext-index-sync";

    @Inject
    RecommendationIndex index;

    @Inject
    DedicatedConnections connections;

    @Inject
    StructureSignals structure;

    @Inject
    EmbeddingSync embeddings;

    @Inject
    MeterRegistry metrics;

    private final Set<Long> applied = new LinkedHashSet<>();
    private volatile long lastSeq;
    private volatile boolean running;
    private volatile Connection connection;

    /** Starts following the changes not yet in the index: those past {@code position}, read before the build. */
    synchronized void start(PaperTexts.LogPosition position) {
        lastSeq = position.seq();
        applied.addAll(position.recentlyVisible());
        running = true;
        Thread listener = new Thread(this::listen, CONNECTION_NAME);
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly();
    }

    private void listen() {
        Duration backOff = Duration.ofMillis(250);
        while (running) {
            try {
                connection = connections.open(CONNECTION_NAME);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    if (embeddings.enabled()) {
                        s.execute("LISTEN " + EmbeddingSync.CHANNEL);
                    }
                }
                backOff = Duration.ofMillis(250);
                catchUp();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long lastPoll = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if ((notifications != null && notifications.length > 0)
                            || System.nanoTime() - lastPoll >= POLL.toNanos()) {
                        catchUp();
                        lastPoll = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    Log.warnf("Index sync lost its database connection (%s); reconnecting in %d ms", e.getMessage(),
                            backOff.toMillis());
                    sleep(backOff);
                    backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                            : backOff.multipliedBy(2);
                }
            } finally {
                closeQuietly();
            }
        }
    }

    /**
     * Where this replica stands in the log: every change up to it has been applied (later ones may have been too),
     * with the newest {@value #POSITION_VISIBLE} applied, for {@link #start} to skip.
     */
    synchronized PaperTexts.LogPosition position() {
        Set<Long> recent = applied.stream().skip(Math.max(0, applied.size() - POSITION_VISIBLE))
                .collect(Collectors.toSet());
        return new PaperTexts.LogPosition(lastSeq, recent);
    }

    /** Synchronised with {@link #position()}: a position is never taken halfway through a catch-up. */
    private synchronized void catchUp() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT seq, paper_id, rebuild, extract(epoch FROM clock_timestamp() - changed_at), weighting, catalogue
                FROM paper_change
                WHERE seq > ? OR changed_at > clock_timestamp() - make_interval(secs => ?)
                ORDER BY seq""")) {
            s.setLong(1, lastSeq);
            s.setDouble(2, LOOK_BACK.toSeconds());
            boolean rebuild = false;
            boolean catalogue = false;
            long weighting = 0;
            List<Long> changed = new ArrayList<>();
            List<Long> agesAtRead = new ArrayList<>();
            long readAt;
            try (ResultSet rs = s.executeQuery()) {
                readAt = System.nanoTime();
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (applied.add(seq)) {
                        if (rs.getBoolean(3)) {
                            rebuild = true;
                        } else if (rs.getObject(5) != null) {
                            weighting = Math.max(weighting, rs.getLong(5));
                        } else if (rs.getBoolean(6)) {
                            catalogue = true;
                        } else {
                            changed.add(rs.getLong(2));
                            agesAtRead.add((long) (rs.getDouble(4) * 1e9));
                        }
                        lastSeq = Math.max(lastSeq, seq);
                    }
                }
            }
            Iterator<Long> ages = agesAtRead.iterator();
            index.apply(changed, paperId -> lag().record(Duration.ofNanos(ages.next() + System.nanoTime() - readAt)));
            if (rebuild) {
                index.rebuild();
            } else {
                if (catalogue) {
                    structure.reloadCatalogue();
                }
                structure.refresh(new LinkedHashSet<>(changed));
            }
            if (weighting != 0) {
                index.reweighTo(weighting);
            }
            if (embeddings.enabled()) {
                embeddings.catchUp(connection, rebuild);
            }
        }
        while (applied.size() > REMEMBERED) {
            applied.remove(applied.iterator().next());
        }
    }

    private Timer lag() {
        return Timer.builder(LAG).description("Time from a paper change's commit to its application by this replica")
                .publishPercentileHistogram().register(metrics);
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        DedicatedConnections.closeQuietly(c);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
