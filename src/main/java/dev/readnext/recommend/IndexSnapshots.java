package dev.readnext.recommend;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.TermStatistics;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * Snapshots of the recommendation index in PostgreSQL (table {@code index_snapshot}, migration V11): what a replica
 * needs to start without analysing every text again. Kept in the database rather than on a volume because every
 * replica can read it, it is backed up with the data, and it cannot drift from the database it describes.
 */
@ApplicationScoped
public class IndexSnapshots {

    /** Serialises writers across replicas, per schema. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + 0x736e_6170L + " # hashtext(current_schema()))";

    /** A snapshot read back: the index (weighed with the statistics given) and where in the log it stands. */
    public record Loaded(TfIdfIndex index, PaperTexts.LogPosition position) {
    }

    @Inject
    DataSource db;

    /** Where the newest snapshot stands in the change log, if there is one. */
    public Optional<PaperTexts.LogPosition> latestPosition() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, visible FROM index_snapshot ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(position(rs)) : Optional.empty();
        }
    }

    /** The newest snapshot as an index weighed with {@code statistics} (null: its own counts). */
    public Optional<Loaded> load(IndexSettings settings, TermStatistics statistics) throws SQLException, IOException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, visible, data FROM index_snapshot ORDER BY id DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            // buffered: the reader takes the snapshot four bytes at a time
            try (InputStream data = new BufferedInputStream(new GZIPInputStream(rs.getBinaryStream(3), 1 << 16),
                    1 << 16)) {
                return Optional.of(new Loaded(TfIdfIndex.readSnapshot(data, settings, statistics), position(rs)));
            }
        }
    }

    /**
     * Saves the index as of {@code position} (every change up to it is in the index; later ones may be too, and are
     * applied again, harmlessly, by whoever loads it), unless a snapshot further on exists; older ones are deleted.
     *
     * @return whether it was saved
     */
    public boolean save(TfIdfIndex index, PaperTexts.LogPosition position) throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (OutputStream gzip = new BufferedOutputStream(new GZIPOutputStream(bytes, 1 << 16), 1 << 16)) {
            index.writeSnapshot(gzip);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(LOCK);
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), -1) FROM index_snapshot")) {
                    rs.next();
                    if (rs.getLong(1) > position.seq()) {
                        c.rollback();
                        return false;
                    }
                }
                s.execute("DELETE FROM index_snapshot");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO index_snapshot (seq, visible, documents, data) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, position.seq());
                insert.setArray(2, c.createArrayOf("bigint", position.recentlyVisible().toArray(Long[]::new)));
                insert.setInt(3, index.documents());
                insert.setBytes(4, bytes.toByteArray());
                insert.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    private static PaperTexts.LogPosition position(ResultSet rs) throws SQLException {
        Array visible = rs.getArray(2);
        Set<Long> seqs = new HashSet<>(Arrays.asList((Long[]) visible.getArray()));
        return new PaperTexts.LogPosition(rs.getLong(1), seqs);
    }
}
