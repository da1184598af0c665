package dev.readnext.ingest.arxiv;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bulk import of arXiv metadata through the mutation and the service, against the real database. Each test uses its
 * own made-up arXiv ids and words, so that the imported papers neither meet each other nor the seed papers' texts.
 */
@QuarkusTest
class ArxivImportTest {

    private static final String IMPORT = """
            mutation I($content: String!) {
              importArxivMetadata(content: $content) {
                lines created updated unchanged skipped topicsCreated durationMs errors { line message } } }""";

    @Inject
    DataSource db;

    @Inject
    ArxivImport imports;

    @Test
    void theMutationImportsGoodLinesAndReportsMalformedOnesByLineNumber() {
        String content = String.join("\n",
                line("2511.90001", "Quokka Lattices for Sparse Tokenizers", "Quokka lattices prune tokenizers.", "cs.CL", "cs.LG"),
                "{\"id\": \"2511.90002\", \"title\": ",
                line("2511.90003", "Wombat Schedules for Sparse Tokenizers", "Wombat schedules.", "cs.CL"),
                "{\"id\": \"2511.90004\", \"abstract\": \"no title\"}",
                "{\"id\": \"12345\", \"title\": \"Bad id\"}",
                "",
                "{\"id\": \"2511.90007\", \"title\": \"" + "t".repeat(501) + "\"}",
                line("2511.90008", "Numbat Gradients", "Numbat gradients.", "cs.XX"));
        as(Tokens.editor(), IMPORT, Map.of("content", content))
                .body("errors", equalTo(null))
                .body("data.importArxivMetadata.lines", equalTo(8))
                .body("data.importArxivMetadata.created", equalTo(3))
                .body("data.importArxivMetadata.skipped", equalTo(4))
                .body("data.importArxivMetadata.errors.line", contains(2, 4, 5, 7))
                .body("data.importArxivMetadata.errors[1].message", equalTo("missing title"))
                .body("data.importArxivMetadata.errors[2].message", equalTo("invalid arXiv id: 12345"))
                .body("data.importArxivMetadata.errors[3].message", equalTo("title longer than 500 characters (501)"));

        ok("{ paper(arxivId: \"2511.90001\") { title slug year kind url authors topics { slug name parent { slug } } } }")
                .body("data.paper.title", equalTo("Quokka Lattices for Sparse Tokenizers"))
                .body("data.paper.slug", equalTo("quokka-lattices-for-sparse-tokenizers"))
                .body("data.paper.year", equalTo(2025))
                .body("data.paper.kind", equalTo("PAPER"))
                .body("data.paper.url", equalTo("https://arxiv.org/abs/2511.90001"))
                .body("data.paper.authors", contains("Ada Example", "Bo Sample"))
                .body("data.paper.topics.slug", containsInAnyOrder("arxiv-cs-cl", "arxiv-cs-lg"))
                .body("data.paper.topics.name", hasItem("Computation and Language"))
                .body("data.paper.topics.parent.slug", contains("arxiv-categories", "arxiv-categories"));
        ok("{ topic(slug: \"arxiv-cs-xx\") { name papers { totalCount } } }")
                .body("data.topic.name", equalTo("cs.XX"))
                .body("data.topic.papers.totalCount", equalTo(1));
    }

