package dev.readnext.ingest.arxiv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes batches of arXiv papers inside one open transaction: COPY into a temporary staging table, then set-based
 * statements that upsert the papers by arXiv id, create the category topics and link them.
 *
 * <p>Merge rule for a paper that exists already (same arXiv id): one created by a bulk import
 * ({@code arxiv_metadata}) takes the new title, abstract, authors and year; any other (from a reading list or an
 * editor) keeps its curated fields and only gains those it lacks (abstract, authors, year, URL); TL;DR, kind and slug
 * are never touched. A row is only written when a value differs, so importing the same file again writes nothing.
 */
final class PaperBatchWriter {

    private static final String STAGE = """
            CREATE TEMPORARY TABLE arxiv_stage (
                line bigint, arxiv_id text, title text, title_key text, slug text, abstract text,
                authors jsonb, year integer, url text, topics jsonb
            ) ON COMMIT DROP""";

    private static final String COPY = "COPY arxiv_stage FROM STDIN (FORMAT csv)";

    /** The last line wins when an id repeats within a batch (ON CONFLICT may touch a row only once per statement). */
    private static final String LATEST = """
            SELECT DISTINCT ON (arxiv_id) * FROM arxiv_stage ORDER BY arxiv_id, line DESC""";

    /**
     * A new paper whose title slug is taken (by an existing paper or an earlier line of the batch) gets the arXiv id
     * appended, which is unique.
     */
    private static final String UPSERT = """
            WITH s AS (%s),
            named AS (
                SELECT s.*, CASE WHEN row_number() OVER (PARTITION BY s.slug ORDER BY s.line) > 1
                                   OR EXISTS (SELECT 1 FROM paper t WHERE t.slug = s.slug AND t.arxiv_id IS DISTINCT FROM s.arxiv_id)
                                 THEN s.slug || '-' || translate(s.arxiv_id, './', '--') ELSE s.slug END AS free_slug
                FROM s),
            merged AS (
                SELECT n.free_slug, n.arxiv_id, p.id IS NULL AS is_new,
                       CASE WHEN p.id IS NULL OR p.arxiv_metadata THEN n.title ELSE p.title END AS title,
                       CASE WHEN p.id IS NULL OR p.arxiv_metadata THEN n.title_key ELSE p.title_key END AS title_key,
                       CASE WHEN p.id IS NULL OR p.arxiv_metadata OR p.abstract IS NULL THEN n.abstract
                            ELSE p.abstract END AS abstract,
                       coalesce(p.url, n.url) AS url,
                       CASE WHEN p.id IS NULL OR p.arxiv_metadata OR p.year IS NULL THEN n.year ELSE p.year END AS year,
                       CASE WHEN p.id IS NULL OR p.arxiv_metadata OR cardinality(p.authors) = 0
                            THEN ARRAY(SELECT jsonb_array_elements_text(n.authors)) ELSE p.authors END AS authors,
                       p.title AS old_title, p.title_key AS old_title_key, p.abstract AS old_abstract, p.url AS old_url,
                       p.year AS old_year, p.authors AS old_authors
                FROM named n LEFT JOIN paper p ON p.arxiv_id = n.arxiv_id)
            INSERT INTO paper AS p (slug, title, title_key, abstract, kind, url, arxiv_id, year, authors, arxiv_metadata)
            SELECT free_slug, title, title_key, abstract, 'PAPER', url, arxiv_id, year, authors, true
            FROM merged
            -- unchanged papers never reach the INSERT, which would compute the generated tsvector for nothing
            WHERE is_new OR (title, title_key, abstract, url, year, authors)
                            IS DISTINCT FROM (old_title, old_title_key, old_abstract, old_url, old_year, old_authors)
            ON CONFLICT (arxiv_id) DO UPDATE
                SET title = EXCLUDED.title, title_key = EXCLUDED.title_key, abstract = EXCLUDED.abstract,
                    url = EXCLUDED.url, year = EXCLUDED.year, authors = EXCLUDED.authors
                WHERE (p.title, p.title_key, p.abstract, p.url, p.year, p.authors)
                      IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.title_key, EXCLUDED.abstract, EXCLUDED.url,
                                        EXCLUDED.year, EXCLUDED.authors)
            RETURNING p.arxiv_id, (p.xmax = 0) AS created""".formatted(LATEST);

    private static final String PARENT_TOPIC = """
            INSERT INTO topic (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING""";

