package dev.readnext.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bundled lists as imported on first start, checked over JDBC against the real database. Other tests add their
 * own lists and papers to the same database, so these checks look at the seed lists' contents.
 */
@QuarkusTest
class SeedImportTest {

    private static final String SEED_LISTS = "('llm-901', 'llm-training', 'read-list-dump', 'llms-reading-list')";
    private static final String SEED_PAPERS = "(SELECT e.paper_id FROM reading_list_entry e JOIN reading_list l"
            + " ON l.id = e.list_id WHERE l.slug IN " + SEED_LISTS + ")";

    @Inject
    DataSource db;

    @Inject
    Importer importer;

    @Test
    void fourListsYieldBetween255And284DistinctResources() throws SQLException {
        long papers = count("SELECT count(*) FROM paper WHERE id IN " + SEED_PAPERS);
        assertTrue(papers >= 255 && papers <= 284, "distinct resources: " + papers);
        assertEquals(4, count("SELECT count(*) FROM reading_list WHERE slug IN " + SEED_LISTS));
    }

    @Test
    void noTwoPapersShareAnArxivIdOrANormalisedTitle() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM (SELECT arxiv_id FROM paper WHERE arxiv_id IS NOT NULL"
                + " GROUP BY arxiv_id HAVING count(*) > 1) d"));
        assertEquals(0, count("SELECT count(*) FROM (SELECT title_key FROM paper GROUP BY title_key"
                + " HAVING count(*) > 1) d"));
        assertEquals(count("SELECT count(*) FROM paper WHERE id IN " + SEED_PAPERS),
                count("SELECT count(DISTINCT title_key) FROM paper WHERE id IN " + SEED_PAPERS));
    }

    @Test
    void wellKnownPapersAreOnePaperEachWithAllTheirMemberships() throws SQLException {
        assertMemberships("2401.04088", List.of("llm-901", "read-list-dump"), List.of("Week 1-2"));
        assertMemberships("2106.09685", List.of("llm-901", "read-list-dump"), List.of("11/24/2025"));
        assertMemberships("2309.06180", List.of("llm-901", "read-list-dump"), List.of("Week 10-1"));
        assertMemberships("2309.00071", List.of("llm-901", "llms-reading-list"), List.of("Week 2-1"));
        assertMemberships("2104.09864", List.of("llm-901", "llms-reading-list"), List.of("Week 2-1"));
        for (String name : List.of("mixtral", "lora: low-rank", "pagedattention", "yarn", "roformer")) {
            assertEquals(1, count("SELECT count(*) FROM paper WHERE lower(title) LIKE '%" + name + "%' AND id IN "
                    + SEED_PAPERS), name);
        }
    }

    @Test
    void noTitleOrTldrContainsMojibake() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM paper WHERE title LIKE '%â€%' OR tldr LIKE '%â€%'"));
        assertEquals(1, count("SELECT count(*) FROM paper WHERE title = 'Ten Lessons From Three Generations Shaped Google’s TPUv4i'"));
    }

    @Test
    void titleGluedToItsUrlGetsItsOwnUrl() throws SQLException {
        assertEquals(1, count("SELECT count(*) FROM paper WHERE title = 'Influential Subset Selection for Language Model'"
                + " AND arxiv_id = '2305.12816' AND url LIKE '%arxiv.org%2305.12816%'"));
    }

    @Test
    void readStatusComesFromTheCheckboxesAndBelongsToTheSeedOwner() throws SQLException {
        String ownerRead = " JOIN reader_read rr ON rr.paper_id = p.id JOIN reader r ON r.id = rr.reader_id"
                + " AND r.subject = 'curator'";
        assertEquals(1, count("SELECT count(*) FROM paper p" + ownerRead + " WHERE p.arxiv_id = '2401.04088'"));
        assertEquals(0, count("SELECT count(*) FROM paper p" + ownerRead + " WHERE p.arxiv_id IS DISTINCT FROM"
                + " '2401.04088' AND p.id IN (SELECT e.paper_id FROM reading_list_entry e JOIN reading_list l"
                + " ON l.id = e.list_id WHERE l.slug IN " + SEED_LISTS + ")"));
    }

    @Test
    void topicsFromDifferentListsMergeBySlug() throws SQLException {
        assertEquals(1, count("SELECT count(*) FROM topic WHERE slug = 'mixture-of-experts'"));
        // 2502.20395 (R2-T2) comes from the awesome list's "Mixture Of Experts", Mixtral from the dump's "Mixture-of-Experts"
        assertEquals(2, count("SELECT count(*) FROM paper_topic pt JOIN topic t ON t.id = pt.topic_id"
                + " JOIN paper p ON p.id = pt.paper_id WHERE t.slug = 'mixture-of-experts'"
                + " AND p.arxiv_id IN ('2502.20395', '2401.04088')"));
    }

    @Test
    void importingTheSameListsAgainChangesNoRow() throws SQLException {
        Map<String, List<String>> before = DatabaseState.rowVersions(db);

        ImportReport report = importer.importLists(SeedImporter.parseBundledLists(), null);
        boolean importedOnStart = importer.importIfEmpty(SeedImporter::parseBundledLists).isPresent();

        assertEquals(0, report.created());
        assertEquals(0, report.merged());
        assertTrue(report.unchanged() > 255);
        assertTrue(!importedOnStart, "a start against a filled database imports nothing");
        assertEquals(before, DatabaseState.rowVersions(db), "every row keeps its physical version (xmin): nothing was written");
    }

    private void assertMemberships(String arxivId, List<String> lists, List<String> sessions) throws SQLException {
        assertEquals(1, count("SELECT count(*) FROM paper WHERE arxiv_id = '" + arxivId + "'"));
        assertEquals(lists, strings("SELECT l.slug FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id"
                + " JOIN paper p ON p.id = e.paper_id WHERE p.arxiv_id = '" + arxivId + "' AND l.slug IN " + SEED_LISTS
                + " ORDER BY l.slug"));
        assertEquals(sessions, strings("SELECT s.label FROM session_reading r JOIN course_session s ON s.id = r.session_id"
                + " JOIN paper p ON p.id = r.paper_id WHERE p.arxiv_id = '" + arxivId + "' ORDER BY s.position"));
    }

    private long count(String sql) throws SQLException {
        return DatabaseState.count(db, sql);
    }

    private List<String> strings(String sql) throws SQLException {
        return DatabaseState.strings(db, sql);
    }
}
