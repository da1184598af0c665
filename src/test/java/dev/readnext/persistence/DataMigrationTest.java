package dev.readnext.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migrations that change existing data keep what it says, run by Flyway itself against a schema of its own on the
 * real PostgreSQL: V7 (the checkboxes ticked in the catalogue's lists become the seed owner's reads, the placeholder
 * seed_owner; readers' own lists stay private, the catalogue's become public) and V10 (topic sizes counted, then
 * kept by triggers).
 */
class DataMigrationTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String SCHEMA = "readnext_migration_test";

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).createSchemas(true)
                .locations("filesystem:db/migration").placeholders(Map.of("seed_owner", "the-owner"))
                .cleanDisabled(false).target(target).load();
    }

    @AfterEach
    void dropTheSchema() throws SQLException {
        run("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void tickedCatalogueCheckboxesBecomeTheSeedOwnersReads() throws SQLException {
        flyway("6").clean();
        flyway("6").migrate();
        run("""
                INSERT INTO paper (id, slug, title, title_key, kind) VALUES
                    (1, 'a', 'A', 'a', 'PAPER'), (2, 'b', 'B', 'b', 'PAPER'), (3, 'c', 'C', 'c', 'PAPER');
                INSERT INTO reader (id, subject) VALUES (7, 'alice');
                INSERT INTO reading_list (id, slug, name, format) VALUES (1, 'dump', 'Dump', 'CHECKLIST'),
                    (2, 'links', 'Links', 'MARKDOWN_LINKS');
                INSERT INTO reading_list (id, slug, name, format, owner_id) VALUES (3, 'mine', 'Mine', 'SAVED', 7);
                INSERT INTO reading_list_entry (list_id, paper_id, position, read) VALUES
                    (1, 1, 1, true), (1, 2, 2, false), (2, 1, 1, false), (2, 3, 2, true), (3, 2, 1, false);
                INSERT INTO reader_read (reader_id, paper_id) VALUES (7, 2);""");

        flyway("latest").migrate();

        assertEquals(List.of("alice:2", "the-owner:1", "the-owner:3"), strings("SELECT r.subject || ':' || rr.paper_id"
                + " FROM reader_read rr JOIN reader r ON r.id = rr.reader_id ORDER BY 1"));
        assertEquals(List.of("dump:PUBLIC", "links:PUBLIC", "mine:PRIVATE"),
                strings("SELECT slug || ':' || visibility FROM reading_list ORDER BY slug"));
        assertEquals(List.of("5"), strings("SELECT count(*) FROM reading_list_entry"));
        assertFalse(strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + SCHEMA
                + "' AND table_name = 'reading_list_entry'").contains("read"));
    }

    @Test
    void topicSizesAreCountedAndThenKeptByTheTriggers() throws SQLException {
        flyway("9").clean();
        flyway("9").migrate();
        run("""
                INSERT INTO paper (id, slug, title, title_key, kind) VALUES
                    (1, 'a', 'A', 'a', 'PAPER'), (2, 'b', 'B', 'b', 'PAPER'), (3, 'c', 'C', 'c', 'PAPER');
                INSERT INTO topic (id, slug, name) VALUES (1, 'big', 'Big'), (2, 'small', 'Small'), (3, 'none', 'None');
                INSERT INTO paper_topic (paper_id, topic_id) VALUES (1, 1), (2, 1), (3, 1), (1, 2);""");

        flyway("latest").migrate();
        assertEquals(List.of("big:3", "none:0", "small:1"), sizes());

        run("""
                INSERT INTO paper (id, slug, title, title_key, kind) VALUES (4, 'd', 'D', 'd', 'PAPER');
                INSERT INTO paper_topic (paper_id, topic_id) VALUES (4, 2), (4, 3), (2, 2);
                DELETE FROM paper WHERE id = 1;
                UPDATE paper_topic SET topic_id = 3 WHERE paper_id = 3 AND topic_id = 1;
                DELETE FROM paper_topic WHERE paper_id = 4 AND topic_id = 3;""");
        assertEquals(List.of("big:1", "none:1", "small:2"), sizes());
        assertEquals(List.of("0"), strings("SELECT count(*) FROM topic t WHERE paper_count <>"
                + " (SELECT count(*) FROM paper_topic x WHERE x.topic_id = t.id)"));
    }

    private static List<String> sizes() throws SQLException {
        return strings("SELECT slug || ':' || paper_count FROM topic ORDER BY slug");
    }

    private static void run(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            s.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = s.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
