package dev.readnext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** What is in the knowledge base, read over JDBC, to prove that a request wrote nothing. */
public final class DatabaseState {

    public static final List<String> TABLES = List.of("paper", "paper_alias", "topic", "paper_topic", "reading_list",
            "reading_list_entry", "course", "course_section", "course_session", "session_reading", "learning_path",
            "learning_path_step", "reader", "reader_read");

    private DatabaseState() {
    }

    /** Row count per table. */
    public static Map<String, Long> counts(DataSource db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(db, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** Every row's (ctid, xmin) per table: any insert, update or delete changes it. */
    public static Map<String, List<String>> rowVersions(DataSource db) throws SQLException {
        Map<String, List<String>> versions = new TreeMap<>();
        for (String table : TABLES) {
            versions.put(table, strings(db, "SELECT ctid::text || '@' || xmin::text FROM " + table + " ORDER BY 1"));
        }
        return versions;
    }

    public static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<String> strings(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
