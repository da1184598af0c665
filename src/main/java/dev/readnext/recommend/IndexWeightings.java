package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.recommend.engine.TermStatistics;

/**
 * The published term statistics every replica weighs its index with (table {@code index_weighting}, migration V9),
 * so that replicas agree on every score. Publishing writes the statistics and a marker in the change log in one
 * transaction; every replica's {@link IndexSync} reads the marker in log order and re-weighs.
 */
@ApplicationScoped
public class IndexWeightings {

    /** Serialises publishers across replicas, per schema (as the import lock is). */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + 0x7765_6967_6874L
            + " # hashtext(current_schema()))";

    /** How many published weightings are kept (with their change-log markers). */
    static final int KEPT = 3;

    /** One published weighting. */
    public record Weighting(long id, TermStatistics statistics) {
    }

    @Inject
    DataSource db;

    /** The newest published weighting, if any. */
    public Optional<Weighting> latest() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, statistics FROM index_weighting ORDER BY id DESC LIMIT 1")) {
            return read(s);
        }
    }

    public Optional<Weighting> byId(long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, statistics FROM index_weighting WHERE id = ?")) {
            s.setLong(1, id);
            return read(s);
        }
    }

    /**
     * Publishes {@code statistics} unless a weighting newer than {@code basedOn} (the one the caller's index uses, 0
     * for none) was published meanwhile: then another replica already did, and the caller will re-weigh with that.
     *
     * @return the new weighting's id, or empty when a newer one existed
     */
    public Optional<Long> publish(long basedOn, TermStatistics statistics) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(LOCK);
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM index_weighting")) {
                    rs.next();
                    if (rs.getLong(1) > basedOn) {
                        c.rollback();
                        return Optional.empty();
                    }
                }
            }
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO index_weighting (documents, terms,"
                    + " statistics) VALUES (?, ?, ?) RETURNING id")) {
                insert.setInt(1, statistics.documents());
                insert.setInt(2, statistics.termCount());
                insert.setBytes(3, statistics.toBytes());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement marker = c.prepareStatement(
                    "INSERT INTO paper_change (weighting) VALUES (?)")) {
                marker.setLong(1, id);
                marker.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                // only the newest matter (a replica that reads an older marker late re-weighs with the newest next)
                s.execute("DELETE FROM index_weighting WHERE id < " + (id - KEPT + 1));
                s.execute("SELECT pg_notify('" + IndexSync.CHANNEL + "', 'weighting')");
            }
            c.commit();
            return Optional.of(id);
        }
    }

    private static Optional<Weighting> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new Weighting(rs.getLong(1), TermStatistics.fromBytes(rs.getBytes(2))))
                    : Optional.empty();
        }
    }
}