    private static final String TOPICS = """
            INSERT INTO topic (slug, name, parent_id)
            SELECT t.slug, t.name, (SELECT id FROM topic WHERE slug = ?) FROM unnest(?::text[], ?::text[]) AS t(slug, name)
            ON CONFLICT (slug) DO NOTHING""";

    /** Category links the batch's papers no longer have (their category topics are children of the parent topic). */
    private static final String UNLINK = """
            DELETE FROM paper_topic pt
            USING (%s) s, paper p, topic t, topic parent
            WHERE p.arxiv_id = s.arxiv_id AND pt.paper_id = p.id AND pt.topic_id = t.id
              AND t.parent_id = parent.id AND parent.slug = ? AND NOT s.topics @> to_jsonb(t.slug)
            RETURNING p.arxiv_id""".formatted(LATEST);

    private static final String LINK = """
            INSERT INTO paper_topic (paper_id, topic_id)
            SELECT p.id, t.id
            FROM (%s) s JOIN paper p ON p.arxiv_id = s.arxiv_id
                 CROSS JOIN jsonb_array_elements_text(s.topics) AS c(slug) JOIN topic t ON t.slug = c.slug
            ON CONFLICT DO NOTHING
            RETURNING (SELECT arxiv_id FROM paper WHERE id = paper_id)""".formatted(LATEST);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final CopyManager copy;
    private final ArxivCategories categories;
    private final Set<String> knownTopics = new HashSet<>();

    /** What one batch did: the arXiv ids of the papers it created and of those it changed, and the topics created. */
    record Written(Set<String> created, Set<String> updated, int topicsCreated) {
    }

    PaperBatchWriter(Connection connection, ArxivCategories categories) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.categories = categories;
        try (Statement s = connection.createStatement()) {
            s.execute(STAGE);
        }
        try (PreparedStatement s = connection.prepareStatement(PARENT_TOPIC)) {
            s.setString(1, ArxivCategories.PARENT_SLUG);
            s.setString(2, ArxivCategories.PARENT_NAME);
            s.executeUpdate();
        }
    }

    Written write(List<ArxivPaper> papers) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE arxiv_stage");
        }
        try {
            copy.copyIn(COPY, new StringReader(csv(papers)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int topicsCreated = ensureTopics(papers);
        Set<String> created = new HashSet<>();
        Set<String> updated = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(UPSERT)) {
            while (rs.next()) {
                (rs.getBoolean(2) ? created : updated).add(rs.getString(1));
            }
        }
        collect(UNLINK, ArxivCategories.PARENT_SLUG, updated);
        collect(LINK, null, updated);
        // the links of a created paper are part of its creation
        updated.removeAll(created);
        return new Written(created, updated, topicsCreated);
    }

    private void collect(String sql, String parameter, Set<String> ids) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
    }

    private int ensureTopics(List<ArxivPaper> papers) throws SQLException {
        List<String> fresh = new ArrayList<>();
        for (ArxivPaper paper : papers) {
            for (String code : paper.categories()) {
                if (knownTopics.add(code)) {
                    fresh.add(code);
                }
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = connection.prepareStatement(TOPICS)) {
            s.setString(1, ArxivCategories.PARENT_SLUG);
            s.setArray(2, connection.createArrayOf("text", fresh.stream().map(ArxivCategories::topicSlug).toArray()));
            s.setArray(3, connection.createArrayOf("text", fresh.stream().map(categories::name).toArray()));
            return s.executeUpdate();
        }
    }

    private static String csv(List<ArxivPaper> papers) {
        StringBuilder out = new StringBuilder(papers.size() * 1_500);
        for (ArxivPaper p : papers) {
            out.append(p.line()).append(',');
            quoted(out, p.arxivId()).append(',');
            quoted(out, p.title()).append(',');
            quoted(out, p.titleKey()).append(',');
            quoted(out, p.slug()).append(',');
            quoted(out, p.abstractText()).append(',');
            quoted(out, json(p.authors())).append(',');
            out.append(p.year() == null ? "" : p.year().toString()).append(',');
            quoted(out, p.url()).append(',');
            quoted(out, json(p.categories().stream().map(ArxivCategories::topicSlug).toList())).append('\n');
        }
        return out.toString();
    }

    /** A CSV field: null stays empty (SQL NULL), text is quoted with quotes doubled. */
    private static StringBuilder quoted(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
