package dev.readnext.ingest;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.readnext.ScrapedMetrics;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ImportMetricsTest {

    private static final String IMPORTS = "readnext_imports_seconds_count";
    private static final String PAPERS = "readnext_import_papers_total";
    private static final String IMPORT = """
            mutation I($name: String!, $content: String!) { importReadingList(name: $name, content: $content) { created merged } }""";

    @Inject
    DataSource db;

    /** The list shares RoFormer with the seed lists: other tests count the lists RoFormer is in. */
    @AfterEach
    void deleteTheList() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL readnext.bulk = 'on'");
            s.execute(Importer.LOCK_IMPORTS);
            s.execute("DELETE FROM reading_list WHERE slug = 'metrics-reading'");
            s.execute("DELETE FROM paper WHERE arxiv_id IN ('2401.09901', '2401.09902')");
            s.execute("DELETE FROM topic WHERE slug LIKE 'metrics-reading-part-%'");
            s.execute(IndexRebuild.MARKER);
            s.execute(IndexRebuild.NOTIFY);
            c.commit();
        }
    }

    @Test
    void aReadingListImportIsCountedByFormatAndOutcomeWithThePapersItWrote() {
        ScrapedMetrics before = ScrapedMetrics.scrape();

        as(Tokens.editor(), IMPORT, Map.of("name", "Metrics reading", "content", """
                # Metrics reading
                - [x] [A Paper Only The Metrics Test Knows](https://arxiv.org/abs/2401.09901)
                - [ ] [Another Paper Only The Metrics Test Knows](https://arxiv.org/abs/2401.09902)
                - [ ] [RoFormer: Enhanced Transformer with Rotary Position Embedding](https://arxiv.org/abs/2104.09864)
                """)).body("errors", equalTo(null))
                .body("data.importReadingList.created", equalTo(2))
                .body("data.importReadingList.merged", equalTo(1));

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(before.value(IMPORTS, "format", "CHECKLIST", "outcome", "success") + 1,
                after.value(IMPORTS, "format", "CHECKLIST", "outcome", "success"));
        assertEquals(before.value(PAPERS, "format", "CHECKLIST", "change", "created") + 2,
                after.value(PAPERS, "format", "CHECKLIST", "change", "created"));
        assertEquals(before.value(PAPERS, "format", "CHECKLIST", "change", "merged") + 1,
                after.value(PAPERS, "format", "CHECKLIST", "change", "merged"));
    }

    @Test
    void aRefusedImportIsCountedAsFailed() {
        double before = ScrapedMetrics.scrape().value(IMPORTS, "format", "UNKNOWN", "outcome", "failed");

        as(Tokens.editor(), IMPORT, Map.of("name", "Words", "content", "just some words, no links at all"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        assertEquals(before + 1, ScrapedMetrics.scrape().value(IMPORTS, "format", "UNKNOWN", "outcome", "failed"));
    }

    @Test
    void anArxivImportIsCountedAndTimed() {
        ScrapedMetrics before = ScrapedMetrics.scrape();

        as(Tokens.editor(), "mutation A($content: String!) { importArxivMetadata(content: $content) { created } }",
                Map.of("content", """
                        {"id": "2511.96001", "title": "Metrics Of Bulk Imports", "abstract": "Counted.", \
                        "authors": ["Ada Example"], "primary_category": "cs.LG", "categories": ["cs.LG"]}
                        """)).body("errors", equalTo(null))
                .body("data.importArxivMetadata.created", equalTo(1));

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(before.value(IMPORTS, "format", "ARXIV", "outcome", "success") + 1,
                after.value(IMPORTS, "format", "ARXIV", "outcome", "success"));
        assertEquals(before.value(PAPERS, "format", "ARXIV", "change", "created") + 1,
                after.value(PAPERS, "format", "ARXIV", "change", "created"));
    }
}