    @Test
    void aSecondImportOfTheSameContentChangesNoRowAndAnnouncesNothing() throws Exception {
        String content = String.join("\n",
                line("2511.91001", "Axolotl Caching", "Axolotl caches.", "cs.DB"),
                line("2511.91002", "Axolotl Paging", "Axolotl pages.", "cs.DB", "cs.OS"));
        BulkImportReport first = importText(content);
        assertEquals(2, first.created());
        var before = DatabaseState.rowVersions(db);
        long changes = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE weighting IS NULL");

        BulkImportReport second = importText(content);

        assertEquals(List.of(0, 0, 2, 0), List.of(second.created(), second.updated(), second.unchanged(), second.skipped()));
        assertEquals(before, DatabaseState.rowVersions(db));
        assertEquals(changes, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE weighting IS NULL"));
    }

    @Test
    void gzipAndPlainContentImportAlike() throws Exception {
        String content = line("2511.92001", "Pangolin Quantisation", "Pangolin.", "cs.AR") + "\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        BulkImportReport compressed = imports.importFrom(new ByteArrayInputStream(gz.toByteArray()), 10, ImportProgress.NONE);
        BulkImportReport plain = importText(content);
        assertEquals(List.of(1, 0), List.of(compressed.created(), compressed.unchanged()));
        assertEquals(List.of(0, 1), List.of(plain.created(), plain.unchanged()));
    }

    @Test
    void papersCreatedByAnImportFollowTheirMetadataWhenItChanges() throws Exception {
        importText(line("2511.93001", "Tapir Attention", "Tapir attention v1.", "cs.CV", "cs.AI"));
        BulkImportReport report = importText(line("2511.93001", "Tapir Attention Revisited", "Tapir attention v2.", "cs.CV"));
        assertEquals(1, report.updated());
        ok("{ paper(arxivId: \"2511.93001\") { title slug abstract topics { slug } } }")
                .body("data.paper.title", equalTo("Tapir Attention Revisited"))
                .body("data.paper.slug", equalTo("tapir-attention"))
                .body("data.paper.abstract", equalTo("Tapir attention v2."))
                .body("data.paper.topics.slug", contains("arxiv-cs-cv"));
    }

    @Test
    void aSeedPaperIsMergedByArxivIdAndKeepsItsCuratedTitleAndTldr() throws Exception {
        long papers = DatabaseState.count(db, "SELECT count(*) FROM paper");
        Map<String, Object> seed = ok("{ paper(arxivId: \"2104.09864\") { id title tldr authors } }").extract()
                .path("data.paper");
        assertEquals(List.of(), seed.get("authors"));

        // no abstract and no categories: the seed paper's text and topics (which other tests rely on) stay as they are
        BulkImportReport report = importText("{\"id\": \"2104.09864v5\", \"title\": \"Roformer: enhanced transformer\","
                + " \"authors\": [\"Jianlin Su\", \"Yu Lu\"]}");

        assertEquals(List.of(0, 1), List.of(report.created(), report.updated()));
        assertEquals(papers, DatabaseState.count(db, "SELECT count(*) FROM paper"));
        ok("{ paper(arxivId: \"2104.09864\") { id title tldr authors year } }")
                .body("data.paper.id", equalTo(seed.get("id")))
                .body("data.paper.title", equalTo(seed.get("title")))
                .body("data.paper.tldr", equalTo(seed.get("tldr")))
                .body("data.paper.authors", contains("Jianlin Su", "Yu Lu"))
                .body("data.paper.year", equalTo(2021));
    }

    @Test
    void aTakenSlugGetsTheArxivIdAppended() throws Exception {
        importText(String.join("\n",
                line("2511.94001", "Okapi Routing", "Okapi.", "cs.NI"),
                line("2511.94002", "Okapi Routing!", "Okapi again.", "cs.NI")));
        ok("{ paper(arxivId: \"2511.94002\") { slug } }").body("data.paper.slug", equalTo("okapi-routing-2511-94002"));
    }

    @Test
    void aSmallImportIsLoggedPaperByPaperAndBecomesRecommendableWithoutARebuild() throws Exception {
        long markers = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild");
        importText(String.join("\n",
                line("2511.95001", "Narwhal Echo Distillation", "Narwhal echo distillation compresses sonar narwhal"
                        + " echoes into compact students.", "cs.SD"),
                line("2511.95002", "Narwhal Echo Distillation at Scale", "We scale narwhal echo distillation of sonar"
                        + " echoes to large students.", "cs.SD")));
        assertEquals(markers, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild"));
        assertEquals(2, DatabaseState.count(db, "SELECT count(*) FROM paper_change c JOIN paper p ON p.id = c.paper_id"
                + " WHERE p.arxiv_id IN ('2511.95001', '2511.95002')"));
        String id = ok("{ paper(arxivId: \"2511.95001\") { id } }").extract().path("data.paper.id");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> related = List.of();
        while (!related.contains("2511.95002") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            related = as(null, "{ relatedPapers(paperId: \"" + id + "\", first: 3) { paper { arxivId } } }", Map.of())
                    .extract().path("data.relatedPapers.paper.arxivId");
            related = related == null ? List.of() : related;
        }
        assertTrue(related.contains("2511.95002"), "related papers: " + related);
    }

    @Test
    void anImportChangingMoreThanAThousandPapersAsksForOneRebuildInstead() throws Exception {
        long markers = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild");
        StringBuilder content = new StringBuilder();
        for (int i = 0; i <= ArxivImport.PAPERS_LOGGED_ONE_BY_ONE; i++) {
            content.append(line("2511.8%04d".formatted(i), "Quokka Ledger " + i, "Quokka ledger number " + i + ".",
                    "cs.DB")).append('\n');
        }
        try {
            BulkImportReport report = imports.importFrom(
                    new ByteArrayInputStream(content.toString().getBytes(StandardCharsets.UTF_8)), 2_000,
                    ImportProgress.NONE);
            assertEquals(ArxivImport.PAPERS_LOGGED_ONE_BY_ONE + 1, report.created());
            assertEquals(markers + 1, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild"));
            assertEquals(0, DatabaseState.count(db, "SELECT count(*) FROM paper_change c JOIN paper p"
                    + " ON p.id = c.paper_id WHERE p.arxiv_id LIKE '2511.8%'"));
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM paper WHERE arxiv_id LIKE '2511.8%'");
            }
        }
    }

    private BulkImportReport importText(String content) throws IOException {
        return imports.importFrom(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1,
                ImportProgress.NONE);
    }

    private static String line(String id, String title, String abstractText, String... categories) {
        return """
                {"id": "%s", "title": "%s", "abstract": "%s", "authors": ["Ada Example", "Bo Sample"], \
                "primary_category": "%s", "categories": [%s]}""".formatted(id, title, abstractText, categories[0],
                String.join(", ", java.util.Arrays.stream(categories).map(c -> "\"" + c + "\"").toList()));
    }
}
