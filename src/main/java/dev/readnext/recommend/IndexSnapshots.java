package dev.readnext.recommend;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
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
 * Snapshots of the recommendation index in PostgreSQL (table {@code index_snapshot}, migrations V11 and V13): what a
 * replica needs to start without analysing every text again, nor computing every neighbour list. Kept in the database rather than on a volume because every
 * replica can read it, it is backed up with the data, and it cannot drift from the database it describes.
 */
@ApplicationScoped
public class IndexSnapshots {

    /** One writer at a time across replicas, per schema; the others skip their save. */
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(" + 0x736e_6170L
            + " # hashtext(current_schema()))";
    /** The size of a part: a few MB, so that neither this replica nor the driver holds a whole snapshot. */
    static final int PART_BYTES = 4 << 20;

    /** A snapshot read back: the index (weighed with the statistics given) and where in the log it stands. */
    public record Loaded(TfIdfIndex index, PaperTexts.LogPosition position) {
    }

    @Inject
    DataSource db;

    /**
     * What the newest snapshot holds: where it stands in the change log, and the weighting its neighbour lists were
     * computed with ({@link TfIdfIndex#neighboursWeighting()}; empty when it holds none).
     */
    public record Saved(PaperTexts.LogPosition position, OptionalLong neighboursWeighting) {
    }

    /** The newest snapshot's place in the log and lists, if there is one. */
    public Optional<Saved> latest() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT seq, visible, neighbours_weighting FROM index_snapshot ORDER BY id DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long weighting = rs.getLong(3);
            return Optional.of(new Saved(position(rs), rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(weighting)));
        }
    }

    /** The newest snapshot as an index weighed with {@code statistics} (null: its own counts). */
    public Optional<Loaded> load(IndexSettings settings, TermStatistics statistics) throws SQLException, IOException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // the parts are read through a cursor, one at a time
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, seq, visible FROM index_snapshot ORDER BY id DESC LIMIT 1");
                    PreparedStatement select = c.prepareStatement(
                            "SELECT data FROM index_snapshot_part WHERE snapshot_id = ? ORDER BY part")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                PaperTexts.LogPosition position = new PaperTexts.LogPosition(rs.getLong(2), visible(rs.getArray(3)));
                select.setLong(1, rs.getLong(1));
                select.setFetchSize(1);
                try (ResultSet parts = select.executeQuery();
                        // buffered: the reader takes the snapshot a few bytes at a time
                        InputStream data = new BufferedInputStream(new GZIPInputStream(new PartReader(parts), 1 << 16),
                                1 << 16)) {
                    return Optional.of(new Loaded(TfIdfIndex.readSnapshot(data, settings, statistics), position));
                }
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Saves the index as of {@code position} (every change up to it is in the index; later ones may be too, and are
     * applied again, harmlessly, by whoever loads it), unless a snapshot further on exists or another replica is
     * saving one right now; older ones are deleted. Written as a stream of parts: the replica never holds the whole
     * snapshot, compressed or not, in memory.
     *
     * @return whether it was saved
     */
    public boolean save(TfIdfIndex index, PaperTexts.LogPosition position) throws SQLException, IOException {
        TfIdfIndex.Snapshot snapshot = index.snapshot();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TRY_LOCK
                        + ", (SELECT coalesce(max(seq), -1) FROM index_snapshot)")) {
                    rs.next();
                    if (!rs.getBoolean(1) || rs.getLong(2) > position.seq()) {
                        return false;
                    }
                    s.execute("DELETE FROM index_snapshot");
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO index_snapshot (seq, visible, documents, neighbours_weighting) VALUES (?, ?, ?, ?)
                        RETURNING id""")) {
                    insert.setLong(1, position.seq());
                    insert.setArray(2, c.createArrayOf("bigint", position.recentlyVisible().toArray(Long[]::new)));
                    insert.setInt(3, snapshot.documents());
                    OptionalLong neighbours = snapshot.neighboursWeighting();
                    insert.setObject(4, neighbours.isPresent() ? neighbours.getAsLong() : null, Types.BIGINT);
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PartWriter parts = new PartWriter(c, id);
                        OutputStream out = new BufferedOutputStream(new GZIPOutputStream(parts, 1 << 16), 1 << 16)) {
                    snapshot.writeTo(out);
                }
                c.commit();
                return true;
            } finally {
                c.rollback(); // after a commit, nothing to undo
            }
        }
    }

    /** Writes what it is given as parts of {@value #PART_BYTES} bytes, rows of {@code index_snapshot_part}. */
    private static final class PartWriter extends OutputStream {
        private final PreparedStatement insert;
        private final byte[] buffer = new byte[PART_BYTES];
        private int filled;
        private int part;

        PartWriter(Connection c, long snapshotId) throws SQLException {
            insert = c.prepareStatement("INSERT INTO index_snapshot_part (snapshot_id, part, data) VALUES (?, ?, ?)");
            insert.setLong(1, snapshotId);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int taken = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
                if (filled == buffer.length) {
                    flushPart();
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (filled > 0) {
                    flushPart();
                }
                insert.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        private void flushPart() throws IOException {
            try {
                insert.setInt(2, part++);
                insert.setBytes(3, Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
                filled = 0;
            } catch (SQLException e) {
                throw new IOException("writing an index snapshot part failed", e);
            }
        }
    }

    /** Reads the parts of one snapshot, in order, as one stream. */
    private static final class PartReader extends InputStream {
        private final ResultSet parts;
        private byte[] part = new byte[0];
        private int read;

        PartReader(ResultSet parts) {
            this.parts = parts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            while (read == part.length) {
                try {
                    if (!parts.next()) {
                        return -1;
                    }
                    part = parts.getBytes(1);
                    read = 0;
                } catch (SQLException e) {
                    throw new IOException("reading an index snapshot part failed", e);
                }
            }
            int taken = Math.min(length, part.length - read);
            System.arraycopy(part, read, into, offset, taken);
            read += taken;
            return taken;
        }
    }

    private static PaperTexts.LogPosition position(ResultSet rs) throws SQLException {
        return new PaperTexts.LogPosition(rs.getLong(1), visible(rs.getArray(2)));
    }

    private static Set<Long> visible(Array visible) throws SQLException {
        return new HashSet<>(Arrays.asList((Long[]) visible.getArray()));
    }
}
