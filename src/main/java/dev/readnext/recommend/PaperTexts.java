package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.readnext.recommend.engine.DocumentText;

/** Reads the texts the index is built from (title, TL;DR, abstract) straight over JDBC, streamed. */
@ApplicationScoped
public class PaperTexts {

    /**
     * id, title, TL;DR and abstract of papers {@code p}, to which a query adds its joins and conditions. The title field
     * carries the paper's other names too ("RoPE" for RoFormer): people search and read by them.
     */
    public static final String COLUMNS = """
            SELECT p.id, concat_ws(' ', p.title, (SELECT string_agg(a.alias, ' ' ORDER BY a.id) FROM paper_alias a
                                                 WHERE a.paper_id = p.id)), p.tldr, p.abstract
            FROM paper p""";

    @Inject
    DataSource db;

    /**
     * Hands every paper's text to {@code consumer} as a stream read through a cursor, so memory stays flat however
     * large the corpus; the stream is only valid inside the call.
     */
    public <T> T withAll(Function<Stream<DocumentText>, T> consumer) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL only streams (fetch size) inside a transaction
            try (PreparedStatement s = c.prepareStatement(COLUMNS)) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery()) {
                    T result = consumer.apply(StreamSupport.stream(new Spliterators.AbstractSpliterator<DocumentText>(
                            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                        @Override
                        public boolean tryAdvance(Consumer<? super DocumentText> action) {
                            try {
                                if (!rs.next()) {
                                    return false;
                                }
                                action.accept(text(rs));
                                return true;
                            } catch (SQLException e) {
                                throw new IllegalStateException("reading paper texts failed", e);
                            }
                        }
                    }, false));
                    c.commit();
                    return result;
                }
            }
        }
    }

    /**
     * Where the change log stands: its last change number and the changes of the look-back window already visible.
     * Read before the texts, so whatever this sees is also in what the texts read.
     */
    public record LogPosition(long seq, Set<Long> recentlyVisible) {
    }

    public LogPosition logPosition(Duration lookBack) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT seq FROM paper_change WHERE changed_at > clock_timestamp() - make_interval(secs => ?)
                UNION ALL SELECT coalesce(max(seq), 0) FROM paper_change""")) {
            s.setDouble(1, lookBack.toSeconds());
            Set<Long> seqs = new HashSet<>();
            long max = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    max = Math.max(max, rs.getLong(1));
                }
            }
            return new LogPosition(max, seqs);
        }
    }

    /**
     * How many changes the log holds past {@code seq}, or -1 when one of them asks for a rebuild (a bulk write): what
     * an index standing at {@code seq} would have to catch up with.
     */
    public long changesSince(long seq) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), coalesce(bool_or(rebuild), false) FROM paper_change WHERE seq > ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(2) ? -1 : rs.getLong(1);
            }
        }
    }

    /** The texts of those of the papers that exist, by id. */
    public Map<Long, DocumentText> byIds(Collection<Long> ids) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE p.id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            Map<Long, DocumentText> texts = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DocumentText text = text(rs);
                    texts.put(text.id(), text);
                }
            }
            return texts;
        }
    }

    public Optional<DocumentText> byId(long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE p.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(text(rs)) : Optional.empty();
            }
        }
    }

    /** The current row of a query over {@link #COLUMNS}. */
    public static DocumentText text(ResultSet rs) throws SQLException {
        return new DocumentText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
}
