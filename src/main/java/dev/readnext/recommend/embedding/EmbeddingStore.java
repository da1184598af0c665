package dev.readnext.recommend.embedding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.recommend.PaperTexts;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;

/**
 * The {@code paper_embedding} table (migration V4): which papers wait for an embedding of the current model, storing
 * new ones, and reading them into a {@link SemanticIndex}. Rows of another model count as not embedded and are never
 * read into the index.
 */
@ApplicationScoped
class EmbeddingStore {

    static final String CHANNEL = "readnext_embeddings";

    private static final String PENDING_WHERE = """
             LEFT JOIN paper_embedding e ON e.paper_id = p.id
            WHERE (e.paper_id IS NULL OR e.model <> ?)""";

    /** Namespaced by schema: schemas of one database (tests, a second deployment) embed independently. */
    private static final String TRY_LOCK = """
            SELECT pg_try_advisory_lock(hashtext('readnext-embedding-worker'), hashtext(current_schema()))""";

    private static final String UPSERT = """
            INSERT INTO paper_embedding (paper_id, model, vector, scale) VALUES (?, ?, ?, ?)
            ON CONFLICT (paper_id) DO UPDATE
                SET model = EXCLUDED.model, vector = EXCLUDED.vector, scale = EXCLUDED.scale, embedded_at = now()""";

    private static final String ROWS = "SELECT paper_id, vector, scale, seq FROM paper_embedding WHERE model = ?";

    @Inject
    DataSource db;

    /** An embedding computed from {@code text}, the paper's text as it was read. */
    record Embedded(long paperId, String text, Int8Vector vector) {
    }

    /** Whether this session now holds the one embedding worker's lock (until it ends). */
    boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TRY_LOCK); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Up to {@code limit} papers without an embedding of the current model, by id past {@code afterId}. */
    List<DocumentText> pending(Connection c, long afterId, int limit, Collection<Long> skipped) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PaperTexts.COLUMNS + PENDING_WHERE
                + " AND p.id > ? AND p.id <> ALL (?) ORDER BY p.id LIMIT ?")) {
            s.setString(1, MiniLmEmbedder.MODEL);
            s.setLong(2, afterId);
            s.setArray(3, c.createArrayOf("bigint", skipped.toArray()));
            s.setInt(4, limit);
            List<DocumentText> papers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    papers.add(PaperTexts.text(rs));
                }
            }
            return papers;
        }
    }

    long countPending(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM paper p" + PENDING_WHERE)) {
            s.setString(1, MiniLmEmbedder.MODEL);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Stores, in one transaction, the embeddings whose paper still has the text they were computed from, and tells
     * the other replicas at commit; returns those stored. A paper whose row another transaction holds (it is being
     * changed) is skipped, not waited for: it stays pending.
     *
     * <p>The rows are locked before the texts are read again, in a statement of its own: a statement sees what was
     * committed when it started, and a change committed between its start and the lock would go unseen.
     */
    List<Embedded> store(Connection c, List<Embedded> embedded) throws SQLException {
        c.setAutoCommit(false);
        try {
            Long[] ids = embedded.stream().map(Embedded::paperId).toArray(Long[]::new);
            List<Long> locked = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM paper WHERE id = ANY (?) ORDER BY id FOR UPDATE SKIP LOCKED")) {
                s.setArray(1, c.createArrayOf("bigint", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        locked.add(rs.getLong(1));
                    }
                }
            }
            Map<Long, String> current = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(PaperTexts.COLUMNS + " WHERE p.id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("bigint", locked.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        DocumentText text = PaperTexts.text(rs);
                        current.put(text.id(), PaperEmbeddingText.of(text.title(), text.tldr(), text.abstractText()));
                    }
                }
            }
            List<Embedded> unchanged = embedded.stream().filter(e -> e.text().equals(current.get(e.paperId()))).toList();
            if (!unchanged.isEmpty()) {
                upsert(c, unchanged);
                try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
                    s.execute();
                }
            }
            c.commit();
            return unchanged;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void upsert(Connection c, List<Embedded> embedded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Embedded e : embedded) {
                s.setLong(1, e.paperId());
                s.setString(2, MiniLmEmbedder.MODEL);
                s.setBytes(3, e.vector().values());
                s.setFloat(4, e.vector().scale());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Puts every embedding of the current model into {@code index}, streamed; returns the highest seq read. */
    long loadAll(Connection c, SemanticIndex index) throws SQLException {
        c.setAutoCommit(false); // PostgreSQL only streams (fetch size) inside a transaction
        try (PreparedStatement s = c.prepareStatement(ROWS)) {
            s.setFetchSize(5_000);
            s.setString(1, MiniLmEmbedder.MODEL);
            long seq = read(s, index, 0);
            c.commit();
            return seq;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Puts the embeddings written after {@code seq} into {@code index}; returns the highest seq read. */
    long loadSince(Connection c, long seq, SemanticIndex index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ROWS + " AND seq > ?")) {
            s.setString(1, MiniLmEmbedder.MODEL);
            s.setLong(2, seq);
            return read(s, index, seq);
        }
    }

    Optional<Int8Vector> byId(long paperId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(ROWS + " AND paper_id = ?")) {
            s.setString(1, MiniLmEmbedder.MODEL);
            s.setLong(2, paperId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(vector(rs)) : Optional.empty();
            }
        }
    }

    private static long read(PreparedStatement s, SemanticIndex index, long seq) throws SQLException {
        long highest = seq;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                index.put(rs.getLong(1), vector(rs));
                highest = Math.max(highest, rs.getLong(4));
            }
        }
        return highest;
    }

    private static Int8Vector vector(ResultSet rs) throws SQLException {
        return new Int8Vector(rs.getBytes(2), rs.getFloat(3));
    }
}
