package dev.readnext.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.ingest.ImportMetrics;
import dev.readnext.ingest.Importer;
import dev.readnext.ingest.IndexRebuild;
import io.quarkus.logging.Log;

/**
 * Imports arXiv metadata (JSONL, gzip or plain) in batches, streaming: memory stays bounded by one batch whatever
 * the file size. Malformed lines are reported with their line numbers and skipped.
 *
 * <p>The whole import is one transaction, serialised with reading-list imports by their advisory lock: readers never
 * see half an import, an interrupted import leaves nothing behind, and running it again is the way to resume (the
 * upsert only writes what differs, so a repeated run changes no row). The paper trigger is silenced for the
 * transaction ({@code readnext.bulk}, see migration V3). At commit the import logs and announces what it changed: up
 * to {@value #PAPERS_LOGGED_ONE_BY_ONE} papers one by one, which every replica applies to its recommendation index
 * paper by paper, or else one rebuild marker, upon which every replica rebuilds its index from the database.
 */
@ApplicationScoped
public class ArxivImport {

    public static final int DEFAULT_BATCH_SIZE = 2_000;

    /**
     * Time allowed to each statement of the import (waiting for the import lock included), instead of the few seconds
     * of request connections: a batch of 2,000 papers takes about 6 s on a loaded 2-core machine, and the command
     * line may choose far larger batches. The import as a whole has no time limit.
     */
    static final String STATEMENT_TIMEOUT = "10min";

    /**
     * Up to this many changed papers are logged one by one: each replica then reads and re-indexes just them (100
     * papers were applied within 0.37 s of the commit at 75k, README "Bulk import of arXiv metadata"), where a rebuild
     * reads and analyses every paper (about 38 s at 75k).
     */
    static final int PAPERS_LOGGED_ONE_BY_ONE = 1_000;

    private static final String LOG_CHANGES = """
            INSERT INTO paper_change (paper_id) SELECT id FROM paper WHERE arxiv_id = ANY(?) ORDER BY id""";
    private static final String NOTIFY_CHANGES = "SELECT pg_notify('readnext_paper_changes', 'import')";

    /** The {@code format} tag of its {@link ImportMetrics}. */
    static final String FORMAT = "ARXIV";

    @Inject
    DataSource db;

    @Inject
    ImportMetrics metrics;

    private final ArxivCategories categories = ArxivCategories.load();

    /** JSONL text, as sent to the mutation. */
    public BulkImportReport importContent(String content) {
        try {
            return importFrom(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), DEFAULT_BATCH_SIZE,
                    ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BulkImportReport importFrom(InputStream input, int batchSize, ImportProgress progress)
            throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        ImportMetrics.Run run = metrics.start(FORMAT);
        try {
            BulkImportReport report = write(input, batchSize, progress);
            run.succeeded(report.created(), report.updated());
            return report;
        } catch (IOException | RuntimeException e) {
            run.failed();
            throw e;
        }
    }

    private BulkImportReport write(InputStream input, int batchSize, ImportProgress progress) throws IOException {
        long started = System.nanoTime();
        Tally tally = new Tally();
        try (JsonLines lines = new JsonLines(input); BatchReader reader = new BatchReader(lines, batchSize, tally);
                Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                begin(c);
                PaperBatchWriter writer = new PaperBatchWriter(c, categories);
                for (BatchReader.Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    if (!batch.papers().isEmpty()) {
                        tally.add(writer.write(batch.papers()), batch.papers().size());
                    }
                    progress.advanced(batch.bytesRead(), batch.lines());
                }
                announceChanges(c, tally);
                c.commit();
            } catch (SQLException | RuntimeException | IOException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new BulkImportException("writing the papers failed: " + e.getMessage(), e);
        }
        BulkImportReport report = tally.report(Duration.ofNanos(System.nanoTime() - started));
        Log.infof("arXiv import: %d lines, %d papers created, %d updated, %d unchanged, %d skipped, %d topics created"
                + " in %d ms", report.lines(), report.created(), report.updated(), report.unchanged(), report.skipped(),
                report.topicsCreated(), report.durationMs());
        return report;
    }

    private static void begin(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            s.execute("SET LOCAL readnext.bulk = 'on'");
            s.execute(Importer.LOCK_IMPORTS);
        }
    }

    /**
     * The changed papers in the change log, or one rebuild marker when there are many, and one notification: all seen
     * at commit (see migration V3 and IndexSync).
     */
    private static void announceChanges(Connection c, Tally tally) throws SQLException {
        if (tally.created + tally.updated == 0) {
            return;
        }
        try (Statement s = c.createStatement()) {
            if (tally.changed == null) {
                s.execute(IndexRebuild.MARKER);
                s.execute(IndexRebuild.NOTIFY);
                return;
            }
            try (PreparedStatement log = c.prepareStatement(LOG_CHANGES)) {
                log.setArray(1, c.createArrayOf("text", tally.changed.toArray()));
                log.executeUpdate();
            }
            s.execute(NOTIFY_CHANGES);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            Log.debugf("rollback after a failed import failed too: %s", e.getMessage());
        }
    }

    /** Counts; lines and skipped ones are counted by the reading thread, seen here after its last batch. */
    private static final class Tally implements BatchReader.LineSink {
        int lines;
        int created;
        int updated;
        int unchanged;
        int skipped;
        int topicsCreated;
        final List<BulkImportReport.LineError> errors = new ArrayList<>();
        /** The arXiv ids of the papers created or changed; null once there are too many to log one by one. */
        Set<String> changed = new HashSet<>();

        void add(PaperBatchWriter.Written written, int papers) {
            created += written.created().size();
            updated += written.updated().size();
            unchanged += papers - written.created().size() - written.updated().size();
            topicsCreated += written.topicsCreated();
            if (changed != null) {
                changed.addAll(written.created());
                changed.addAll(written.updated());
                if (changed.size() > PAPERS_LOGGED_ONE_BY_ONE) {
                    changed = null;
                }
            }
        }

        @Override
        public void read() {
            lines++;
        }

        @Override
        public void skipped(long line, String message) {
            skipped++;
            if (errors.size() < BulkImportReport.MAX_LISTED_ERRORS) {
                errors.add(new BulkImportReport.LineError((int) line, message));
            }
        }

        BulkImportReport report(Duration duration) {
            return new BulkImportReport(lines, created, updated, unchanged, skipped, List.copyOf(errors), topicsCreated,
                    (int) duration.toMillis());
        }
    }
}
